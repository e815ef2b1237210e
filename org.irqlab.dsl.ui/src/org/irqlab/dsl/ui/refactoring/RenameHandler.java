package org.irqlab.dsl.ui.refactoring;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.Names;
import org.irqlab.dsl.ui.editor.TextPositions;
import org.irqlab.dsl.ui.model.ModelReads;

/**
 * Alt+Shift+R on a machine, device type, scenario or named device, at its declaration or at a use: asks
 * for the new name, and the model renames it in every file of the project that names it.
 */
public class RenameHandler extends AbstractHandler {

	private static final long WAIT_MS = 20_000;

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ITextEditor editor = Adapters.adapt(HandlerUtil.getActiveEditor(event), ITextEditor.class);
		if (editor == null || !editor.isEditable()
				|| !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		Shell shell = HandlerUtil.getActiveShell(event);
		String name = Names.at(document, selection.getOffset());
		InputDialog dialog = new InputDialog(shell, "Rename", "New name for " + name + ":", name,
				text -> text.isBlank() ? "a name" : null);
		if (dialog.open() != Window.OK || dialog.getValue().equals(name)) {
			return null;
		}
		String problem = rename(document, selection.getOffset(), dialog.getValue().strip());
		if (problem != null) {
			MessageDialog.openInformation(shell, "Rename", problem);
		}
		return null;
	}

	/** @return null when renamed, else what stopped it, in words for the user */
	public static String rename(IDocument document, int offset, String newName) {
		String uri = IrqLabUiPlugin.getDefault().documents().uriOf(document);
		if (uri == null) {
			return "This file is not in a project of the workspace.";
		}
		try {
			RenameParams params = new RenameParams(new TextDocumentIdentifier(uri), TextPositions.position(document, offset),
					newName);
			WorkspaceEdit edit = ModelReads.await(IrqLabUiPlugin.getDefault().model().ask(server -> server.rename(params)),
					WAIT_MS);
			if (edit == null || edit.getChanges() == null || edit.getChanges().isEmpty()) {
				return "Nothing here can be renamed: put the cursor on the name of a machine, device type, scenario or named device.";
			}
			WorkspaceEdits.apply(edit);
			return null;
		} catch (BadLocationException e) {
			return "The text changed while it was being renamed; try again.";
		} catch (CoreException e) {
			return e.getStatus().getMessage();
		}
	}
}
