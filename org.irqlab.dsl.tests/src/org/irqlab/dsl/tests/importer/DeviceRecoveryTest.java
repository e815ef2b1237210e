package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqlab.dsl.importer.CaptureRoot;
import org.irqlab.dsl.importer.DeviceRecovery;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.InterruptsTable;
import org.irqlab.dsl.importer.IrqAffinities;
import org.irqlab.dsl.importer.PciFunctionsReader;
import org.irqlab.dsl.importer.PresentDevice;
import org.irqlab.dsl.importer.ProcInterruptsParser;
import org.irqlab.dsl.importer.TextFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices recovered from their interrupts' names, with their PCI functions and paths. */
public class DeviceRecoveryTest {

	@TempDir
	Path folder;

	private static List<PresentDevice> recover(Path host) throws InputError, IOException {
		CaptureRoot root = CaptureRoot.directory(host);
		InterruptsTable table = ProcInterruptsParser.parse(TextFile.of("interrupts",
				Files.readString(host.resolve("proc/interrupts"))));
		IrqAffinities affinities = IrqAffinities.read(root, table.rows().stream().map(InterruptsTable.Row::irq).toList());
		return DeviceRecovery.recover(table, affinities, PciFunctionsReader.read(root), root);
	}

	@Test
	void virtioBlkVirtioNetAndNvmeOfTheHealthyHost() throws Exception {
		List<PresentDevice> devices = recover(Fixtures.dir(Fixtures.HEALTHY));

		assertEquals(List.of("virtio0", "virtio1", "nvme0"), devices.stream().map(PresentDevice::name).toList());
		PresentDevice net = devices.get(0);
		PresentDevice blk = devices.get(1);
		PresentDevice nvme = devices.get(2);
		assertEquals(List.of(PresentDevice.Kind.VIRTIO_NET, 2, PresentDevice.Path.PER_QUEUE), List.of(net.kind(), net.queues(), net.path()));
		assertEquals(List.of(PresentDevice.Kind.VIRTIO_BLK, 2, PresentDevice.Path.PER_QUEUE), List.of(blk.kind(), blk.queues(), blk.path()));
		assertEquals(List.of(PresentDevice.Kind.NVME, 4), List.of(nvme.kind(), nvme.queues()));
		assertEquals("0000:01:00.0", nvme.pci().address());
		assertEquals(1, nvme.pci().numaNode());
		assertEquals("0-3,8-11", blk.vectors().get(1).affinity().toList());
		assertEquals(0, blk.vectors().get(1).effectiveCpu());
	}

	@Test
	void theIncidentsDiskKeepsItsSeedFigures() throws Exception {
		PresentDevice disk = recover(Fixtures.dir(Fixtures.INCIDENT)).get(3);

		assertEquals("virtio3", disk.name());
		assertEquals(List.of("config", "req.0", "req.1"), disk.vectors().stream().map(PresentDevice.Vector::queue).toList());
		assertEquals(List.of(56, 76), disk.vectors().subList(1, 3).stream().map(PresentDevice.Vector::effectiveCpu).toList());
		assertEquals(0, disk.pci().intxLine(), "the DPU's functions have no INTx line");
	}

	@Test
	void aDiskOnOneSharedVectorTakesItsQueueCountFromBlkMq() throws Exception {
		Path host = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path interrupts = host.resolve("proc/interrupts");
		Files.writeString(interrupts, Files.readString(interrupts).replace("virtio1-req.0", "virtio1-virtqueues")
				.lines().filter(l -> !l.contains("virtio1-req.1")).reduce("", (a, b) -> a + b + "\n"));
		for (String queue : List.of("0", "1", "2", "3")) {
			Files.createDirectories(host.resolve("sys/bus/virtio/devices/virtio1/block/vda/mq/" + queue));
		}

		PresentDevice disk = recover(host).get(1);

		assertEquals(PresentDevice.Path.SHARED, disk.path());
		assertEquals(PresentDevice.Kind.VIRTIO_BLK, disk.kind(), "from the virtio driver link");
		assertEquals(4, disk.queues());
	}

	@Test
	void aDeviceOnIntxIsNamedAfterItself() throws Exception {
		Path host = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path interrupts = host.resolve("proc/interrupts");
		Files.writeString(interrupts, Files.readString(interrupts).replace("IO-APIC  9-fasteoi      acpi",
				"IO-APIC  9-fasteoi      acpi, virtio5"));

		PresentDevice intx = recover(host).stream().filter(d -> d.name().equals("virtio5")).findFirst().orElseThrow();

		assertEquals(PresentDevice.Path.INTX, intx.path());
		assertNull(intx.pci());
	}
}
