package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.TextFile;
import org.irqlab.dsl.importer.VectorDebugfs;
import org.irqlab.dsl.importer.VectorDebugfsParser;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.irqlab.dsl.report.VectorDebugfsFile;
import org.junit.jupiter.api.Test;

/**
 * The VECTOR debugfs file in both layouts: the parser reads back exactly what the simulator's formatter
 * prints (which mirrors irq_matrix_debug_show()), and names the line where a copy breaks.
 */
public class VectorDebugfsParserTest {

	private static MatrixSnapshot busyMachine() {
		Simulation simulation = new Simulation(MachineSpec.builder(KernelRules.EL8_4_18, 8).evenNodes(2).build());
		simulation.addDevice(DeviceSpec.virtioBlk(2));
		simulation.addDevice(DeviceSpec.virtioNet(2));
		simulation.addDevice(DeviceSpec.nvme(4));
		return simulation.snapshot();
	}

	@Test
	void readsBackTheLayoutWithTheMacColumn() throws InputError {
		MatrixSnapshot snapshot = busyMachine();
		String text = new VectorDebugfsFile(VectorDebugfsFile.Style.WITH_MANAGED_ALLOCATED)
				.domainFile(snapshot, 12, 3);

		VectorDebugfs parsed = VectorDebugfsParser.parse(TextFile.of("VECTOR", text));

		assertTrue(parsed.withManagedAllocated());
		assertCountersMatch(snapshot, parsed);
		for (MatrixSnapshot.CpuMap cpu : snapshot.cpus()) {
			VectorDebugfs.CpuRow row = parsed.cpu(cpu.cpu()).orElseThrow();
			assertEquals(List.of(cpu.available(), cpu.managed(), cpu.managedAllocated(), cpu.allocated(), cpu.vectors()),
					List.of(row.available(), row.managed(), row.managedAllocated(), row.allocated(), row.vectors()));
		}
	}

	@Test
	void readsBackThe418LayoutWithoutIt() throws InputError {
		MatrixSnapshot snapshot = busyMachine();
		String text = new VectorDebugfsFile(VectorDebugfsFile.Style.WITHOUT_MANAGED_ALLOCATED)
				.domainFile(snapshot, 12, 3);

		VectorDebugfs parsed = VectorDebugfsParser.parse(TextFile.of("VECTOR", text));

		assertFalse(parsed.withManagedAllocated());
		assertCountersMatch(snapshot, parsed);
		VectorDebugfs.CpuRow first = parsed.cpus().get(0);
		assertEquals(-1, first.managedAllocated());
		assertEquals(snapshot.cpu(0).allocated(), first.allocated());
		assertEquals("0-19,29,32,50,128,236-255", parsed.systemVectors().toList());
	}

	private static void assertCountersMatch(MatrixSnapshot snapshot, VectorDebugfs parsed) {
		assertEquals(List.of(snapshot.onlineMaps(), snapshot.globalAvailable(), snapshot.globalReserved(),
				snapshot.totalAllocated(), snapshot.systemCount()), List.of(parsed.onlineMaps(), parsed.globalAvailable(),
						parsed.globalReserved(), parsed.totalAllocated(), parsed.systemCount()));
		assertEquals(snapshot.cpus().size(), parsed.cpus().size());
	}

	@Test
	void aCopyMissingItsLastCpuRowsIsTruncated() {
		String text = new VectorDebugfsFile(VectorDebugfsFile.Style.WITH_MANAGED_ALLOCATED)
				.domainFile(busyMachine(), 12, 3);
		String cut = text.lines().limit(text.lines().count() - 3).reduce("", (a, b) -> a + b + "\n");

		InputError error = assertThrows(InputError.class, () -> VectorDebugfsParser.parse(TextFile.of("VECTOR", cut)));

		assertEquals("VECTOR:16: the CPU table has 5 rows but `Online bitmaps:` counts 8 online CPUs (truncated copy?)",
				error.getMessage());
	}

	@Test
	void aRowCutInTheMiddleNamesItsLine() {
		InputError error = assertThrows(InputError.class, () -> VectorDebugfsParser.parse(TextFile.of("VECTOR", """
				Online bitmaps:        2
				Global available:    399
				Global reserved:       0
				Total allocated:       3
				System: 44: 0-19,29,32,50,128,236-255
				 | CPU | avl | man | mac | act | vectors
				     0   199     0     0    2  33-34
				     1   200
				""")));

		assertEquals("VECTOR:8: expected a CPU row (cpu avl man mac act vectors), found '1   200' (truncated line?)",
				error.getMessage());
	}

	@Test
	void countersThatDoNotAddUpAreAnEditedCopy() {
		InputError error = assertThrows(InputError.class, () -> VectorDebugfsParser.parse(TextFile.of("VECTOR", """
				Online bitmaps:        2
				Global available:    390
				Global reserved:       0
				Total allocated:       3
				System: 44: 0-19,29,32,50,128,236-255
				 | CPU | avl | man | mac | act | vectors
				     0   199     0     0    2  33-34
				     1   200     0     0    1  33
				""")));

		assertTrue(error.getMessage().startsWith("VECTOR: the CPUs' avl column adds up to 399 but `Global available:` says 390"),
				error.getMessage());
	}

	@Test
	void anotherFileIsNotMistakenForVector() {
		InputError error = assertThrows(InputError.class,
				() -> VectorDebugfsParser.parse(TextFile.of("VECTOR", "name:   PCI-MSI\n size:   0\n")));

		assertEquals("VECTOR: has no `Online bitmaps:` line: is it /sys/kernel/debug/irq/domains/VECTOR?", error.getMessage());
	}
}
