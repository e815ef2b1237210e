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

	public static GuestKernel fetch(String packageName, Path cache, Consumer<String> progress) throws VerifyException {
		if (!PACKAGE_NAME.matcher(packageName).matches()) {
			throw new VerifyException(packageName + ": not a Debian kernel package name (linux-image-...)");
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
