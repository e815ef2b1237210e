package org.irqlab.dsl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file the command line writes for the user (`irqlab import -o FILE`): readers see nothing or all of
 * it (a temporary file beside it, moved into place), its permissions follow the user's umask like any
 * file their tools create (not the 0600 of Java's temporary files), and anything already at the path,
 * a dangling symbolic link included, is kept unless they said to replace it.
 */
final class UserFile {

	private UserFile() {
	}

	/** @throws IOException with a message for the user, to follow "FILE: error: "; no temporary file is left behind */
	static void write(Path target, String text, boolean replace) throws IOException {
		Path absolute = target.toAbsolutePath().normalize();
		Path dir = absolute.getParent();
		if (!replace && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException((Files.isSymbolicLink(absolute) && !Files.exists(absolute)
					? "is a symbolic link (to a missing file)" : "already exists") + "; pass --force to replace it");
		}
		if (dir == null || !Files.isDirectory(dir)) {
			throw new IOException("its folder does not exist");
		}
		if (Files.isDirectory(absolute)) {
			throw new IOException("is a folder");
		}
		Path temporary = dir.resolve("." + absolute.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
		// createFile without attributes: mode 0666 less the umask, as the shell's > would make it
		Files.createFile(temporary);
		Thread cleanup = new Thread(() -> {
			try {
				Files.deleteIfExists(temporary);
			} catch (IOException e) {
				// nothing more to do while the JVM stops
			}
		}, "irqlab-temporary-cleanup");
		Runtime.getRuntime().addShutdownHook(cleanup);
		try {
			Files.writeString(temporary, text, StandardCharsets.UTF_8);
			if (!replace) {
				// link(2) fails on anything already there, a link that appeared meanwhile included
				try {
					Files.createLink(absolute, temporary);
					return;
				} catch (FileAlreadyExistsException e) {
					throw new IOException("already exists; pass --force to replace it");
				} catch (UnsupportedOperationException | IOException e) {
					if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
						throw new IOException("already exists; pass --force to replace it");
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
			try {
				Runtime.getRuntime().removeShutdownHook(cleanup);
			} catch (IllegalStateException e) {
				// shutting down: the hook deletes it too
			}
		}
	}
}
