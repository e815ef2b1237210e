package org.irqlab.dsl.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/** Runs the language's validator on the editor's text and shows its issues as annotations. */
class ValidationStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {

	static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error";
	static final String WARNING_TYPE = "org.eclipse.ui.workbench.texteditor.warning";
	static final String INFO_TYPE = "org.eclipse.ui.workbench.texteditor.info";

	private ISourceViewer viewer;
	private IDocument document;
	private IProgressMonitor monitor = new NullProgressMonitor();
	private Annotation[] shown = new Annotation[0];

	void setViewer(ISourceViewer viewer) {
		this.viewer = viewer;
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
		List<Issue> issues = DocumentValidator.validate(IrqLabUiPlugin.getDefault().getInjector(), current.get(),
				locationOf(current), monitor::isCanceled);
		if (monitor.isCanceled()) {
			return;
		}
		IAnnotationModel model = currentViewer.getAnnotationModel();
		if (model instanceof IAnnotationModelExtension extension) {
			Map<Annotation, Position> added = new HashMap<>();
			for (Issue issue : issues) {
				added.put(new Annotation(typeOf(issue.getSeverity()), false, issue.getMessage()), positionOf(issue));
			}
			Annotation[] previous = shown;
			shown = added.keySet().toArray(new Annotation[0]);
			extension.replaceAnnotations(previous, added);
		}
	}

	private static Position positionOf(Issue issue) {
		int offset = issue.getOffset() == null ? 0 : issue.getOffset();
		int length = issue.getLength() == null ? 0 : issue.getLength();
		return new Position(offset, length);
	}

	private static String typeOf(Severity severity) {
		return switch (severity) {
			case ERROR -> ERROR_TYPE;
			case WARNING -> WARNING_TYPE;
			default -> INFO_TYPE;
		};
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
