package org.irqlab.dsl.importer;

/**
 * Terminal output as people paste it from web pages, chats and write-ups: indentation of non-breaking or
 * other Unicode spaces, zero-width characters, markdown emphasis ({@code **553**}), backticks and remarks
 * after the values ({@code // 可用向量}). {@link #clean} turns a line into what the terminal showed without
 * moving any character, so a column in the cleaned line is a column in the file.
 */
public final class PastedText {

	private PastedText() {
	}

	/** The line with every Unicode space and invisible character, `**`, `__` and backtick a space, and a trailing `//` remark cut off. */
	public static String clean(String line) {
		StringBuilder out = new StringBuilder(line.length());
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if (!quoted && c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
				break;
			}
			if (!quoted && (c == '*' || c == '_') && i + 1 < line.length() && line.charAt(i + 1) == c
					&& emphasis(line, i)) {
				out.append("  ");
				i++;
			} else if (isSpace(c) || (!quoted && c == '`')) {
				out.append(' ');
			} else {
				out.append(c);
			}
		}
		return out.toString();
	}

	// `__` inside a word (a struct field such as __data) is not markdown
	private static boolean emphasis(String line, int i) {
		if (line.charAt(i) == '*') {
			return true;
		}
		boolean wordBefore = i > 0 && isWord(line.charAt(i - 1));
		boolean wordAfter = i + 2 < line.length() && isWord(line.charAt(i + 2));
		return !(wordBefore && wordAfter);
	}

	private static boolean isWord(char c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	/** Any Unicode space (including U+00A0, U+2007, U+202F, U+3000), and the zero-width characters pages carry. */
	public static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\u200c' || c == '\u200d'
				|| c == '\u2060' || c == '\ufeff';
	}

	/** The first character that is not printable ASCII, as an index into {@code text}, or -1. */
	public static int firstUnexpected(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				return i;
			}
		}
		return -1;
	}

	/** 'X' (U+FF1D FULLWIDTH EQUALS SIGN): a character as a message names it. */
	public static String describe(String text, int index) {
		int cp = text.codePointAt(index);
		String name = Character.getName(cp);
		return "'" + new String(Character.toChars(cp)) + "' (" + String.format("U+%04X", cp) + (name == null ? "" : " " + name) + ")";
	}
}
