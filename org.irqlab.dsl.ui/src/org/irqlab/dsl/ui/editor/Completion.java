package org.irqlab.dsl.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * One proposal of the model's completion. While the popup is open it stays only as long as what has been
 * typed since is the start of its text: typing `2` after `smt ` closes a popup of words, so Enter then
 * ends the line instead of inserting one.
 */
final class Completion implements ICompletionProposal, ICompletionProposalExtension2 {

	private final String text;
	private final String label;
	private final String detail;
	private final int start;
	/** How far past the invocation offset the replaced text reached. */
	private final int tail;
	private final int invokedAt;

	private Completion(String text, String label, String detail, int start, int tail, int invokedAt) {
		this.text = text;
		this.label = label;
		this.detail = detail;
		this.start = start;
		this.tail = tail;
		this.invokedAt = invokedAt;
	}

	static Completion of(IDocument document, int offset, CompletionItem item) {
		String text = item.getInsertText() != null ? item.getInsertText() : item.getLabel();
		int start = offset;
		int end = offset;
		if (item.getTextEdit() != null && item.getTextEdit().isLeft()) {
			TextEdit edit = item.getTextEdit().getLeft();
			text = edit.getNewText();
			try {
				int[] region = TextPositions.region(document, edit.getRange());
				start = region[0];
				end = region[0] + region[1];
			} catch (BadLocationException e) {
				return null;
			}
		}
		String label = item.getLabel() == null ? text : item.getLabel();
		return new Completion(text, label, item.getDetail(), start, Math.max(0, end - offset), offset);
	}

	/**
	 * Whether the proposal would be written straight after a word or number with nothing typed of it (the
	 * model proposes what may follow `smt 2`, which the user separates with a space): such a proposal is not
	 * one the user is typing.
	 */
	boolean gluesOntoTheWordBefore(IDocument document) {
		try {
			if (start != invokedAt || start == 0) {
				return false;
			}
			char before = document.getChar(start - 1);
			return Character.isLetterOrDigit(before) || before == '_' || before == '-' || before == '.';
		} catch (BadLocationException e) {
			return true;
		}
	}

	@Override
	public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
		try {
			viewer.getDocument().replace(start, offset + tail - start, text);
		} catch (BadLocationException e) {
			// the text changed under the popup; nothing sensible to insert
		}
	}

	@Override
	public void apply(IDocument document) {
		try {
			document.replace(start, invokedAt + tail - start, text);
		} catch (BadLocationException e) {
			// as above
		}
	}

	@Override
	public boolean validate(IDocument document, int offset, DocumentEvent event) {
		if (offset < start) {
			return false;
		}
		try {
			String typed = document.get(start, offset - start);
			return text.regionMatches(true, 0, typed, 0, typed.length()) && typed.length() <= text.length();
		} catch (BadLocationException e) {
			return false;
		}
	}

	@Override
	public Point getSelection(IDocument document) {
		return new Point(start + text.length(), 0);
	}

	@Override
	public void selected(ITextViewer viewer, boolean smartToggle) {
	}

	@Override
	public void unselected(ITextViewer viewer) {
	}

	@Override
	public String getAdditionalProposalInfo() {
		return detail;
	}

	@Override
	public String getDisplayString() {
		return label;
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}
}
