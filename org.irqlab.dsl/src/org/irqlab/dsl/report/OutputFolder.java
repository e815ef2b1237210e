package org.irqlab.dsl.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder reports are written to. Every file lands inside it or not at all: paths that would
 * leave it (absolute, "..", through a symbolic link) are refused before anything is created, and
 * nothing is ever created outside it. A scenario's report folder is written beside its final place
 * and swapped in with renames, so a reader sees the previous report or the new one, whole, never a
 * mix; what an interrupted run leaves (a half-written folder beside, the previous one moved aside)
 * is cleaned up on shutdown or, after a kill, by the next run. A folder that already holds files
 * IrqLab did not write is refused, so nothing of the user's is overwritten.
 */
public final class OutputFolder {

	/** Marks a folder as IrqLab's, so later runs may replace what is in it. */
	public static final String MARKER = ".irqlab-gen";

	/** A folder being written ({@code .NAME.irqlab-new-RANDOM}) or the previous one moved aside ({@code -old-}). */
	private static final Pattern SWAP = Pattern.compile("\\.(.+)\\.irqlab-(new|old)-[^/]*");

	/** A temporary file of a single write ({@code .NAME123.tmp}), also what earlier versions left. */
	private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.tmp");

	private final Path root;

	/** Folders and files that exist only while a write is under way; removed by {@link #abandon()}. */
	private final Set<Path> inFlight = new LinkedHashSet<>();

	/** Set once the JVM shuts down or {@link #abandon()} ran: no further write starts. */
	private boolean abandoned;

	private Thread shutdownHook;

	private OutputFolder(Path root) {
		this.root = root;
	}

	/** @throws IOException with a message for the user when the folder cannot be used */
	public static OutputFolder open(Path folder) throws IOException {
		Path root = folder.toAbsolutePath().normalize();
		if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
			throw new IOException(folder + (Files.isSymbolicLink(root)
					? " is a symbolic link; name the folder it points to, or a new folder"
					: " exists and is not a folder"));
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
		output.cleanUp();
		output.write(MARKER, "Written by irqlab report; files in this folder are replaced on the next run.\n");
		return output;
	}

	public Path root() {
		return root;
	}

	/**
	 * Removes what interrupted runs left: half-written folders and temporary files are deleted, a
	 * previous report moved aside is put back when the new one never arrived, and deleted otherwise.
	 */
	private void cleanUp() throws IOException {
		List<Path> found = new ArrayList<>();
		try (Stream<Path> all = Files.walk(root, 4)) {
			all.filter(p -> !p.equals(root)).forEach(found::add);
		}
		for (Path path : found) {
			String name = path.getFileName().toString();
			var swap = SWAP.matcher(name);
			if (swap.matches() && Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
				Path target = path.resolveSibling(swap.group(1));
				if (swap.group(2).equals("old") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
					Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
				} else {
					deleteTree(path);
				}
			} else if (TEMPORARY.matcher(name).matches() && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** Writes {@code relative} (with '/' separators) atomically; returns where it went. */
	public synchronized Path write(String relative, String content) throws IOException {
		checkOpen();
		Path target = resolve(relative);
		createFolders(target.getParent(), relative);
		if (Files.isSymbolicLink(target)) {
			throw new IOException("refused to write " + relative + ": it is a symbolic link");
		}
		writeAtomically(target, content);
		return target;
	}

	/**
	 * Writes a folder of files as a whole: into a new folder beside {@code relativeFolder}, which then
	 * replaces the previous one with two renames. Until the second rename the previous folder is in
	 * place; an interruption in between is undone on shutdown or by the next run.
	 *
	 * @param files paths relative to the folder, with '/' separators, and their contents
	 * @return the folder written
	 */
	public Path writeFolder(String relativeFolder, Iterable<? extends java.util.Map.Entry<String, String>> files)
			throws IOException {
		Path target;
		Path staging;
		synchronized (this) {
			checkOpen();
			target = resolve(relativeFolder);
			createFolders(target.getParent(), relativeFolder);
			if (Files.isSymbolicLink(target)) {
				throw new IOException("refused to write " + relativeFolder + ": it is a symbolic link");
			}
			staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".irqlab-new-");
			inFlight.add(staging);
			readableByAll(staging, "rwxr-xr-x");
		}
		try {
			for (var file : files) {
				synchronized (this) {
					checkOpen();
					Path inside = resolveIn(staging, file.getKey());
					createFolders(staging, inside.getParent(), file.getKey());
					Files.write(inside, file.getValue().getBytes(StandardCharsets.UTF_8));
					readableByAll(inside, "rw-r--r--");
				}
			}
			synchronized (this) {
				checkOpen();
				swap(staging, target);
			}
		} finally {
			synchronized (this) {
				if (inFlight.remove(staging)) {
					deleteTree(staging);
				}
			}
		}
		return target;
	}

	/** Puts {@code fresh} in the place of {@code target}, moving the previous one aside and deleting it. */
	private void swap(Path fresh, Path target) throws IOException {
		if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
			move(fresh, target);
			inFlight.remove(fresh);
			return;
		}
		Path old = target.resolveSibling("." + target.getFileName() + ".irqlab-old-" + fresh.getFileName().toString()
				.substring(fresh.getFileName().toString().lastIndexOf('-') + 1));
		move(target, old);
		inFlight.add(old);
		try {
			move(fresh, target);
			inFlight.remove(fresh);
		} catch (IOException e) {
			move(old, target);
			inFlight.remove(old);
			throw e;
		}
		inFlight.remove(old);
		deleteTree(old);
	}

	/**
	 * What the shutdown hook does: stops further writes, puts back a previous report moved aside whose
	 * replacement has not arrived, and deletes what was being written. Waits for a write under way.
	 */
	public synchronized void abandon() {
		abandoned = true;
		for (Path path : new ArrayList<>(inFlight)) {
			try {
				var swap = SWAP.matcher(path.getFileName().toString());
				Path target = swap.matches() ? path.resolveSibling(swap.group(1)) : null;
				if (swap.matches() && swap.group(2).equals("old") && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
					move(path, target);
				} else {
					deleteTree(path);
				}
			} catch (IOException e) {
				// the next run cleans up what is left
			}
		}
		inFlight.clear();
	}

	/** Cleans up on SIGINT/SIGTERM until {@link #close()}. */
	public synchronized OutputFolder cleanOnShutdown() {
		if (shutdownHook == null) {
			shutdownHook = new Thread(this::abandon, "irqlab-output-cleanup");
			Runtime.getRuntime().addShutdownHook(shutdownHook);
		}
		return this;
	}

	/** Ends the shutdown clean-up; the folder may not be written afterwards. */
	public synchronized void close() {
		if (shutdownHook != null) {
			try {
				Runtime.getRuntime().removeShutdownHook(shutdownHook);
			} catch (IllegalStateException e) {
				// shutting down already: the hook runs
			}
			shutdownHook = null;
		}
	}

	private void checkOpen() throws IOException {
		if (abandoned) {
			throw new IOException("interrupted");
		}
	}

	private static void move(Path from, Path to) throws IOException {
		Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void writeAtomically(Path target, String content) throws IOException {
		Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			Files.write(temporary, content.getBytes(StandardCharsets.UTF_8));
			readableByAll(temporary, "rw-r--r--");
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
	}

	/** Creates {@code folder} inside the root one level at a time, never through a symbolic link. */
	private void createFolders(Path folder, String relative) throws IOException {
		createFolders(root, folder, relative);
	}

	private static void createFolders(Path base, Path folder, String relative) throws IOException {
		if (!folder.startsWith(base)) {
			throw new IOException("refused to write " + relative + ": it would leave " + base);
		}
		Path current = base;
		for (Path segment : base.relativize(folder)) {
			if (segment.toString().isEmpty()) {
				continue;
			}
			current = current.resolve(segment);
			if (Files.isSymbolicLink(current)) {
				throw new IOException("refused to write " + relative + ": " + current + " is a symbolic link, it would leave "
						+ base);
			}
			if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
				try {
					Files.createDirectory(current);
				} catch (FileAlreadyExistsException e) {
					// made meanwhile: checked below
				}
			}
			if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
				throw new IOException("refused to write " + relative + ": " + current
						+ (Files.isSymbolicLink(current) ? " is a symbolic link, it would leave " + base : " is not a folder"));
			}
		}
	}

	private static void deleteTree(Path path) throws IOException {
		if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
			Files.deleteIfExists(path);
			return;
		}
		try (Stream<Path> all = Files.walk(path)) {
			for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(each);
			}
		}
	}

	// Temporary files are private (0600); a report is meant to be read by others, like any file the user writes.
	private static void readableByAll(Path file, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		} catch (UnsupportedOperationException e) {
			// not a POSIX file system: its defaults apply
		}
	}

	/** @throws IOException when {@code relative} is not a path inside the folder */
	public Path resolve(String relative) throws IOException {
		return resolveIn(root, relative);
	}

	private static Path resolveIn(Path base, String relative) throws IOException {
		if (relative.isEmpty() || relative.startsWith("/") || relative.contains("\\") || relative.contains("\0")) {
			throw new IOException("refused to write '" + relative + "': not a relative path inside " + base);
		}
		for (String segment : relative.split("/")) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
				throw new IOException("refused to write '" + relative + "': it would leave " + base);
			}
		}
		Path target = base.resolve(relative).normalize();
		if (!target.startsWith(base) || target.equals(base)) {
			throw new IOException("refused to write '" + relative + "': it would leave " + base);
		}
		return target;
	}
}
