package org.irqlab.dsl.report;

/** Escaping for text and attribute values in the HTML and SVG the report writes. */
public final class Html {

	private Html() {
	}

	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** Escapes, then shows `code` spans as code, the way the verdict sentences quote statements. */
	public static String prose(String text) {
		String escaped = escape(text);
		StringBuilder out = new StringBuilder();
		boolean open = false;
		for (int i = 0; i < escaped.length(); i++) {
			char c = escaped.charAt(i);
			if (c == '`') {
				out.append(open ? "</code>" : "<code>");
				open = !open;
			} else {
				out.append(c);
			}
		}
		if (open) {
			out.append("</code>");
		}
		return out.toString();
	}
}
