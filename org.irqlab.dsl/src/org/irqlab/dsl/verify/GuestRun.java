package org.irqlab.dsl.verify;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Boots a guest and collects what its init prints: QEMU writes the serial console to a file, which is read
 * as it grows so that progress can be shown while the guest runs.
 */
final class GuestRun {

	/**
	 * The lines the init printed (prefix removed), and how the run ended.
	 *
	 * @param qemuFailure QEMU's own last message when it exited with an error (it can abort on a guest's
	 *                    access, e.g. an assertion in a device model), else null
	 */
	record Transcript(List<String> lines, QemuCommand.Accel accel, long seconds, String qemuFailure) {
	}

	private GuestRun() {
	}

	/**
	 * @param firstLineSeconds give up when the init has printed nothing after this long (a hung accelerator)
	 * @param onLine sees each init line as it arrives (progress)
	 * @throws VerifyException when QEMU fails, or the guest neither finishes nor stops within the timeout
	 */
	static Transcript boot(List<String> command, Path serial, QemuCommand.Accel accel, long timeoutSeconds,
			long firstLineSeconds, Consumer<String> onLine) throws VerifyException {
		long start = System.nanoTime();
		List<String> lines = new ArrayList<>();
		Path qemuLog = serial.resolveSibling("qemu.log");
		Process process;
		try {
			Files.deleteIfExists(serial);
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(qemuLog.toFile()).start();
		} catch (IOException e) {
			throw new VerifyException(command.get(0) + ": " + e.getMessage());
		}
		try (Tail tail = new Tail(serial)) {
			while (true) {
				boolean exited = process.waitFor(200, TimeUnit.MILLISECONDS);
				for (String line : tail.newLines()) {
					if (line.startsWith(GuestInit.PREFIX)) {
						String body = line.substring(GuestInit.PREFIX.length());
						lines.add(body);
						onLine.accept(body);
					}
				}
				if (exited) {
					break;
				}
				if (lines.isEmpty() && System.nanoTime() - start > TimeUnit.SECONDS.toNanos(firstLineSeconds)) {
					process.destroyForcibly();
					throw new VerifyException("the guest's init had not started after " + firstLineSeconds + " s");
				}
				if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
					process.destroyForcibly();
					throw new VerifyException("the guest did not finish within " + timeoutSeconds + " s (raise --timeout);"
							+ " its console is in " + serial);
				}
			}
		} catch (IOException e) {
			process.destroyForcibly();
			throw new VerifyException(serial + ": " + e.getMessage());
		} catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new VerifyException("interrupted");
		}
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
		if (process.exitValue() != 0 && lines.isEmpty()) {
			throw new VerifyException("QEMU failed (exit " + process.exitValue() + "): " + lastLine(qemuLog));
		}
		String failure = process.exitValue() != 0 ? "exit " + process.exitValue() + ": " + lastLine(qemuLog) : null;
		return new Transcript(List.copyOf(lines), accel, seconds, failure);
	}

	private static String lastLine(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return lines.stream().filter(l -> !l.contains("warning:")).reduce((a, b) -> b)
					.orElse(lines.isEmpty() ? "no message" : lines.get(lines.size() - 1));
		} catch (IOException e) {
			return "no message";
		}
	}

	/** Reads the complete lines appended to a file since the last call. */
	private static final class Tail implements AutoCloseable {
		private final Path file;
		private RandomAccessFile reader;
		private final StringBuilder partial = new StringBuilder();

		Tail(Path file) {
			this.file = file;
		}

		List<String> newLines() throws IOException {
			if (reader == null) {
				if (!Files.exists(file)) {
					return List.of();
				}
				reader = new RandomAccessFile(file.toFile(), "r");
			}
			byte[] buffer = new byte[1 << 16];
			List<String> lines = new ArrayList<>();
			int read;
			while ((read = reader.read(buffer)) > 0) {
				partial.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
				int newline;
				while ((newline = partial.indexOf("\n")) >= 0) {
					lines.add(partial.substring(0, newline).replace("\r", ""));
					partial.delete(0, newline + 1);
				}
			}
			return lines;
		}

		@Override
		public void close() throws IOException {
			if (reader != null) {
				reader.close();
			}
		}
	}
}
