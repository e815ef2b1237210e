package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.KernelProfiles;
import org.irqlab.dsl.importer.TextFile;
import org.irqlab.dsl.importer.VectorDebugfs;
import org.irqlab.dsl.importer.VectorDebugfsParser;
import org.irqlab.kernel.KernelRule;
import org.irqlab.kernel.KernelRules;
import org.junit.jupiter.api.Test;

/** Kernel releases to the profiles IrqLab models, saying so when it is only the nearest. */
public class KernelProfilesTest {

	@Test
	void aReadableReleaseIsWrittenAsItIsWithTheRulesOfThatKernel() {
		// the incident's own host: a rebuild of RHEL 8.4's kernel, same rules as the el8-4.18 profile
		KernelRules incident = assertExact("4.18.0-305.30.1.jmnd2.el8.x86_64");
		for (KernelRule rule : KernelRule.values()) {
			assertEquals(KernelRules.EL8_4_18.has(rule), incident.has(rule), rule.id());
		}
		assertEquals("RHEL 8.4 (upstream 4.18 base)", incident.version().describe());
		assertEquals("RHEL 8.10 (upstream 4.18 base)", assertExact("4.18.0-553.el8_10.x86_64").version().describe());
		assertEquals("RHEL 9.3 (upstream 5.14 base)", assertExact("5.14.0-362.8.1.el9_3.x86_64").version().describe());
		assertEquals("Debian 12 (upstream 6.1 base)", assertExact("6.1.0-50-amd64").version().describe());
		assertEquals("Debian 13 (upstream 6.12.38 base)", assertExact("6.12.38+deb13-amd64").version().describe());
		assertEquals("a build of upstream 6.16.3 IrqLab does not know", assertExact("6.16.3-arch1-1").version().describe());
		assertEquals("Ubuntu 18.04 (upstream 4.15 base)", assertExact("4.15.0-213-generic").version().describe());
	}

	private static KernelRules assertExact(String release) {
		KernelProfiles.Mapping mapping = KernelProfiles.map(release);
		assertEquals(release, mapping.profile().id(), release);
		assertNull(mapping.guess(), release);
		return mapping.profile();
	}

	@Test
	void aReleaseBeforeTheMatrixGetsTheNearestProfileWithAReason() {
		KernelProfiles.Mapping el7 = KernelProfiles.map("3.10.0-1160.el7.x86_64");
		assertEquals(KernelRules.EL8_4_18, el7.profile());
		assertTrue(el7.guess().contains("predates the vector matrix"), el7.guess());
		assertTrue(el7.guess().contains("3.10.0-1160.el7.x86_64 is closest to el8-4.18"), el7.guess());
	}

	@Test
	void procVersionGivesTheRelease() throws InputError {
		assertEquals("6.12.38+deb13-amd64", KernelProfiles.releaseOf(TextFile.of("version",
				"Linux version 6.12.38+deb13-amd64 (debian-kernel@lists.debian.org) (gcc 14.2.0) #1 SMP\n")));
		InputError error = assertThrows(InputError.class,
				() -> KernelProfiles.releaseOf(TextFile.of("version", "Darwin Kernel Version 23.1.0\n")));
		assertEquals("version:1: expected `Linux version RELEASE ...`, found 'Darwin Kernel Version 23.1.0'", error.getMessage());
	}

	@Test
	void withoutAReleaseTheVectorFileChoosesTheProfile() throws InputError {
		String header = """
				Online bitmaps:        2
				Global available:    %d
				Global reserved:       0
				Total allocated:       2
				System: %s
				 | CPU | avl | man | mac | act | vectors
				""";
		// 6.12 ends the allocation range at 235 and has no system vector 32: 201 vectors per CPU
		VectorDebugfs v612 = VectorDebugfsParser.parse(TextFile.of("VECTOR", header.formatted(396, "43: 0-19,29,50,128,236-255")
				+ "     0   198     2     1    2  32-33\n     1   198     2     1    2  32-33\n"));
		// el8 (and 6.1) end it at 236 with 32 a system vector: 201 as well, told apart by the system map
		VectorDebugfs el8 = VectorDebugfsParser.parse(TextFile.of("VECTOR", header.formatted(396, "44: 0-19,29,32,50,128,236-255")
				+ "     0   198     2     1    2  33-34\n     1   198     2     1    2  33-34\n"));

		assertEquals(KernelRules.V6_12, KernelProfiles.inferred(v612, null).profile());
		assertTrue(KernelProfiles.inferred(v612, null).guess().contains("201 vectors per CPU"),
				KernelProfiles.inferred(v612, null).guess());
		assertEquals(KernelRules.EL8_4_18, KernelProfiles.inferred(el8, null).profile());
		assertTrue(KernelProfiles.inferred(el8, null).guess().endsWith("(6.1 would as well)"), KernelProfiles.inferred(el8, null).guess());
		assertEquals(KernelRules.EL8_4_18, KernelProfiles.inferred(null, null).profile());
	}
}
