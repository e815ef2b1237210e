package org.irqlab.dsl.ui.model;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.ide.quickfix.CapacityQuickFixes;
import org.irqlab.dsl.ui.builder.ProblemMarkers;
import org.irqlab.dsl.ui.editor.IssueAnnotation;

/**
 * An open document's issues as annotations in its buffer's annotation model, which every editor on the
 * file shows. The problem markers carry the same issues; in the editor they are hidden under these (as
 * JDT does), which follow the text as it is typed.
 */
final class LiveAnnotations {

	/** Weakly: a closed file's buffer, and its annotation model, go when nobody else holds them. */
	private final Map<IAnnotationModel, Annotation[]> shown = new WeakHashMap<>();
	private final CapacityQuickFixes quickFixes;

	LiveAnnotations(CapacityQuickFixes quickFixes) {
		this.quickFixes = quickFixes;
	}

	synchronized void show(IAnnotationModel model, List<Issue> issues) {
		if (!(model instanceof IAnnotationModelExtension extension)) {
			return;
		}
		if (!shown.containsKey(model)) {
			model.addAnnotationModelListener(LiveAnnotations::hideMarkers);
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (Issue issue : issues) {
			added.put(new IssueAnnotation(issue, quickFixes.hasFixesFor(issue.getCode())), positionOf(issue));
		}
		Annotation[] previous = shown.getOrDefault(model, new Annotation[0]);
		shown.put(model, added.keySet().toArray(new Annotation[0]));
		extension.replaceAnnotations(previous, added);
	}

	private static void hideMarkers(IAnnotationModel model) {
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation annotation && !annotation.isMarkedDeleted()
					&& isProblemMarker(annotation.getMarker())) {
				annotation.markDeleted(true);
			}
		}
	}

	private static boolean isProblemMarker(IMarker marker) {
		try {
			return marker.exists() && marker.isSubtypeOf(ProblemMarkers.TYPE);
		} catch (CoreException e) {
			return false;
		}
	}

	private static Position positionOf(Issue issue) {
		int offset = issue.getOffset() == null ? 0 : issue.getOffset();
		int length = issue.getLength() == null ? 0 : issue.getLength();
		return new Position(offset, length);
	}
}
