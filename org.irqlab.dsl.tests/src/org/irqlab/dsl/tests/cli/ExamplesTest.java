package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.irqlab.dsl.cli.IrqLabCli;
import org.junit.jupiter.api.Test;

/**
 * Every example, checked through the command line as the README tells a user to, behaves as its
 * comments say: the diagnostics on the right lines, and the exit code.
 */
public class ExamplesTest {

	@Test
	void seedIncidentFailsAsTheHostDid() {
		CliRun run = check("seed-incident.irqlab");

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.out());
		assertLine(run, "seed-incident.irqlab:33:5: error: devices 292..512 of this add (from virtio291) fail to probe: "
				+ "-EBUSY (-16), \"genirq: Flags mismatch irq 0. 00000080 (virtio291) vs. 00015a00 (timer)\"");
		assertLine(run, "seed-incident.irqlab:33:5: warning: devices 191..291 of this add (from virtio190) fall back to shared MSI-X");
		assertLine(run, "seed-incident.irqlab:32:10: info: at the end: 1 free vectors (global_available) on 80 online CPUs;"
				+ " no room for another dpu_disk");
	}

	@Test
	void healthyHostIsClean() {
		CliRun run = check("healthy-nvme-virtio-net.irqlab");

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.out());
		assertEquals(1, run.outLines().size(), run.out());
		assertLine(run, "healthy-nvme-virtio-net.irqlab:30:10: info: at the end:");
	}

	@Test
	void powersaveMakesTheDisksShareVectorsInsteadOfFailing() {
		CliRun run = check("irqbalance-powersave.irqlab");

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.out());
		assertLine(run, "irqbalance-powersave.irqlab:26:5: warning: devices 1..200 of this add (from virtio0) fall back to shared MSI-X");
		assertLine(run, "irqbalance-powersave.irqlab:44:5: warning: devices 187..200 of this add (from virtio186) fall back to shared MSI-X");
		assertTrue(run.outLines().stream().noneMatch(line -> line.contains(": error: ")), run.out());
	}

	@Test
	void busyCpusCannotGoOffline() {
		CliRun run = check("cpu-offline.irqlab");

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.out());
		assertLine(run, "cpu-offline.irqlab:30:13: info: CPUs 4-7 went offline:");
		assertLine(run, "managed interrupts shut down (their whole mask went offline)");
		assertLine(run, "cpu-offline.irqlab:31:12: info: CPUs 4-7 came online: 4 managed interrupts started again");
		assertLine(run, "cpu-offline.irqlab:38:13: warning: CPU 4 cannot go offline: -ENOSPC (-28)");
	}

	@Test
	void qemuGuestDisksFallBackWhileVectorsRemainThenLineElevenFails() {
		CliRun run = check("qemu-guest-exhaustion.irqlab");

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.out());
		assertLine(run, "qemu-guest-exhaustion.irqlab:34:9: warning: devices 99..167 of the 200 this add makes over its"
				+ " repeats (from virtio196) fall back to shared MSI-X");
		assertLine(run, "qemu-guest-exhaustion.irqlab:34:9: warning: devices 168..200 of the 200 this add makes over its"
				+ " repeats (from virtio334) fall back to legacy INTx");
		assertLine(run, "qemu-guest-exhaustion.irqlab:35:9: error: devices 168..200 of the 200 this add makes over its"
				+ " repeats (from virtio335) fail to probe: -ENOSPC (-28)");
	}

	private static CliRun check(String example) {
		return CliRun.of("check", CliRun.examples().resolve(example).toString());
	}

	private static void assertLine(CliRun run, String expected) {
		String relative = expected;
		assertTrue(run.outLines().stream().anyMatch(line -> endsWithPathThen(line, relative)),
				() -> "no line containing\n  " + expected + "\nin\n" + run.out());
	}

	/** Lines start with the file's path as given; compare from the file name on. */
	private static boolean endsWithPathThen(String line, String expected) {
		return line.contains(expected) || line.contains(Path.of(expected).toString());
	}
}
