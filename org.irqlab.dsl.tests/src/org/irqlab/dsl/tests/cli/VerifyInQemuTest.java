package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The whole of `irqlab verify` on a real kernel: fetches Debian's 6.1 kernel package with apt, builds the
 * initramfs, boots QEMU (TCG: about a minute for this guest) and compares. Needs qemu-system-x86, busybox-static
 * and apt access to Debian's archive; CI installs the first two (.ci/run), and the test says what is missing
 * where they are not.
 */
class VerifyInQemuTest {

	/** The kernel the oracle measurements were made with. */
	static final String KERNEL_PACKAGE = "linux-image-6.1.0-50-amd64";

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
		Assumptions.assumeTrue(onPath("qemu-system-x86_64"), "qemu-system-x86_64 is not installed (apt-get install qemu-system-x86)");
		Assumptions.assumeTrue(onPath("busybox"), "busybox is not installed (apt-get install busybox-static)");
		Assumptions.assumeTrue(onPath("apt-get") && onPath("dpkg-deb"), "no apt-get/dpkg-deb to fetch " + KERNEL_PACKAGE);
		CliRun run = CliRun.of("verify", CliRun.examples().resolve("verify-small.irqlab").toString(), "--debian-kernel",
				KERNEL_PACKAGE, "--accel", "tcg", "--timeout", "900");
		Assumptions.assumeFalse(run.err().contains("apt-get download " + KERNEL_PACKAGE + " failed"),
				"Debian's archive does not serve " + KERNEL_PACKAGE + " here: " + run.err());
		assertEquals(0, run.exitCode(), run.out() + run.err());
		assertTrue(run.out().contains("agree: 9 steps, 5 devices, 107 interrupt states compared"), run.out());
		assertTrue(run.err().contains("irqlab verify: step 9/9: online 3"), "progress while the guest runs: " + run.err());
	}
}
