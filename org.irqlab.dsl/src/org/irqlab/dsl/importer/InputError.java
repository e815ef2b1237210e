package org.irqlab.dsl.importer;

/**
 * A captured file IrqLab cannot read as the kernel writes it: malformed, truncated, or missing where it is
 * needed. Its message names the file and line the way compilers do, so the user can open the spot.
 */
public final class InputError extends Exception {
	private static final long serialVersionUID = 1L;

	private final String file;
	private final int line;
	private final String problem;

	/** @param line 1-based, or 0 when the problem is the file as a whole */
	public InputError(String file, int line, String problem) {
		super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem, null, false, false);
		this.file = file;
		this.line = line;
		this.problem = problem;
	}

	/** {@code file:line: error: problem}, as `irqlab check` prints its diagnostics. */
	public String compilerStyle() {
		return file + (line > 0 ? ":" + line : "") + ": error: " + problem;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

	public String problem() {
		return problem;
	}
}
