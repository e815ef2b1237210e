package org.irqlab.dsl.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either nothing or all of it: the text goes to a temporary file next
 * to the target, which is then moved into place. A file the user already has is kept unless they said
 * to replace it.
 */
public final class AtomicOutput {

	private AtomicOutput() {
	}

	/** @throws IOException with a message for the user; no temporary file is left behind */
	public static void write(Path target, String text, boolean replace) throws IOException {
		Path absolute = target.toAbsolutePath();
		Path dir = absolute.getParent();
		if (!replace && Files.exists(absolute)) {
			throw new FileAlreadyExistsException(target + " already exists; pass --force to replace it");
		}
		if (dir == null || !Files.isDirectory(dir)) {
			throw new IOException("the folder of " + target + " does not exist");
		}
		Path temporary = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			if (!replace) {
				// a file that appeared meanwhile is the user's: linking fails rather than replacing it
				try {
					Files.createLink(absolute, temporary);
					return;
				} catch (UnsupportedOperationException | IOException e) {
					if (Files.exists(absolute)) {
						throw new FileAlreadyExistsException(target + " already exists; pass --force to replace it");
					}
				}
			}
			try {
				Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
