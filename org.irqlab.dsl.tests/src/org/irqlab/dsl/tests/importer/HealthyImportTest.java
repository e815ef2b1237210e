package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.TextFile;
import org.irqlab.dsl.importer.VectorDebugfs;
import org.irqlab.dsl.importer.VectorDebugfsParser;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.MatrixSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": from a captured directory of a healthy host, `irqlab import` then `irqlab check`
 * reproduces the host's own state: the model is clean, and its simulated boot matrix is the captured one.
 */
public class HealthyImportTest {

	@TempDir
	Path folder;

	private Path importHost(Path capture) {
		Path model = folder.resolve("host.irqlab");
		Fixtures.Run run = Fixtures.Run.of("import", "--from", capture.toString(), "-o", model.toString());
		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.err());
		return model;
	}

	private static VectorDebugfs capturedMatrix() throws IOException, InputError {
		Path file = Fixtures.dir(Fixtures.HEALTHY).resolve("sys/kernel/debug/irq/domains/VECTOR");
		return VectorDebugfsParser.parse(TextFile.of(file.toString(), Files.readString(file)));
	}

	@Test
	void importThenCheckIsClean() {
		Path model = importHost(Fixtures.dir(Fixtures.HEALTHY));

		Fixtures.Run check = Fixtures.Run.of("check", model.toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, check.exitCode(), check.out() + check.err());
		assertTrue(check.out().lines().noneMatch(l -> l.contains(": error: ") || l.contains(": warning: ")), check.out());
	}

	@Test
	void theSimulatedBootIsTheCapturedMatrix() throws Exception {
		Fixtures.Loaded loaded = Fixtures.Loaded.of(importHost(Fixtures.dir(Fixtures.HEALTHY)));
		VectorDebugfs captured = capturedMatrix();

		assertEquals(List.of(), loaded.errors());
		MatrixSnapshot boot = loaded.outcome().start();
		assertEquals(List.of(captured.onlineMaps(), captured.globalAvailable(), captured.globalReserved(),
				captured.totalAllocated()), List.of(boot.onlineMaps(), boot.globalAvailable(), boot.globalReserved(),
						boot.totalAllocated()));
		for (VectorDebugfs.CpuRow row : captured.cpus()) {
			MatrixSnapshot.CpuMap cpu = boot.cpu(row.cpu());
			assertEquals(List.of(row.available(), row.managed(), row.managedAllocated(), row.allocated()),
					List.of(cpu.available(), cpu.managed(), cpu.managedAllocated(), cpu.allocated()), "CPU " + row.cpu());
		}
	}

	@Test
	void withoutTheVectorFileProcGivesTheSameCpusWithoutTheReservations() throws Exception {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.delete(capture.resolve("sys/kernel/debug/irq/domains/VECTOR"));
		VectorDebugfs captured = capturedMatrix();

		Fixtures.Loaded loaded = Fixtures.Loaded.of(importHost(capture));

		assertEquals(List.of(), loaded.errors());
		MatrixSnapshot boot = loaded.outcome().start();
		for (VectorDebugfs.CpuRow row : captured.cpus()) {
			MatrixSnapshot.CpuMap cpu = boot.cpu(row.cpu());
			assertEquals(List.of(row.available(), row.managed(), row.managedAllocated(), row.allocated()),
					List.of(cpu.available(), cpu.managed(), cpu.managedAllocated(), cpu.allocated()), "CPU " + row.cpu());
		}
		assertEquals(0, boot.globalReserved(), "reservations do not show in /proc");
	}

	@Test
	void newDevicesOfTheImportedTypesTakeTheKernelsNextNames() throws IOException {
		Path model = importHost(Fixtures.dir(Fixtures.HEALTHY));
		Files.writeString(model, Files.readString(model).replace("scenario plan on host {\n}",
				"scenario plan on host {\n    add blk_2q\n    add nvme_4q\n}"));

		Fixtures.Loaded loaded = Fixtures.Loaded.of(model);

		assertEquals(List.of(), loaded.errors());
		assertEquals(List.of("virtio2", "nvme1"),
				loaded.outcome().simulation().devices().stream().map(DeviceResult::name).toList());
	}
}
