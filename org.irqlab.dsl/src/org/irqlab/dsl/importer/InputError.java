package org.irqlab.dsl.importer;

/**
 * A captured file IrqLab cannot read as the kernel writes it: malformed, truncated, or missing where it is
 * needed. Its message names the file, line and, when one character is to blame, its column, the way
 * compilers do, so the user can open the spot.
 */
public final class InputError extends Exception {
	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final int column;
	private final String problem;

	/** @param line 1-based, or 0 when the problem is the file as a whole */
	public InputError(String file, int line, String problem) {
		this(file, line, 0, problem);
	}

	/**
	 * @param line   1-based, or 0 when the problem is the file as a whole
	 * @param column 1-based (in characters, as an editor counts them), or 0 when not one spot of the line
	 */
	public InputError(String file, int line, int column, String problem) {
		super(where(file, line, column) + ": " + problem, null, false, false);
		this.file = file;
		this.line = line;
		this.column = line > 0 ? column : 0;
		this.problem = problem;
	}

	private static String where(String file, int line, int column) {
		return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
	}

	/** {@code file:line[:column]: error: problem}, as `irqlab check` prints its diagnostics. */
	public String compilerStyle() {
		return where(file, line, column) + ": error: " + problem;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	/** 1-based, or 0 when the problem is not one spot of the line. */
	public int column() {
		return column;
	}

	public String problem() {
		return problem;
	}
}
