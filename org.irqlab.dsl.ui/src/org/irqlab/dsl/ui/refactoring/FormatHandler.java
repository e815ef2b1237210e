package org.irqlab.dsl.ui.refactoring;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.DocumentEdits;
import org.irqlab.dsl.ui.model.ModelReads;

/**
 * Ctrl+Shift+F: the language's formatter (org.irqlab.dsl's formatting2, through the model), one undo
 * step. A formatted file gets no edit, so it is not marked as changed.
 */
public class FormatHandler extends AbstractHandler {

	private static final long WAIT_MS = 10_000;
	private static final int INDENT = 4;

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ITextEditor editor = Adapters.adapt(HandlerUtil.getActiveEditor(event), ITextEditor.class);
		if (editor != null && editor.isEditable()) {
			format(editor.getDocumentProvider().getDocument(editor.getEditorInput()));
		}
		return null;
	}

	/** @return whether the document changed */
	public static boolean format(IDocument document) throws ExecutionException {
		String uri = IrqLabUiPlugin.getDefault().documents().uriOf(document);
		if (uri == null) {
			return false;
		}
		DocumentFormattingParams params = new DocumentFormattingParams(new TextDocumentIdentifier(uri),
				new FormattingOptions(INDENT, true));
		List<? extends TextEdit> edits = ModelReads.await(IrqLabUiPlugin.getDefault().model().ask(server -> server.formatting(params)),
				WAIT_MS);
		if (edits == null || edits.isEmpty()) {
			return false;
		}
		try {
			DocumentEdits.apply(document, edits);
		} catch (BadLocationException e) {
			throw new ExecutionException("the text changed while it was being formatted", e);
		}
		return true;
	}
}
