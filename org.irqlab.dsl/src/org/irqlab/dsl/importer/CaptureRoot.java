package org.irqlab.dsl.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the host's files are: the running system's root, or a directory holding copies under the same
 * relative paths (DIR/proc/interrupts, DIR/sys/devices/system/cpu/online). Reading is the same for
 * both, so an import from a capture behaves as one on the host itself.
 */
public final class CaptureRoot {

	/** procfs and sysfs files are small; anything larger is not what IrqLab asked for. */
	private static final long MAX_BYTES = 64L * 1024 * 1024;

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

	/** The file's text, or empty when the host does not have it (or hides it from this user). */
	public Optional<TextFile> read(String relative) throws InputError {
		Path file = base.resolve(relative);
		String name = display(relative);
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		if (Files.isDirectory(file)) {
			throw new InputError(name, 0, "is a directory, expected a file");
		}
		try {
			long size = Files.size(file);
			if (size > MAX_BYTES) {
				throw new InputError(name, 0, "is " + size + " bytes long; no procfs or sysfs file is that large");
			}
			String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace('\0', ' ');
			return Optional.of(TextFile.of(name, text));
		} catch (AccessDeniedException e) {
			unreadable.add(name);
			return Optional.empty();
		} catch (NoSuchFileException e) {
			return Optional.empty();
		} catch (IOException e) {
			throw new InputError(name, 0, "cannot be read: " + e.getMessage());
		}
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
