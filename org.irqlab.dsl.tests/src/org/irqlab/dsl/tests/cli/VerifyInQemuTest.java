package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The whole of `irqlab verify` on a real kernel: fetches Debian's current 6.1 kernel package with apt, builds
 * the initramfs, boots QEMU (TCG: under a minute for this guest: 4 CPUs in 2 nodes, three 2-queue disks, a
 * 2-pair NIC, an NVMe controller, unbind/bind, a CPU offline and online) and compares. Needs qemu-system-x86, busybox-static
 * and apt access to Debian's archive; CI installs the first two (.ci/run), and the test says what is missing
 * where they are not.
 */
class VerifyInQemuTest {

	/** Debian 12's current 6.1 kernel: the metapackage names it, as old ABI numbers leave the archive. */
	static final String KERNEL_PACKAGE = "linux-image-amd64";

	private static boolean onPath(String program) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
				return true;
			}
		}
		return false;
	}

	@Test
	void smallExampleAgreesWithDebian61InQemu() {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
				"the example's NIC has two queue pairs, which QEMU gives only through a tap device (root)");
		Assumptions.assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)");
		Assumptions.assumeTrue(onPath("busybox"), "busybox is not installed (apt-get install busybox-static)");
		Assumptions.assumeTrue(onPath("apt-get") && onPath("dpkg-deb"), "no apt-get/dpkg-deb to fetch " + KERNEL_PACKAGE);
		CliRun run = CliRun.of("verify", CliRun.examples().resolve("verify-small.irqlab").toString(), "--debian-kernel",
				KERNEL_PACKAGE, "--accel", "tcg", "--timeout", "900");
		Assumptions.assumeFalse(run.err().contains("apt-get download " + KERNEL_PACKAGE + " failed"),
				"Debian's archive does not serve " + KERNEL_PACKAGE + " here: " + run.err());
		assertEquals(0, run.exitCode(), run.out() + run.err());
		assertTrue(run.out().contains("agree: 9 steps, 5 devices, 124 interrupt states compared"), run.out());
		assertTrue(run.err().contains("irqlab verify: step 9/9: online 3"), "progress while the guest runs: " + run.err());
	}
}
