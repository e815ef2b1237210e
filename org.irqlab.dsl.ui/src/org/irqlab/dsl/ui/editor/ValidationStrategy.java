package org.irqlab.dsl.ui.editor;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.ide.quickfix.CapacityQuickFixes;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.builder.ProblemMarkers;

import com.google.inject.Injector;

/**
 * Runs the language's validator on the editor's text, on the reconciler's thread, and shows its
 * issues as annotations. A run whose text is outdated by the time it ends shows nothing: the
 * reconciler has already been told about the newer edit and runs again.
 */
class ValidationStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	private ISourceViewer viewer;
	private IDocument document;
	private IProgressMonitor monitor = new NullProgressMonitor();
	private Annotation[] shown = new Annotation[0];
	private IAnnotationModel listenedTo;

	void setViewer(ISourceViewer viewer) {
		this.viewer = viewer;
	}

	/**
	 * The builder's markers say what the file said when it was last saved; in the editor the live
	 * annotations say it for the text as typed, so the markers' annotations are hidden (as JDT does).
	 */
	private static void hideBuilderMarkers(IAnnotationModel model) {
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation annotation && !annotation.isMarkedDeleted()
					&& isBuilderMarker(annotation.getMarker())) {
				annotation.markDeleted(true);
			}
		}
	}

	private static boolean isBuilderMarker(IMarker marker) {
		try {
			return marker.exists() && marker.isSubtypeOf(ProblemMarkers.TYPE);
		} catch (CoreException e) {
			return false;
		}
	}

	@Override
	public void setDocument(IDocument document) {
		this.document = document;
	}

	@Override
	public void setProgressMonitor(IProgressMonitor monitor) {
		if (monitor != null) {
			this.monitor = monitor;
		}
	}

	// Without this, nothing is validated until the first edit.
	@Override
	public void initialReconcile() {
		validate();
	}

	@Override
	public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
		validate();
	}

	@Override
	public void reconcile(IRegion partition) {
		validate();
	}

	private void validate() {
		IDocument current = document;
		ISourceViewer currentViewer = viewer;
		if (current == null || currentViewer == null) {
			return;
		}
		long stamp = stampOf(current);
		String text = current.get();
		Injector injector = IrqLabUiPlugin.getDefault().getInjector();
		XtextResource resource = DocumentParser.parse(injector, text, locationOf(current));
		List<Issue> issues;
		try {
			issues = DocumentParser.validate(resource, monitor::isCanceled);
		} catch (RuntimeException | Error e) {
			if (injector.getInstance(OperationCanceledManager.class).isOperationCanceledException(e)) {
				return;
			}
			throw e;
		}
		if (monitor.isCanceled() || stampOf(current) != stamp) {
			return;
		}
		ModelSnapshots.publish(new ModelSnapshot(current, stamp, text, resource, List.copyOf(issues)));
		IAnnotationModel model = currentViewer.getAnnotationModel();
		if (model != null && model != listenedTo) {
			// the viewer gets its annotation model after the reconciler is installed
			model.addAnnotationModelListener(ValidationStrategy::hideBuilderMarkers);
			listenedTo = model;
		}
		if (model instanceof IAnnotationModelExtension extension) {
			CapacityQuickFixes quickFixes = injector.getInstance(CapacityQuickFixes.class);
			Map<Annotation, Position> added = new HashMap<>();
			for (Issue issue : issues) {
				added.put(new IssueAnnotation(issue, quickFixes.hasFixesFor(issue.getCode())), positionOf(issue));
			}
			Annotation[] previous = shown;
			shown = added.keySet().toArray(new Annotation[0]);
			extension.replaceAnnotations(previous, added);
		}
	}

	private static long stampOf(IDocument document) {
		return document instanceof IDocumentExtension4 extension ? extension.getModificationStamp() : 0;
	}

	private static Position positionOf(Issue issue) {
		int offset = issue.getOffset() == null ? 0 : issue.getOffset();
		int length = issue.getLength() == null ? 0 : issue.getLength();
		return new Position(offset, length);
	}

	private static String locationOf(IDocument document) {
		ITextFileBuffer buffer = FileBuffers.getTextFileBufferManager().getTextFileBuffer(document);
		if (buffer != null) {
			IPath location = buffer.getLocation();
			if (location != null) {
				return location.toString();
			}
		}
		return "/unsaved.irqlab";
	}
}
