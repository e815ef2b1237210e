package org.irqlab.dsl.tests.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An external program the report tests rely on (git, spatch, chromium), run to completion. */
final class Process {

	record Result(int exitCode, String output) {
	}

	private Process() {
	}

	/** Whether {@code program} is on the PATH. */
	static boolean installed(String program) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

	static Result run(Path directory, String... command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		Path output = Files.createTempFile("irqlab-process", ".out");
		try {
			builder.redirectOutput(output.toFile());
			java.lang.Process process = builder.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(String.join(" ", command) + " did not finish within 120 s");
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		} finally {
			Files.deleteIfExists(output);
		}
	}
}
