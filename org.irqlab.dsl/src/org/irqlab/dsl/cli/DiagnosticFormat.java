package org.irqlab.dsl.cli;

import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.xtext.validation.Issue;

/** Formats validator issues the way compilers do, so editors and CI logs can jump to them. */
public final class DiagnosticFormat {

	private DiagnosticFormat() {
	}

	/** {@code file:line:column: severity: message}, with 1-based line and column. */
	public static String compilerStyle(Path file, Issue issue) {
		int line = issue.getLineNumber() == null ? 1 : issue.getLineNumber();
		int column = issue.getColumn() == null ? 1 : issue.getColumn();
		return file + ":" + line + ":" + column + ": " + issue.getSeverity().name().toLowerCase(Locale.ROOT) + ": "
				+ issue.getMessage();
	}
}
