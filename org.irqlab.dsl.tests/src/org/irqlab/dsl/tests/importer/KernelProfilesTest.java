package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.KernelProfiles;
import org.irqlab.dsl.importer.TextFile;
import org.irqlab.kernel.KernelRules;
import org.junit.jupiter.api.Test;

/** Kernel releases to the profiles IrqLab models, saying so when it is only the nearest. */
public class KernelProfilesTest {

	@Test
	void modelledReleasesMapExactly() {
		assertExact(KernelRules.EL8_4_18, "4.18.0-305.30.1.jmnd2.el8.x86_64");
		assertExact(KernelRules.EL8_4_18, "4.18.0-553.el8_10.x86_64");
		assertExact(KernelRules.V6_1, "6.1.0-50-amd64");
		assertExact(KernelRules.V6_12, "6.12.38+deb13-amd64");
	}

	private static void assertExact(KernelRules profile, String release) {
		KernelProfiles.Mapping mapping = KernelProfiles.map(release);
		assertEquals(profile, mapping.profile(), release);
		assertNull(mapping.guess(), release);
	}

	@Test
	void otherReleasesGetTheNearestWithAReason() {
		KernelProfiles.Mapping el9 = KernelProfiles.map("5.14.0-362.8.1.el9_3.x86_64");
		KernelProfiles.Mapping newer = KernelProfiles.map("6.16.3-arch1-1");
		KernelProfiles.Mapping older = KernelProfiles.map("4.15.0-213-generic");

		assertEquals(KernelRules.V6_1, el9.profile());
		assertTrue(el9.guess().contains("5.14.0-362.8.1.el9_3.x86_64 is closest to 6.1"), el9.guess());
		assertEquals(KernelRules.V6_12, newer.profile());
		assertEquals(KernelRules.EL8_4_18, older.profile());
	}

	@Test
	void procVersionGivesTheRelease() throws InputError {
		assertEquals("6.12.38+deb13-amd64", KernelProfiles.releaseOf(TextFile.of("version",
				"Linux version 6.12.38+deb13-amd64 (debian-kernel@lists.debian.org) (gcc 14.2.0) #1 SMP\n")));
		InputError error = assertThrows(InputError.class,
				() -> KernelProfiles.releaseOf(TextFile.of("version", "Darwin Kernel Version 23.1.0\n")));
		assertEquals("version:1: expected `Linux version RELEASE ...`, found 'Darwin Kernel Version 23.1.0'", error.getMessage());
	}
}
