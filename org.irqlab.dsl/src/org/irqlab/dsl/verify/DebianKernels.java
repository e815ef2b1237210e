package org.irqlab.dsl.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fetches a Debian kernel package by name with the system's own apt (nothing else is downloaded) and
 * unpacks it into a cache, once.
 */
public final class DebianKernels {

	private static final Pattern PACKAGE_NAME = Pattern.compile("linux-image-[a-z0-9][a-z0-9.+~-]*");

	private DebianKernels() {
	}

	/** The cache folder: $XDG_CACHE_HOME/irqlab/kernels, else ~/.cache/irqlab/kernels. */
	public static Path cache() {
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("irqlab").resolve("kernels");
	}

	public static GuestKernel fetch(String requested, Path cache, Consumer<String> progress) throws VerifyException {
		if (!PACKAGE_NAME.matcher(requested).matches()) {
			throw new VerifyException(requested + ": not a Debian kernel package name (linux-image-...)");
		}
		String packageName = currentKernelOf(requested);
		if (!packageName.equals(requested)) {
			progress.accept(requested + " is " + packageName + " today");
		}
		Path unpacked = cache.resolve(packageName);
		if (Files.isDirectory(unpacked.resolve("boot"))) {
			progress.accept("using " + packageName + " from " + unpacked);
			return GuestKernel.unpacked(unpacked, packageName);
		}
		Path aptGet = HostCommands.require("apt-get", "apt");
		Path dpkgDeb = HostCommands.require("dpkg-deb", "dpkg");
		try {
			Files.createDirectories(cache);
			Path download = Files.createTempDirectory(cache, "download-");
			try {
				progress.accept("fetching " + packageName + " with apt-get download");
				HostCommands.run(download, 600, aptGet.toString(), "download", packageName);
				Path deb;
				try (Stream<Path> files = Files.list(download)) {
					deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst()
							.orElseThrow(() -> new VerifyException("apt-get download " + packageName + " gave no .deb"));
				}
				Path staging = Files.createTempDirectory(cache, "unpack-");
				progress.accept("unpacking " + deb.getFileName());
				HostCommands.run(download, 600, dpkgDeb.toString(), "-x", deb.toString(), staging.toString());
				GuestKernel.unpacked(staging, packageName);
				Files.move(staging, unpacked);
			} finally {
				deleteTree(download);
			}
		} catch (IOException e) {
			throw new VerifyException(cache + ": " + e.getMessage());
		}
		return GuestKernel.unpacked(unpacked, packageName);
	}

	/**
	 * The kernel a metapackage stands for today (linux-image-amd64, linux-image-cloud-amd64 depend on the
	 * release's current ABI, e.g. linux-image-6.1.0-57-amd64); a kernel package itself stands for itself.
	 * Old ABI numbers leave the archive, so scripts and CI name the metapackage.
	 */
	static String currentKernelOf(String packageName) throws VerifyException {
		Path aptCache = HostCommands.find("apt-cache");
		if (aptCache == null) {
			return packageName;
		}
		String depends = HostCommands.run(Path.of(System.getProperty("java.io.tmpdir")), 120, aptCache.toString(),
				"depends", packageName);
		for (String line : depends.lines().toList()) {
			String trimmed = line.strip();
			if (trimmed.startsWith("Depends: linux-image-") && PACKAGE_NAME.matcher(trimmed.substring(9)).matches()) {
				return trimmed.substring(9);
			}
		}
		return packageName;
	}

	/** Deletes a folder of verify's own (a download, a guest's working folder) and everything in it. */
	public static void deleteTree(Path root) {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException e) {
			// a temporary folder left behind is harmless
		}
	}
}
