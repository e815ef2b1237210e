package org.irqlab.dsl.tests.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.irqlab.dsl.cli.IrqLabCli;

/** One run of the command line, in process, with what it printed. */
record CliRun(int exitCode, String out, String err) {

	static CliRun of(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = IrqLabCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new CliRun(code, out.toString(), err.toString());
	}

	List<String> outLines() {
		return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
	}

	/** The project's examples folder, as the build passes it to the tests. */
	static Path examples() {
		String folder = System.getProperty("irqlab.examples");
		if (folder == null) {
			throw new IllegalStateException("the build must set -Dirqlab.examples to the examples folder");
		}
		return Path.of(folder);
	}
}
