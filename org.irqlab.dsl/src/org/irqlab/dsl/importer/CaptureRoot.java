package org.irqlab.dsl.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the host's files are: the running system's root, or a directory holding copies under the same
 * relative paths (DIR/proc/interrupts, DIR/sys/devices/system/cpu/online). Reading is the same for
 * both, so an import from a capture behaves as one on the host itself.
 */
public final class CaptureRoot {

	/**
	 * The most IrqLab reads from one file: 64 MiB. The largest file it reads from a host is /proc/interrupts,
	 * about 11 bytes per CPU per interrupt: with 8192 CPUs (x86_64's limit) and 700 interrupts it stays below
	 * this. A larger file is not a copy of what the kernel printed, and reading it whole would only exhaust
	 * the heap. procfs files report a size of 0, so the limit is enforced while reading, not from the size.
	 */
	public static final int MAX_BYTES = 64 * 1024 * 1024;

	private final Path base;
	private final boolean live;
	private final List<String> unreadable = new ArrayList<>();

	private CaptureRoot(Path base, boolean live) {
		this.base = base;
		this.live = live;
	}

	public static CaptureRoot live() {
		return new CaptureRoot(Path.of("/"), true);
	}

	public static CaptureRoot directory(Path dir) {
		return new CaptureRoot(dir, false);
	}

	public boolean isLive() {
		return live;
	}

	public Path base() {
		return base;
	}

	/** How a file is named in messages: /proc/interrupts on the host, DIR/proc/interrupts in a capture. */
	public String display(String relative) {
		return live ? "/" + relative : base.resolve(relative).toString();
	}

	/** Files that exist but could not be read (debugfs without root), for the model's comments. */
	public List<String> unreadable() {
		return List.copyOf(unreadable);
	}

	public boolean exists(String relative) {
		return Files.exists(base.resolve(relative));
	}

	public boolean isDirectory(String relative) {
		return Files.isDirectory(base.resolve(relative));
	}

	/**
	 * The file's text, or empty when the host does not have it (or hides it from this user). Only regular
	 * files are read, following links: a FIFO (which would block the import until something writes to it), a
	 * device such as /dev/zero (which never ends) or a socket is refused without being opened.
	 */
	public Optional<TextFile> read(String relative) throws InputError {
		Path file = base.resolve(relative);
		String name = display(relative);
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file, BasicFileAttributes.class);
		} catch (NoSuchFileException e) {
			return Optional.empty(); // absent, or a link to nothing
		} catch (AccessDeniedException e) {
			unreadable.add(name);
			return Optional.empty();
		} catch (IOException e) {
			throw new InputError(name, 0, "cannot be read: " + e.getMessage());
		}
		if (attributes.isDirectory()) {
			throw new InputError(name, 0, "is a directory, expected a file");
		}
		try {
			return Optional.of(readRegular(file, name, attributes));
		} catch (AccessDeniedException e) {
			unreadable.add(name);
			return Optional.empty();
		} catch (NoSuchFileException e) {
			return Optional.empty();
		} catch (IOException e) {
			throw new InputError(name, 0, "cannot be read: " + e.getMessage());
		}
	}

	/** A file named on the command line (--crash, --lscpu): it must exist and be a regular file. */
	public static TextFile readFile(Path file) throws InputError {
		String name = file.toString();
		try {
			return readRegular(file, name, Files.readAttributes(file, BasicFileAttributes.class));
		} catch (NoSuchFileException e) {
			throw new InputError(name, 0, "no such file");
		} catch (IOException e) {
			throw new InputError(name, 0, "cannot be read: " + e.getMessage());
		}
	}

	private static TextFile readRegular(Path file, String name, BasicFileAttributes attributes)
			throws IOException, InputError {
		if (!attributes.isRegularFile()) {
			throw new InputError(name, 0, "is " + kind(file, attributes) + ", not a regular file: IrqLab reads only regular"
					+ " files (copies of the host's files, or procfs and sysfs on the host), so that nothing can make it wait"
					+ " or read without end");
		}
		byte[] bytes;
		try (InputStream in = Files.newInputStream(file)) {
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		if (bytes.length > MAX_BYTES) {
			throw new InputError(name, 0, "is larger than " + (MAX_BYTES >> 20) + " MiB, the most IrqLab reads from one file"
					+ " (a /proc/interrupts of 8192 CPUs and 700 interrupts is smaller): is it a copy of the host's file?");
		}
		return TextFile.of(name, new String(bytes, StandardCharsets.UTF_8).replace('\0', ' '));
	}

	/** "a FIFO", "a link to /dev/zero, a character device": what a file that is not a regular one is. */
	private static String kind(Path file, BasicFileAttributes attributes) {
		String type = "a special file";
		try {
			Object mode = Files.getAttribute(file, "unix:mode");
			if (mode instanceof Integer bits) {
				type = switch (bits & 0170000) {
					case 0010000 -> "a FIFO (named pipe)";
					case 0020000 -> "a character device";
					case 0060000 -> "a block device";
					case 0140000 -> "a socket";
					default -> type;
				};
			}
		} catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
			// not a Unix file system view: the generic word will do
		}
		if (Files.isSymbolicLink(file)) {
			try {
				return "a link to " + Files.readSymbolicLink(file) + ", " + type;
			} catch (IOException e) {
				return "a link to " + type;
			}
		}
		return type;
	}

	/** Names inside a directory, sorted as `ls` would; empty when it does not exist. */
	public List<String> list(String relativeDir) throws InputError {
		Path dir = base.resolve(relativeDir);
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			for (Path entry : entries) {
				names.add(entry.getFileName().toString());
			}
		} catch (AccessDeniedException e) {
			unreadable.add(display(relativeDir));
			return List.of();
		} catch (IOException e) {
			throw new InputError(display(relativeDir), 0, "cannot be listed: " + e.getMessage());
		}
		names.sort(null);
		return names;
	}

	/**
	 * The last element of a sysfs link such as {@code driver -> ../../../bus/pci/drivers/nvme}: on the host
	 * (and in a `cp -a` copy) it is a symbolic link; the capture script stores `readlink`'s output in a file.
	 */
	public Optional<String> linkName(String relative) throws InputError {
		Path file = base.resolve(relative);
		try {
			if (Files.isSymbolicLink(file)) {
				Path target = Files.readSymbolicLink(file);
				return Optional.ofNullable(target.getFileName()).map(Path::toString);
			}
		} catch (IOException e) {
			throw new InputError(display(relative), 0, "cannot be read as a link: " + e.getMessage());
		}
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(file)) {
			return Optional.empty();
		}
		Optional<TextFile> text = read(relative);
		if (text.isEmpty() || text.get().lines().isEmpty() || text.get().lines().get(0).isBlank()) {
			return Optional.empty();
		}
		String target = text.get().lines().get(0).strip();
		int slash = target.lastIndexOf('/');
		return Optional.of(slash < 0 ? target : target.substring(slash + 1));
	}
}
