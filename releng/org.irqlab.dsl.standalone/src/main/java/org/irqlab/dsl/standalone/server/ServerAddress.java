package org.irqlab.dsl.standalone.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the check server of one jar listens: a Unix domain socket in a folder only its user can enter
 * ({@code $XDG_RUNTIME_DIR/irqlab}, else {@code ~/.cache/irqlab/run}), named after the jar's path, size
 * and modification time, so a rebuilt jar never talks to a server started from the old one. Beside it, a
 * lock file that the live server holds for its lifetime, and its log. Client and server use only the JDK
 * here: the client must start fast.
 */
public final class ServerAddress {

	/** Longest socket path the kernel takes (sun_path is 108 bytes with the terminating NUL). */
	private static final int MAX_SOCKET_PATH = 107;

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private final Path jar;
	private final Path directory;
	private final String identity;

	private ServerAddress(Path jar, Path directory, String identity) {
		this.jar = jar;
		this.directory = directory;
		this.identity = identity;
	}

	/** @throws IOException when the jar cannot be read */
	public static ServerAddress of(Path jar) throws IOException {
		Path real = jar.toRealPath();
		return new ServerAddress(real, runDirectory(), identity(real));
	}

	/** The folder of the sockets: {@code $XDG_RUNTIME_DIR/irqlab}, else {@code ${XDG_CACHE_HOME:-~/.cache}/irqlab/run}. */
	static Path runDirectory() {
		String runtime = System.getenv("XDG_RUNTIME_DIR");
		if (runtime != null && runtime.startsWith("/") && Files.isDirectory(Path.of(runtime))) {
			return Path.of(runtime, "irqlab");
		}
		String cache = System.getenv("XDG_CACHE_HOME");
		Path base = cache != null && cache.startsWith("/") ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("irqlab").resolve("run");
	}

	/** The jar's path, size and modification time, hashed (64-bit FNV-1a) into 16 hex digits. */
	static String identity(Path realJar) throws IOException {
		BasicFileAttributes attributes = Files.readAttributes(realJar, BasicFileAttributes.class);
		return hash(realJar + "\0" + attributes.size() + "\0" + attributes.lastModifiedTime().toMillis());
	}

	private static String hash(String text) {
		long hash = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			hash ^= b & 0xff;
			hash *= 0x100000001b3L;
		}
		String hex = Long.toHexString(hash);
		return "0".repeat(16 - hex.length()) + hex;
	}

	public Path jar() {
		return jar;
	}

	public Path directory() {
		return directory;
	}

	public Path socket() {
		return directory.resolve("check-" + identity + ".sock");
	}

	public Path lock() {
		return directory.resolve("check-" + identity + ".lock");
	}

	public Path log() {
		return directory.resolve("check-" + identity + ".log");
	}

	/** Whether the jar is still the one this address was made for (same size and time); false when it is gone. */
	public boolean jarUnchanged() {
		try {
			return identity(jar).equals(identity);
		} catch (IOException e) {
			return false;
		}
	}

	/** Whether the socket's path fits a Unix domain socket address. */
	public boolean fits() {
		return socket().toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH;
	}

	/**
	 * Makes the folder (mode 0700) if it is missing, and says whether it is safe to use: a folder of this
	 * user that nobody else may enter or write. Anything else and the server is not used.
	 */
	public boolean prepareDirectory() {
		try {
			if (!Files.isDirectory(directory)) {
				Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
				// createDirectories' mode is masked by the umask: set it exactly
				Files.setPosixFilePermissions(directory, OWNER_ONLY);
			}
			return safeDirectory();
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}

	/** Whether the folder exists, is no symbolic link, belongs to this user and is closed to others. */
	public boolean safeDirectory() {
		try {
			PosixFileAttributes attributes = Files.readAttributes(directory, PosixFileAttributes.class,
					java.nio.file.LinkOption.NOFOLLOW_LINKS);
			return attributes.isDirectory() && attributes.owner().getName().equals(System.getProperty("user.name"))
					&& attributes.permissions().equals(OWNER_ONLY);
		} catch (IOException | UnsupportedOperationException e) {
			return false;
		}
	}
}
