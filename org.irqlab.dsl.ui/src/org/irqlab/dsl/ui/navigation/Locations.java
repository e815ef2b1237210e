package org.irqlab.dsl.ui.navigation;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Location;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.TextPositions;
import org.irqlab.dsl.ui.model.DocumentUris;

/** Opens the workspace file of a model location in its editor and selects the range. */
final class Locations {

	private Locations() {
	}

	static void reveal(Location location) {
		IFile file = DocumentUris.fileOf(location.getUri());
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		if (file == null || page == null) {
			return;
		}
		try {
			IEditorPart part = IDE.openEditor(page, file);
			if (part instanceof ITextEditor editor) {
				IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
				int[] region = TextPositions.region(document, location.getRange());
				editor.selectAndReveal(region[0], region[1]);
			}
		} catch (PartInitException e) {
			IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
		} catch (BadLocationException e) {
			// the declaration moved since the model answered; the file is open, which is most of the way
		}
	}
}
