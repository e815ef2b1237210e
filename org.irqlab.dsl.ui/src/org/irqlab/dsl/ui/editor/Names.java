package org.irqlab.dsl.ui.editor;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Region;

/** The name around an offset, as the grammar spells names: letters, digits, `_` and `-`. */
public final class Names {

	private Names() {
	}

	public static IRegion regionAt(IDocument document, int offset) throws BadLocationException {
		int start = offset;
		while (start > 0 && isNamePart(document.getChar(start - 1))) {
			start--;
		}
		int end = offset;
		while (end < document.getLength() && isNamePart(document.getChar(end))) {
			end++;
		}
		return new Region(start, end - start);
	}

	public static String at(IDocument document, int offset) {
		try {
			IRegion region = regionAt(document, offset);
			return document.get(region.getOffset(), region.getLength());
		} catch (BadLocationException e) {
			return "";
		}
	}

	private static boolean isNamePart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '-';
	}
}
