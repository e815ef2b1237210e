package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqlab.dsl.importer.CaptureRoot;
import org.irqlab.dsl.importer.HostReader;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.ModelWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text of an imported model: which settings it writes from what the host showed, and its comments. */
public class ModelWriterTest {

	@TempDir
	Path folder;

	private static ModelWriter.Written write(Path host) throws InputError {
		return ModelWriter.write(HostReader.read(CaptureRoot.directory(host), null, null), "host");
	}

	/** The machine block's lines without comments or indentation. */
	private static List<String> machine(String text) {
		List<String> lines = text.lines().toList();
		int start = lines.indexOf("machine host {");
		int end = lines.subList(start, lines.size()).indexOf("}") + start;
		return lines.subList(start, end + 1).stream().map(String::strip).filter(l -> !l.startsWith("//")).toList();
	}

	@Test
	void theHealthyHostsMachine() throws InputError {
		assertEquals(List.of("machine host {", "kernel \"6.12.38+deb13-amd64\"", "cpus 16", "node 0 cpus 0-3,8-11", "node 1 cpus 4-7,12-15",
				"smt 2", "system vectors 50, 128",
				"load on 0-2,4-6 {", "allocated 1", "managed 2", "managed_allocated 1", "}",
				"load on 3,7-14 {", "allocated 1", "managed 2", "}",
				"load on 15 {", "managed 2", "}",
				"load {", "reserved 3", "}",
				"irqbalance on banned 14-15", "first virtio 2", "first nvme 1", "}"), machine(write(Fixtures.dir(Fixtures.HEALTHY)).text()));
	}

	@Test
	void devicesPresentBecomeCommentsAndTypesShapedLikeThem() throws InputError {
		String text = write(Fixtures.dir(Fixtures.HEALTHY)).text();

		assertTrue(text.contains("//   virtio1 (0000:00:04.0, virtio-pci): virtio_blk, 2 request queues, per-queue vectors"
				+ " (virtio1-config on CPU 13, virtio1-req.0 on CPU 0, virtio1-req.1 on CPU 4)\n"), text);
		assertTrue(text.contains("// shaped like virtio1 (2 request queues)\ndevice blk_2q : virtio_blk {\n    queues 2\n"
				+ "    numa 0\n    intx 10\n}\n"), text);
		assertTrue(text.contains("device nvme_4q : nvme {\n    queues 4\n    numa 1\n    intx none\n}\n"), text);
		assertTrue(text.contains("scenario plan on host {\n}\n"), text);
	}

	@Test
	void aDumpAloneGivesCrashCountersAndSaysWhatItGuessed() throws InputError {
		ModelWriter.Written written = write(Fixtures.dir(Fixtures.EXHAUSTED_DUMP));

		assertEquals(List.of("machine host {", "kernel \"4.18.0-305.30.1.jmnd2.el8.x86_64\"", "cpus 80", "system vectors 32, 50, 128", "crash {",
				"global_available 0", "global_reserved 151", "total_allocated 1922", "}", "}"), machine(written.text()));
		assertTrue(written.guesses().contains("no node*/cpulist captured: one NUMA node assumed"), written.guesses().toString());
		assertTrue(written.text().contains("// guess: irqbalance's state is not in the capture: left off"), written.text());
	}

	@Test
	void numbersFreeBelowTheHighestAreAGuess() throws IOException, InputError {
		Path host = Fixtures.copy(Fixtures.INCIDENT, folder);
		Path interrupts = host.resolve("proc/interrupts");
		Files.writeString(interrupts, Files.readString(interrupts).replace("virtio1-", "virtio9-"));
		Files.move(host.resolve("sys/bus/virtio/devices/virtio1"), host.resolve("sys/bus/virtio/devices/virtio9"));

		String text = write(host).text();

		assertTrue(text.contains("    // guess: virtio1 is free on the host and the kernel reuses the lowest free number first;"
				+ " the model numbers new devices from 10\n    first virtio 10\n"), text);
	}

	@Test
	void aDiskOnASharedVectorIsExplained() throws IOException, InputError {
		Path host = Fixtures.copy(Fixtures.INCIDENT, folder);
		Path interrupts = host.resolve("proc/interrupts");
		Files.writeString(interrupts, Files.readString(interrupts).replace("virtio3-req.0", "virtio3-virtqueues")
				.lines().filter(l -> !l.contains("virtio3-req.1")).reduce("", (a, b) -> a + b + "\n"));

		String text = write(host).text();

		assertTrue(text.contains("// virtio3 runs on one vector shared by all queues (virtqueues): the kernel could not give it per-queue"
				+ " vectors when it probed; a new device tries per-queue vectors first"), text);
		assertTrue(text.contains("// guess: virtio3 shares one vector among its queues, so the capture does not show how"
				+ " many it has; 1 assumed\ndevice blk_1q : virtio_blk {"), text);
	}

	@Test
	void aVectorFileThatDoesNotFitTheVectorSpaceIsRefused() throws IOException {
		Path host = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path vector = host.resolve("sys/kernel/debug/irq/domains/VECTOR");
		String text = Files.readString(vector).replace("Global available:   3169", "Global available:   3189")
				.replace("     0   198     2     1    2  32-33", "     0   218     2     1    2  32-33");
		Files.writeString(vector, text);

		InputError error = assertThrows(InputError.class, () -> write(host));

		assertEquals(vector + ":11: CPU 0: avl 218, man 2 and act 2 do not fit 201 vectors per CPU outside the system map"
				+ " (another vector layout?)", error.getMessage());
		assertFalse(error.getMessage().contains("Exception"));
	}
}
