package org.irqlab.dsl.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Between the document's offsets and the model's line and character positions (LSP's, UTF-16 as Java's strings). */
public final class TextPositions {

	private TextPositions() {
	}

	public static Position position(IDocument document, int offset) throws BadLocationException {
		int line = document.getLineOfOffset(offset);
		return new Position(line, offset - document.getLineOffset(line));
	}

	public static int offset(IDocument document, Position position) throws BadLocationException {
		return document.getLineOffset(position.getLine()) + position.getCharacter();
	}

	/** @return start offset and length */
	public static int[] region(IDocument document, Range range) throws BadLocationException {
		int start = offset(document, range.getStart());
		return new int[] { start, offset(document, range.getEnd()) - start };
	}
}
