package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `irqlab kernel`: one kernel's rules, or where two kernels differ. */
class KernelCommandTest {

	@Test
	void oneKernelListsEveryRuleWithItsReason() {
		CliRun run = CliRun.of("kernel", "5.14.0-427.13.1.el9_4.x86_64");
		assertEquals(0, run.exitCode(), run.err());
		assertTrue(run.out().startsWith("kernel 5.14.0-427.13.1.el9_4.x86_64: RHEL 9.4 (upstream 5.14 base)"), run.out());
		assertTrue(run.out().contains("- VP-1 virtio_pci gives up"), run.out());
		assertTrue(run.out().contains("uncertain: RHEL 9.4 (upstream 5.14 base): whether it was backported is not publicly known"),
				run.out());
	}

	@Test
	void twoKernelsShowOnlyTheRulesWhereTheyDiffer() {
		CliRun run = CliRun.of("kernel", "6.1", "6.12");
		assertEquals(0, run.exitCode(), run.err());
		assertTrue(run.out().contains("6 rules differ"), run.out());
		assertTrue(!run.out().contains("NVME-2"), "6.1.y took NVME-2 in 6.1.56: " + run.out());
		assertTrue(run.out().contains("-/+ VP-2"), run.out());
		assertTrue(run.out().contains("-/+ HP-2"), run.out());
		assertTrue(!run.out().contains("VP-1"), "both have VP-1: " + run.out());
		CliRun same = CliRun.of("kernel", "el8-4.18", "4.18.0-305.30.1.jmnd2.el8.x86_64");
		assertTrue(same.out().contains("They have the same rules."), same.out());
	}

	@Test
	void aReleaseItCannotReadIsAUsageError() {
		CliRun run = CliRun.of("kernel", "3.10.0-1160.el7.x86_64");
		assertEquals(2, run.exitCode());
		assertTrue(run.err().contains("predates the vector matrix"), run.err());
	}
}
