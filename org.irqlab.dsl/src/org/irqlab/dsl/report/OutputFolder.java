package org.irqlab.dsl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The folder reports are written to. Every file lands inside it or not at all: paths that would
 * leave it (absolute, "..", through a symbolic link) are refused, and each file is written to a
 * temporary file next to it and moved into place, so a reader never sees half a report. A folder
 * that already holds files IrqLab did not write is refused, so nothing of the user's is overwritten.
 */
public final class OutputFolder {

	/** Marks a folder as IrqLab's, so later runs may replace what is in it. */
	public static final String MARKER = ".irqlab-gen";

	private final Path root;

	private OutputFolder(Path root) {
		this.root = root;
	}

	/** @throws IOException with a message for the user when the folder cannot be used */
	public static OutputFolder open(Path folder) throws IOException {
		Path root = folder.toAbsolutePath().normalize();
		if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException(folder + " exists and is not a folder");
		}
		if (Files.isDirectory(root) && !Files.exists(root.resolve(MARKER))) {
			try (var entries = Files.list(root)) {
				if (entries.findAny().isPresent()) {
					throw new IOException(folder + " already holds files that irqlab report did not write (no "
							+ MARKER + " in it); choose an empty or new folder with -o");
				}
			}
		}
		Files.createDirectories(root);
		Path real = root.toRealPath();
		OutputFolder output = new OutputFolder(real);
		output.write(MARKER, "Written by irqlab report; files in this folder are replaced on the next run.\n");
		return output;
	}

	public Path root() {
		return root;
	}

	/** Writes {@code relative} (with '/' separators) atomically; returns where it went. */
	public Path write(String relative, String content) throws IOException {
		Path target = resolve(relative);
		Files.createDirectories(target.getParent());
		if (!target.getParent().toRealPath().startsWith(root)) {
			throw new IOException("refused to write " + relative + ": it would leave " + root);
		}
		if (Files.isSymbolicLink(target)) {
			throw new IOException("refused to write " + relative + ": it is a symbolic link");
		}
		Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			Files.write(temporary, content.getBytes(StandardCharsets.UTF_8));
			readableByAll(temporary);
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
		return target;
	}

	// Temporary files are private (0600); a report is meant to be read by others, like any file the user writes.
	private static void readableByAll(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: its defaults apply
		}
	}

	/** @throws IOException when {@code relative} is not a path inside the folder */
	public Path resolve(String relative) throws IOException {
		if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
			throw new IOException("refused to write '" + relative + "': not a relative path inside " + root);
		}
		for (String segment : relative.split("/")) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new IOException("refused to write '" + relative + "': it would leave " + root);
			}
		}
		Path target = root.resolve(relative).normalize();
		if (!target.startsWith(root) || target.equals(root)) {
			throw new IOException("refused to write '" + relative + "': it would leave " + root);
		}
		return target;
	}
}
