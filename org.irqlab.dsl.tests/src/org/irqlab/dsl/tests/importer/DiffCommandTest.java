package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.VectorInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `irqlab diff MODEL --against DIR`: agreement, each kind of disagreement, and bad input. */
public class DiffCommandTest {

	@TempDir
	Path folder;

	private Path importHealthy() {
		Path model = folder.resolve("host.irqlab");
		Fixtures.Run run = Fixtures.Run.of("import", "--from", Fixtures.dir(Fixtures.HEALTHY).toString(), "-o", model.toString());
		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.err());
		return model;
	}

	private static List<String> findings(Fixtures.Run run) {
		return run.out().lines().filter(l -> !l.startsWith("scenario ") && !l.startsWith("note: ")).toList();
	}

	@Test
	void theImportedModelAgreesWithItsOwnCapture() {
		Path model = importHealthy();

		Fixtures.Run run = Fixtures.Run.of("diff", model.toString(), "--against", Fixtures.dir(Fixtures.HEALTHY).toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.out() + run.err());
		assertEquals(List.of("model and machine agree (16 CPUs, 0 devices compared)"), findings(run));
		assertTrue(run.out().contains("note: virtio0, virtio1, nvme0: on the host before the scenario"), run.out());
	}

	@Test
	void aCpuWithAnotherCountIsNamed() throws IOException {
		Path model = importHealthy();
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path vector = capture.resolve("sys/kernel/debug/irq/domains/VECTOR");
		Files.writeString(vector, Files.readString(vector).replace("Global available:   3169", "Global available:   3168")
				.replace("     5   198     2     1    2  32-33", "     5   197     2     1    2  32-33"));

		Fixtures.Run run = Fixtures.Run.of("diff", model.toString(), "--against", capture.toString());

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.out() + run.err());
		assertEquals(List.of("matrix: global available: model 3169, machine 3168", "CPU 5: avl: model 198, machine 197",
				"2 differences (16 CPUs, 0 devices compared)"), findings(run));
	}

	/** The model adds one disk; the capture shows the host after the same hot-plug, as the model predicts it. */
	private Path hotplugModel() throws IOException {
		Path model = importHealthy();
		Files.writeString(model, Files.readString(model).replace("scenario plan on host {\n}",
				"scenario plan on host {\n    add blk_2q\n}"));
		return model;
	}

	private static DeviceResult predictedDisk(Path model) {
		DeviceResult disk = Fixtures.Loaded.of(model).outcome().simulation().device("virtio2");
		assertEquals(3, disk.vectors().size());
		return disk;
	}

	/** Adds the disk's rows to /proc/interrupts and /proc/irq, with {@code moved} vector on {@code otherCpu}. */
	private static Path captureWithDisk(Path folder, DeviceResult disk, String moved, int otherCpu) throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.delete(capture.resolve("sys/kernel/debug/irq/domains/VECTOR"));
		StringBuilder rows = new StringBuilder();
		int irq = 60;
		for (VectorInfo vector : disk.vectors()) {
			int cpu = vector.name().equals(moved) ? otherCpu : vector.effectiveCpu();
			StringBuilder counts = new StringBuilder();
			for (int c = 0; c < 16; c++) {
				counts.append(String.format("%10d ", c == cpu ? 17 : 0));
			}
			rows.append(String.format("%4d: %s  PCI-MSIX-0000:00:05.0 %d-edge      %s%n", irq, counts, irq - 60, vector.name()));
			Path dir = Files.createDirectories(capture.resolve("proc/irq/" + irq));
			Files.writeString(dir.resolve("smp_affinity_list"), vector.affinity().toList() + "\n");
			Files.writeString(dir.resolve("effective_affinity_list"), cpu + "\n");
			irq++;
		}
		Path interrupts = capture.resolve("proc/interrupts");
		String text = Files.readString(interrupts);
		int arch = text.indexOf(" NMI:");
		Files.writeString(interrupts, text.substring(0, arch) + rows + text.substring(arch));
		return capture;
	}

	@Test
	void aHostThatDidWhatTheModelPredictsAgrees() throws IOException {
		Path model = hotplugModel();
		Path capture = captureWithDisk(folder, predictedDisk(model), "none", -1);

		Fixtures.Run run = Fixtures.Run.of("diff", model.toString(), "--against", capture.toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.out() + run.err());
		assertEquals(List.of("model and machine agree (16 CPUs, 1 device compared)"), findings(run));
	}

	@Test
	void aVectorOnAnotherCpuIsNamedWithTheCpusItChanges() throws IOException {
		Path model = hotplugModel();
		DeviceResult disk = predictedDisk(model);
		VectorInfo queue = disk.vector("req.0");
		int other = queue.affinity().stream().filter(c -> c != queue.effectiveCpu()).findFirst().orElseThrow();
		MatrixSnapshot end = Fixtures.Loaded.of(model).outcome().end();
		Path capture = captureWithDisk(folder, disk, "virtio2-req.0", other);

		Fixtures.Run run = Fixtures.Run.of("diff", model.toString(), "--against", capture.toString());

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.out() + run.err());
		int was = queue.effectiveCpu();
		List<String> expected = new java.util.ArrayList<>(List.of(
				"CPU " + was + ": act: model " + end.cpu(was).allocated() + ", machine " + (end.cpu(was).allocated() - 1),
				"CPU " + other + ": act: model " + end.cpu(other).allocated() + ", machine " + (end.cpu(other).allocated() + 1)));
		if (other < was) {
			java.util.Collections.reverse(expected);
		}
		expected.add("virtio2-req.0: effective CPU: model " + was + ", machine " + other);
		expected.add("3 differences (16 CPUs, 1 device compared)");
		assertEquals(expected, findings(run));
	}

	@Test
	void aDeviceTheHostDoesNotHave() throws IOException {
		Path model = hotplugModel();
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);

		Fixtures.Run run = Fixtures.Run.of("diff", model.toString(), "--against", capture.toString());

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode());
		assertTrue(findings(run).contains("virtio2: present: model yes (per-queue vectors), machine no"), run.out());
		assertTrue(findings(run).stream().anyMatch(l -> l.startsWith("matrix: total allocated: model 24, machine 21")),
				run.out());
	}

	@Test
	void badInputIsAUsageError() throws IOException {
		Path model = importHealthy();
		Path broken = folder.resolve("broken.irqlab");
		Files.writeString(broken, "machine m {\n  cpus\n}\nscenario s on m {\n}\n");
		Path two = folder.resolve("two.irqlab");
		Files.writeString(two, "machine m { cpus 4 }\nscenario a on m { }\nscenario b on m { }\n");
		String capture = Fixtures.dir(Fixtures.HEALTHY).toString();

		Fixtures.Run noDir = Fixtures.Run.of("diff", model.toString(), "--against", folder.resolve("absent").toString());
		Fixtures.Run syntax = Fixtures.Run.of("diff", broken.toString(), "--against", capture);
		Fixtures.Run several = Fixtures.Run.of("diff", two.toString(), "--against", capture);
		Fixtures.Run empty = Fixtures.Run.of("diff", model.toString(), "--against", Files.createDirectories(folder.resolve("e")).toString());

		assertEquals(List.of(2, 2, 2, 2), List.of(noDir.exitCode(), syntax.exitCode(), several.exitCode(), empty.exitCode()));
		assertEquals(folder.resolve("absent") + ": error: no such directory\n", noDir.err());
		assertEquals(broken + ":3:1: error: expected a number before '}'\n", syntax.err());
		assertEquals(two + ": error: has several scenarios (a, b): choose one with --scenario\n", several.err());
		assertTrue(empty.err().contains("holds neither sys/kernel/debug/irq/domains/VECTOR nor proc/interrupts"), empty.err());
	}
}
