package org.irqlab.dsl.ui.editor;

import java.util.List;

import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.model.OpenDocuments;

/**
 * An open document's text as the workspace model last checked it: which version, and its issues. The
 * resource itself stays in the model; read it through {@link org.irqlab.dsl.ui.model.WorkspaceModel#read}.
 *
 * @param uri the URI the model knows the document by
 */
public record ModelSnapshot(IDocument document, String uri, int version, List<Issue> issues) {

	/** Whether the document still holds exactly the text this snapshot was made from. */
	public boolean isCurrent() {
		OpenDocuments.Open open = IrqLabUiPlugin.getDefault().documents().of(document);
		return open != null && open.version().get() == version;
	}
}
