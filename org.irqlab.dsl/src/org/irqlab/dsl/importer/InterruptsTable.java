package org.irqlab.dsl.importer;

import java.util.List;
import java.util.Optional;

/**
 * /proc/interrupts: the CPU columns of its header (online CPUs only) and the rows of numbered interrupts.
 * The architecture's own rows (NMI, LOC, ...) carry no irq number and are left out.
 */
public record InterruptsTable(String file, int[] cpus, List<Row> rows) {

	/**
	 * One numbered interrupt.
	 *
	 * @param counts  interrupts taken, in the order of {@link InterruptsTable#cpus()}
	 * @param chip    the irq chip ("IR-PCI-MSI", "PCI-MSIX-0000:01:00.0", "IO-APIC")
	 * @param hwirq   the chip's number and trigger ("94371841-edge"), or "" when absent
	 * @param actions the handlers' names ("virtio3-req.0"); several when the line is shared
	 * @param line    0-based line in the file, for messages
	 */
	public record Row(int irq, long[] counts, String chip, String hwirq, List<String> actions, int line) {

		/** The first action's name, or "" for an interrupt without a handler name. */
		public String name() {
			return actions.isEmpty() ? "" : actions.get(0);
		}

		/** Whether the chip routes through interrupt remapping (IR-PCI-MSI, IR-IO-APIC, ...). */
		public boolean remapped() {
			return chip.startsWith("IR-");
		}
	}

	public Optional<Row> row(int irq) {
		return rows.stream().filter(r -> r.irq() == irq).findFirst();
	}

	/** Row of an interrupt by its handler's name, as virtio7-req.0. */
	public Optional<Row> named(String action) {
		return rows.stream().filter(r -> r.actions().contains(action)).findFirst();
	}
}
