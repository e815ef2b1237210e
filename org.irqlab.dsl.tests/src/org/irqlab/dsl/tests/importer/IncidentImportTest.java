package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.MatrixSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The incident's host as the write-up shows it: no VECTOR debugfs (CONFIG_GENERIC_IRQ_DEBUGFS is off), a crash
 * session with `p *vector_matrix`, and virtio3's two managed request queues on CPUs 56 and 76.
 */
public class IncidentImportTest {

	@TempDir
	Path folder;

	private Path importIncident() {
		Path model = folder.resolve("inspur.irqlab");
		Fixtures.Run run = Fixtures.Run.of("import", "--from", Fixtures.dir(Fixtures.INCIDENT).toString(), "--name",
				"inspur", "-o", model.toString());
		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.err());
		return model;
	}

	@Test
	void theBootStateHasTheDumpsCounters() {
		Fixtures.Loaded loaded = Fixtures.Loaded.of(importIncident());

		assertEquals(List.of(), loaded.errors());
		MatrixSnapshot boot = loaded.outcome().start();
		assertEquals(List.of(15215, 150, 553, 80), List.of(boot.globalAvailable(), boot.globalReserved(),
				boot.totalAllocated(), boot.onlineMaps()));
	}

	@Test
	void theModelNamesTheDevicesAndTheKernelAsTheHostDoes() throws IOException {
		String text = Files.readString(importIncident());

		assertTrue(text.contains("    // 4.18.0-305.30.1.jmnd2.el8.x86_64 (proc/version)\n    kernel \"4.18.0-305.30.1.jmnd2.el8.x86_64\"\n"), text);
		assertTrue(text.contains("    node 0 cpus 0-19,40-59\n    node 1 cpus 20-39,60-79\n"), text);
		assertTrue(text.contains("virtio3-req.0 on CPU 56, virtio3-req.1 on CPU 76"), text);
		assertTrue(text.contains("    first virtio 4\n"), text);
		assertTrue(text.contains("device blk_2q : virtio_blk {\n    queues 2\n    numa none\n    intx none\n}"), text);
	}

	@Test
	void hotPluggingTheIncidentsDisksIntoTheImportedHostFailsAsItDid() throws IOException {
		Path model = importIncident();
		Files.writeString(model, Files.readString(model).replace("scenario plan on inspur {\n}",
				"scenario plan on inspur {\n    add 512 x blk_2q\n}"));

		Fixtures.Loaded loaded = Fixtures.Loaded.of(model);

		var devices = loaded.outcome().simulation().devices();
		assertEquals("virtio4", devices.get(0).name(), "numbered after the four disks present");
		assertEquals(InterruptPath.PER_QUEUE_MSIX_MANAGED, devices.get(0).path());
		assertTrue(devices.stream().anyMatch(d -> d.path() == InterruptPath.PROBE_FAILED && d.errno() == -16),
				"some disk fails with -EBUSY");
		assertTrue(loaded.errors().stream().anyMatch(i -> i.getMessage().contains("Flags mismatch irq 0")),
				loaded.errors().toString());
	}
}
