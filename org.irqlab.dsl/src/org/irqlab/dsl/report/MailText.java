package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

/** The text of commit messages: paragraphs as the templates write them, wrapped as git's own messages are. */
public final class MailText {

	private MailText() {
	}

	/**
	 * The paragraphs of a template's text: separated by blank lines; the lines of one paragraph are joined with
	 * a space, so a template may break a long sentence anywhere it has a space.
	 */
	public static List<String> paragraphs(CharSequence text) {
		List<String> paragraphs = new ArrayList<>();
		for (String block : text.toString().replace("\r\n", "\n").split("\n(\\s*\n)+")) {
			String paragraph = String.join(" ", block.strip().split("\\s*\n\\s*"));
			if (!paragraph.isEmpty()) {
				paragraphs.add(paragraph);
			}
		}
		return List.copyOf(paragraphs);
	}

	/** The paragraph's words in lines of at most {@code width} characters (a longer word gets a line of its own). */
	public static String wrap(String paragraph, int width) {
		StringBuilder out = new StringBuilder();
		int column = 0;
		for (String word : paragraph.split(" ")) {
			if (word.isEmpty()) {
				continue;
			}
			if (column > 0 && column + 1 + word.length() > width) {
				out.append('\n');
				column = 0;
			} else if (column > 0) {
				out.append(' ');
				column++;
			}
			out.append(word);
			column += word.length();
		}
		return out.toString();
	}
}
