package org.irqlab.dsl.ui.editor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The regions that fold: `{ ... }` blocks and block comments spanning more than one line, found by
 * scanning the text (no parse), so folding keeps working while the model has syntax errors.
 */
public final class FoldingRegions {

	/** Offsets of the first character and just past the last line of a region. */
	public record Fold(int offset, int end) {
	}

	private FoldingRegions() {
	}

	public static List<Fold> of(String text) {
		List<Fold> folds = new ArrayList<>();
		Deque<Integer> open = new ArrayDeque<>();
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				i = lineEnd(text, i);
			} else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				int close = text.indexOf("*/", i + 2);
				int end = close < 0 ? text.length() : close + 2;
				addIfMultiLine(folds, text, lineStart(text, i), end);
				i = end;
			} else if (c == '"') {
				int close = text.indexOf('"', i + 1);
				i = close < 0 ? text.length() : close + 1;
			} else {
				if (c == '{') {
					open.push(i);
				} else if (c == '}' && !open.isEmpty()) {
					addIfMultiLine(folds, text, lineStart(text, open.pop()), i + 1);
				}
				i++;
			}
		}
		folds.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
		return folds;
	}

	private static void addIfMultiLine(List<Fold> folds, String text, int start, int end) {
		if (text.substring(start, end).indexOf('\n') < 0) {
			return;
		}
		// Fold whole lines, so the closing line goes with the region.
		int lineEnd = lineEnd(text, end);
		folds.add(new Fold(start, lineEnd < text.length() ? lineEnd + 1 : lineEnd));
	}

	private static int lineStart(String text, int offset) {
		int start = offset;
		while (start > 0 && text.charAt(start - 1) != '\n') {
			start--;
		}
		return start;
	}

	private static int lineEnd(String text, int offset) {
		int end = text.indexOf('\n', offset);
		return end < 0 ? text.length() : end;
	}
}
