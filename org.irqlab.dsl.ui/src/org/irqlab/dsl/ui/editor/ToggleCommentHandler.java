package org.irqlab.dsl.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;

/** Ctrl+/ in an .irqlab editor: comments the selected lines out with `//`, or back in when all already are. */
public class ToggleCommentHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ITextEditor editor = Adapters.adapt(HandlerUtil.getActiveEditor(event), ITextEditor.class);
		if (editor == null || !editor.isEditable()) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		if (!(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		IRewriteTarget target = editor.getAdapter(IRewriteTarget.class);
		// One undo step for the whole toggle, not one per line.
		if (target != null) {
			target.beginCompoundChange();
		}
		try {
			int first = selection.getStartLine();
			int last = lastSelectedLine(document, selection);
			boolean throughNextLine = last < selection.getEndLine();
			toggle(document, first, last);
			// The text widget shifts the selection off the edited lines; put it back so that Ctrl+/ again undoes it.
			int start = document.getLineOffset(first);
			int end = throughNextLine ? document.getLineOffset(last + 1)
					: document.getLineOffset(last) + lineText(document, last).length();
			editor.selectAndReveal(start, end - start);
		} catch (BadLocationException e) {
			throw new ExecutionException("the selection is outside the document", e);
		} finally {
			if (target != null) {
				target.endCompoundChange();
			}
		}
		return null;
	}

	/**
	 * Whole lines selected with Shift+Down end at column 0 of the next line, which the user did not mean to
	 * include.
	 */
	static int lastSelectedLine(IDocument document, ITextSelection selection) throws BadLocationException {
		int last = selection.getEndLine();
		if (selection.getLength() > 0 && last > selection.getStartLine()
				&& document.getLineOffset(last) == selection.getOffset() + selection.getLength()) {
			return last - 1;
		}
		return last;
	}

	/** Toggles `// ` at the lines' common indentation; blank lines are left alone. */
	public static void toggle(IDocument document, int firstLine, int lastLine) throws BadLocationException {
		boolean allCommented = true;
		int indent = Integer.MAX_VALUE;
		for (int line = firstLine; line <= lastLine; line++) {
			String text = lineText(document, line);
			if (text.isBlank()) {
				continue;
			}
			String stripped = text.stripLeading();
			indent = Math.min(indent, text.length() - stripped.length());
			allCommented &= stripped.startsWith("//");
		}
		if (indent == Integer.MAX_VALUE) {
			return;
		}
		// Backwards, so that the offsets of the lines not yet edited stay valid.
		for (int line = lastLine; line >= firstLine; line--) {
			String text = lineText(document, line);
			if (text.isBlank()) {
				continue;
			}
			int lineOffset = document.getLineOffset(line);
			if (allCommented) {
				int at = text.indexOf("//");
				int length = text.startsWith("// ", at) ? 3 : 2;
				document.replace(lineOffset + at, length, "");
			} else {
				document.replace(lineOffset + indent, 0, "// ");
			}
		}
	}

	private static String lineText(IDocument document, int line) throws BadLocationException {
		return document.get(document.getLineOffset(line), document.getLineLength(line)).replaceAll("[\r\n]+$", "");
	}
}
