package org.irqlab.dsl.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kernel a guest boots: its image and its module tree.
 *
 * @param image   bzImage (vmlinuz)
 * @param modules the tree of one release, e.g. /lib/modules/6.1.0-50-amd64
 * @param origin  where it came from, for the report ("Debian package linux-image-6.1.0-50-amd64", a path)
 */
public record GuestKernel(Path image, Path modules, String origin) {

	/** The release as `uname -r` prints it: the module tree's folder name. */
	public String release() {
		return modules.getFileName().toString();
	}

	/** A local kernel: a user's /boot/vmlinuz-X and /lib/modules/X. */
	public static GuestKernel local(Path image, Path modules) throws VerifyException {
		if (!Files.isRegularFile(image)) {
			throw new VerifyException(image + ": no such kernel image");
		}
		if (!Files.isDirectory(modules.resolve("kernel"))) {
			throw new VerifyException(modules + ": not a module tree (no kernel/ folder in it)");
		}
		return new GuestKernel(image, modules, image.toString());
	}

	/**
	 * The kernel of an unpacked Debian package: boot/vmlinuz-R and lib/modules/R (or usr/lib/modules/R on
	 * merged-/usr packages).
	 */
	static GuestKernel unpacked(Path root, String packageName) throws VerifyException {
		for (String modulesDir : List.of("lib/modules", "usr/lib/modules")) {
			Path dir = root.resolve(modulesDir);
			if (!Files.isDirectory(dir)) {
				continue;
			}
			try (Stream<Path> releases = Files.list(dir)) {
				for (Path release : releases.sorted().toList()) {
					Path image = root.resolve("boot/vmlinuz-" + release.getFileName());
					if (Files.isRegularFile(image)) {
						return new GuestKernel(image, release, "Debian package " + packageName);
					}
				}
			} catch (IOException e) {
				throw new VerifyException(dir + ": " + e.getMessage());
			}
		}
		throw new VerifyException(packageName + ": the package holds no boot/vmlinuz-R with its lib/modules/R; is it a"
				+ " linux-image package?");
	}
}
