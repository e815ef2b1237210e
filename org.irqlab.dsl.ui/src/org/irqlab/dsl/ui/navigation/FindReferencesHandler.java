package org.irqlab.dsl.ui.navigation;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.dialogs.ListDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.Names;
import org.irqlab.dsl.ui.editor.TextPositions;
import org.irqlab.dsl.ui.model.DocumentUris;
import org.irqlab.dsl.ui.model.ModelReads;

/**
 * Ctrl+Shift+G (the Generic Editor's Find References) on a machine, device type or named device: its uses
 * in every file of the project, in a list to pick one from (the workbench has no Search view to show them in).
 */
public class FindReferencesHandler extends AbstractHandler {

	private static final long WAIT_MS = 10_000;

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ITextEditor editor = Adapters.adapt(HandlerUtil.getActiveEditor(event), ITextEditor.class);
		if (editor == null || !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		List<? extends Location> references = references(document, selection.getOffset());
		Shell shell = HandlerUtil.getActiveShell(event);
		String name = Names.at(document, selection.getOffset());
		if (references.isEmpty()) {
			MessageDialog.openInformation(shell, "References", "Nothing in the project uses " + name + ".");
			return null;
		}
		ListDialog dialog = new ListDialog(shell);
		dialog.setTitle("References to " + name);
		dialog.setMessage(references.size() + " uses in the project:");
		dialog.setContentProvider(ArrayContentProvider.getInstance());
		dialog.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return label((Location) element);
			}
		});
		dialog.setInput(references);
		if (dialog.open() == Window.OK && dialog.getResult().length == 1) {
			Locations.reveal((Location) dialog.getResult()[0]);
		}
		return null;
	}

	/** The uses of the name at the offset, declaration excluded, as the model finds them. */
	public static List<? extends Location> references(IDocument document, int offset) {
		String uri = IrqLabUiPlugin.getDefault().documents().uriOf(document);
		if (uri == null) {
			return List.of();
		}
		try {
			ReferenceParams params = new ReferenceParams(new TextDocumentIdentifier(uri),
					TextPositions.position(document, offset), new ReferenceContext(false));
			List<? extends Location> answer = ModelReads
					.await(IrqLabUiPlugin.getDefault().model().ask(server -> server.references(params)), WAIT_MS);
			return answer == null ? List.of() : answer;
		} catch (BadLocationException e) {
			return List.of();
		}
	}

	private static String label(Location location) {
		var file = DocumentUris.fileOf(location.getUri());
		String where = file == null ? location.getUri() : file.getFullPath().toString();
		return where + ", line " + (location.getRange().getStart().getLine() + 1);
	}
}
