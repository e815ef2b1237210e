package org.irqlab.dsl.cli;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.xtext.validation.Issue;

/** Formats validator issues the way compilers do, so editors and CI logs can jump to them. */
public final class DiagnosticFormat {

	private DiagnosticFormat() {
	}

	/** Issues as a reader meets them: by line and column, the most severe first on the same spot. */
	public static List<Issue> inReadingOrder(List<Issue> issues) {
		return issues.stream().sorted(Comparator.comparing((Issue issue) -> orZero(issue.getLineNumber()))
				.thenComparing(issue -> orZero(issue.getColumn())).thenComparing(Issue::getSeverity)).toList();
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	/** {@code file:line:column: severity: message}, with 1-based line and column. */
	public static String compilerStyle(Path file, Issue issue) {
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 1 : issue.getColumn();
		return file + ":" + line + ":" + column + ": " + issue.getSeverity().name().toLowerCase(Locale.ROOT) + ": "
				+ issue.getMessage();
	}
}
