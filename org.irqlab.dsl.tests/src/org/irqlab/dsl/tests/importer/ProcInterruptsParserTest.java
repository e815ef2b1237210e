package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.InterruptsTable;
import org.irqlab.dsl.importer.ProcInterruptsParser;
import org.irqlab.dsl.importer.TextFile;
import org.junit.jupiter.api.Test;

/** /proc/interrupts as el8 and 6.x print it, and the ways a copy of it breaks. */
public class ProcInterruptsParserTest {

	private static final String EL8 = """
			            CPU0       CPU1       CPU2       CPU3
			   0:         45          0          0          0  IR-IO-APIC    2-edge      timer
			   9:          0          3          0          0  IR-IO-APIC    9-fasteoi   acpi
			  26:          0          0          0          0  IR-PCI-MSI 16384-edge      PCIe PME, aerdrv
			 118:          0          0         53          0  IR-PCI-MSI 94371841-edge      virtio3-req.0
			 NMI:          1          1          1          1   Non-maskable interrupts
			 LOC:      10431       9950      10002      10120   Local timer interrupts
			 ERR:          0
			 MIS:          0
			""";

	@Test
	void readsColumnsChipsAndHandlerNames() throws InputError {
		InterruptsTable table = ProcInterruptsParser.parse(TextFile.of("proc/interrupts", EL8));

		assertArrayEquals(new int[] { 0, 1, 2, 3 }, table.cpus());
		assertEquals(List.of(0, 9, 26, 118), table.rows().stream().map(InterruptsTable.Row::irq).toList());
		InterruptsTable.Row disk = table.row(118).orElseThrow();
		assertEquals("IR-PCI-MSI", disk.chip());
		assertEquals("94371841-edge", disk.hwirq());
		assertEquals(List.of("virtio3-req.0"), disk.actions());
		assertEquals(53, disk.counts()[2]);
		assertTrue(disk.remapped());
		assertEquals(List.of("PCIe PME", "aerdrv"), table.row(26).orElseThrow().actions(), "a shared line lists every handler");
	}

	@Test
	void readsTheNewerMsixChipNames() throws InputError {
		InterruptsTable table = ProcInterruptsParser.parse(TextFile.of("interrupts", """
				           CPU0       CPU1
				  35:          0         17  PCI-MSIX-0000:01:00.0    1-edge      nvme0q1
				"""));

		InterruptsTable.Row row = table.named("nvme0q1").orElseThrow();
		assertEquals("PCI-MSIX-0000:01:00.0", row.chip());
		assertEquals(35, row.irq());
	}

	@Test
	void onlineColumnsOnlyWhenCpusAreOffline() throws InputError {
		InterruptsTable table = ProcInterruptsParser.parse(TextFile.of("interrupts", """
				           CPU0       CPU2
				   0:         45          0  IO-APIC    2-edge      timer
				"""));

		assertArrayEquals(new int[] { 0, 2 }, table.cpus());
	}

	@Test
	void aLineCutInTheMiddleOfItsCountsNamesFileAndLine() {
		String truncated = EL8.lines().limit(4).reduce("", (a, b) -> a + b + "\n") + " 118:          0          0\n";

		InputError error = assertThrows(InputError.class,
				() -> ProcInterruptsParser.parse(TextFile.of("capture/proc/interrupts", truncated)));

		assertEquals("capture/proc/interrupts:5: irq 118 has 2 per-CPU counts where the header names 4 CPUs (truncated line?)",
				error.getMessage());
	}

	@Test
	void aLineCutAfterItsChipIsTruncated() {
		InputError error = assertThrows(InputError.class, () -> ProcInterruptsParser.parse(TextFile.of("interrupts", """
				            CPU0       CPU1
				 118:          0         53  IR-PCI-MSI 94371841-edge
				""")));

		assertEquals("interrupts:2: irq 118 ends after its chip and trigger, without a handler name (truncated line?)",
				error.getMessage());
	}

	@Test
	void aFileWithoutTheCpuHeaderIsNotProcInterrupts() {
		InputError error = assertThrows(InputError.class, () -> ProcInterruptsParser.parse(TextFile.of("interrupts",
				"   0:         45          0  IO-APIC    2-edge      timer\n")));

		assertEquals("interrupts:1: expected the header of CPU columns (CPU0 CPU1 ...), found '0:'", error.getMessage());
	}

	@Test
	void anEmptyCopyIsReportedAsSuch() {
		InputError error = assertThrows(InputError.class, () -> ProcInterruptsParser.parse(TextFile.of("interrupts", "")));

		assertEquals("interrupts: the file is empty (truncated copy?)", error.getMessage());
	}

	@Test
	void garbageInsteadOfAnInterruptLineIsNamed() {
		InputError error = assertThrows(InputError.class, () -> ProcInterruptsParser.parse(TextFile.of("interrupts", """
				           CPU0
				   0:         45  IO-APIC    2-edge      timer
				<html>
				""")));

		assertEquals("interrupts:3: expected an interrupt line (`118:  0 0 ...  chip  name`), found '<html>'",
				error.getMessage());
	}
}
