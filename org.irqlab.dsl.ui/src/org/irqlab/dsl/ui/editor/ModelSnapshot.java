package org.irqlab.dsl.ui.editor;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

/**
 * A document's text as last parsed and validated by the reconciler. The resource belongs to the
 * snapshot alone and is never changed, so hovers and the Vector Matrix view may read it (and the
 * simulation cached on it) from any thread.
 *
 * @param stamp the document's modification stamp when its text was taken
 */
public record ModelSnapshot(IDocument document, long stamp, String text, XtextResource resource, List<Issue> issues) {

	/** Whether the document still holds exactly the text this snapshot was made from. */
	public boolean isCurrent() {
		return document.get().equals(text);
	}
}
