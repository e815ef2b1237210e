package org.irqlab.dsl.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the host tools verify relies on (apt-get, dpkg-deb, xz, zstd), each with a clear message when absent. */
final class HostCommands {

	private HostCommands() {
	}

	/** The first of these programs on PATH, or null. */
	static Path find(String... programs) {
		String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
		for (String program : programs) {
			for (String dir : path.split(":")) {
				Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

	static Path require(String program, String debianPackage) throws VerifyException {
		Path found = find(program);
		if (found == null) {
			throw new VerifyException(program + " is not installed (Debian: apt-get install " + debianPackage + ")");
		}
		return found;
	}

	/** Runs a command in {@code dir}, its output captured, and fails with that output when it does not succeed. */
	static String run(Path dir, long timeoutSeconds, String... command) throws VerifyException {
		try {
			Path log = Files.createTempFile("irqlab-verify", ".log");
			try {
				Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
						.redirectOutput(log.toFile()).start();
				if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
					process.destroyForcibly();
					throw new VerifyException(String.join(" ", command) + ": no answer after " + timeoutSeconds + " s");
				}
				String output = Files.readString(log, StandardCharsets.UTF_8).strip();
				if (process.exitValue() != 0) {
					throw new VerifyException(String.join(" ", command) + " failed (exit " + process.exitValue() + ")"
							+ (output.isEmpty() ? "" : ": " + lastLines(output, 5)));
				}
				return output;
			} finally {
				Files.deleteIfExists(log);
			}
		} catch (IOException e) {
			throw new VerifyException(command[0] + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new VerifyException(command[0] + ": interrupted");
		}
	}

	/** Decompresses a file with an external tool into {@code target}. */
	static void decompress(Path source, Path target) throws VerifyException {
		List<String> command = new ArrayList<>();
		String name = source.getFileName().toString();
		if (name.endsWith(".xz")) {
			command.addAll(List.of(require("xz", "xz-utils").toString(), "-dc"));
		} else if (name.endsWith(".zst")) {
			command.addAll(List.of(require("zstd", "zstd").toString(), "-dc"));
		} else if (name.endsWith(".gz")) {
			command.addAll(List.of(require("gzip", "gzip").toString(), "-dc"));
		} else {
			throw new VerifyException(source + ": unknown compression");
		}
		command.add(source.toString());
		try {
			Process process = new ProcessBuilder(command).redirectOutput(target.toFile())
					.redirectError(ProcessBuilder.Redirect.DISCARD).start();
			if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
				process.destroyForcibly();
				throw new VerifyException(source + ": cannot be decompressed");
			}
		} catch (IOException e) {
			throw new VerifyException(source + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new VerifyException(source + ": interrupted");
		}
	}

	private static String lastLines(String text, int count) {
		String[] lines = text.split("\n");
		return String.join(" | ", List.of(lines).subList(Math.max(0, lines.length - count), lines.length));
	}
}
