package org.irqlab.dsl.importer;

import java.util.List;

/**
 * A file read from a host: the name to show the user and its lines. Parsers report problems through
 * {@link #error} so every message carries the file and the line.
 */
public record TextFile(String name, List<String> lines) {

	/** A file from its text; a final newline does not make an empty last line. */
	public static TextFile of(String name, String text) {
		String normalised = text.replace("\r\n", "\n");
		List<String> lines = List.of(normalised.split("\n", -1));
		if (normalised.endsWith("\n") || normalised.isEmpty()) {
			lines = lines.subList(0, lines.size() - 1);
		}
		return new TextFile(name, lines);
	}

	/** @param index 0-based line index */
	public InputError error(int index, String problem) {
		return new InputError(name, index + 1, problem);
	}

	/**
	 * @param index  0-based line index
	 * @param offset 0-based char offset in that line; the message gives the 1-based column an editor shows
	 */
	public InputError error(int index, int offset, String problem) {
		return new InputError(name, index + 1, column(index, offset), problem);
	}

	/** The 1-based column of a char offset, counting characters (code points) as editors do. */
	public int column(int index, int offset) {
		String line = index < lines.size() ? lines.get(index) : "";
		return line.codePointCount(0, Math.max(0, Math.min(offset, line.length()))) + 1;
	}

	public InputError error(String problem) {
		return new InputError(name, 0, problem);
	}

	/** The first line, stripped; for one-value sysfs files. */
	public String firstLine() throws InputError {
		if (lines.isEmpty() || lines.get(0).isBlank()) {
			throw error("the file is empty");
		}
		return lines.get(0).strip();
	}
}
