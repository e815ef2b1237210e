package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.irqlab.dsl.importer.CaptureRoot;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.IrqbalanceReader;
import org.irqlab.dsl.importer.IrqbalanceState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether irqbalance runs, and which CPUs it leaves alone: its configuration, isolcpus and nohz_full. */
public class IrqbalanceReaderTest {

	@TempDir
	Path folder;

	@Test
	void debiansBannedCpuList() throws InputError {
		IrqbalanceState state = IrqbalanceReader.read(CaptureRoot.directory(Fixtures.dir(Fixtures.HEALTHY)));

		assertTrue(state.running());
		assertEquals("14-15", state.banned().toList());
	}

	@Test
	void rhelsCommentedOutMaskBansNothing() throws InputError {
		IrqbalanceState state = IrqbalanceReader.read(CaptureRoot.directory(Fixtures.dir(Fixtures.INCIDENT)));

		assertTrue(state.running());
		assertTrue(state.banned().isEmpty(), state.banned().toList());
	}

	@Test
	void theOlderHexMaskAndTheKernelsIsolatedCpusAddUp() throws IOException, InputError {
		Path host = Fixtures.copy(Fixtures.INCIDENT, folder);
		Files.writeString(host.resolve("etc/sysconfig/irqbalance"), "IRQBALANCE_BANNED_CPUS=\"0000000f\"\n");
		Files.writeString(host.resolve("proc/cmdline"), "ro quiet isolcpus=managed_irq,domain,40-43 nohz_full=60-61\n");

		IrqbalanceState state = IrqbalanceReader.read(CaptureRoot.directory(host));

		assertEquals("0-3,40-43,60-61", state.banned().toList());
	}

	@Test
	void noProcessMeansNotRunning() throws IOException, InputError {
		Path host = Fixtures.copy(Fixtures.INCIDENT, folder);
		Files.writeString(host.resolve("proc/2141/comm"), "sshd\n");

		assertFalse(IrqbalanceReader.read(CaptureRoot.directory(host)).running());
	}

	@Test
	void anUnclosedQuoteIsATruncatedLine() throws IOException {
		Path host = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.writeString(host.resolve("etc/default/irqbalance"), "ENABLED=1\nIRQBALANCE_BANNED_CPULIST=\"14-1\n");

		InputError error = assertThrows(InputError.class, () -> IrqbalanceReader.read(CaptureRoot.directory(host)));

		assertEquals(host.resolve("etc/default/irqbalance") + ":2: the value \"14-1 has no closing quote (truncated line?)",
				error.getMessage());
	}
}
