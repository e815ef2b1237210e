package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.VectorInfo;

/**
 * report.html's interrupts of each probe, one table per device: which IRQ, vector and CPU serve each of its
 * queues, as /proc/interrupts and /proc/irq/N show them, and what the probe did to the matrix's counters.
 * The template only marks the cells up; report.json holds the same figures (ReportJson).
 */
public final class InterruptTable {

	/**
	 * One probe.
	 *
	 * @param anchor   the element id, "probe-8" for the 8th probe of the scenario
	 * @param device   the kernel's device name ("virtio7")
	 * @param summary  what the closed table says: "disk_a (virtio_blk), line 34: per-queue MSI-X, managed, 3 interrupts"
	 * @param colour   the interrupt path's colour, as in the charts
	 * @param matrix   the counters around the probe: "global_available 15,593 → 15,512 (−81), ..."
	 * @param empty    why there is no table ("no interrupt: the probe failed with -EBUSY (-16)"), or null
	 * @param rows     its interrupts in MSI-X table order (or its INTx line)
	 */
	public record Device(String anchor, String device, String summary, String colour, String matrix, String empty,
			List<Row> rows) {
	}

	/**
	 * One interrupt.
	 *
	 * @param irq       the Linux irq number
	 * @param name      the name /proc/interrupts shows ("virtio7-req.0")
	 * @param requested whether a handler is installed (/proc/interrupts lists the irq only then)
	 * @param managed   "yes" or "no"
	 * @param affinity  smp_affinity_list ("0-39")
	 * @param cpu       the CPU holding its vector (effective_affinity_list), "none" when no CPU does
	 * @param vector    the vector number on that CPU, "none" when no CPU holds one
	 */
	public record Row(int irq, String name, boolean requested, String managed, String affinity, String cpu,
			String vector) {
	}

	private InterruptTable() {
	}

	public static List<Device> devices(ScenarioFacts facts) {
		List<Device> devices = new ArrayList<>();
		for (ScenarioFacts.DeviceRow row : facts.devices()) {
			devices.add(device(row, devices.size() + 1));
		}
		return devices;
	}

	private static Device device(ScenarioFacts.DeviceRow row, int probe) {
		List<VectorInfo> vectors = row.result().vectors();
		String summary = row.type() + " (" + row.driver() + "), line " + row.line() + ": "
				+ Paths.describe(row.path(), row.result().type())
				+ (vectors.isEmpty() ? "" : ", " + Figures.count(vectors.size(), "interrupt", "interrupts"));
		String empty = null;
		if (vectors.isEmpty()) {
			empty = row.path() == InterruptPath.PROBE_FAILED
					? "No interrupt: the probe failed with " + Figures.errno(row.errno()) + "."
					: "No interrupt.";
		}
		List<Row> rows = vectors.stream().map(InterruptTable::row).toList();
		return new Device("probe-" + probe, row.name(), summary, Paths.colour(row.path()),
				matrix(row.result().before(), row.result().after()), empty, rows);
	}

	private static Row row(VectorInfo vector) {
		boolean placed = vector.effectiveCpu() >= 0;
		return new Row(vector.irq(), vector.name(), vector.requested(), vector.managed() ? "yes" : "no",
				vector.affinity().toList(), placed ? Integer.toString(vector.effectiveCpu()) : "none",
				placed ? Integer.toString(vector.vector()) : "none");
	}

	/** "global_available 15,593 → 15,512 (−81), global_reserved 149, total_allocated 409 → 412 (+3)". */
	static String matrix(MatrixCounters before, MatrixCounters after) {
		return change("global_available", before.globalAvailable(), after.globalAvailable()) + ", "
				+ change("global_reserved", before.globalReserved(), after.globalReserved()) + ", "
				+ change("total_allocated", before.totalAllocated(), after.totalAllocated());
	}

	private static String change(String counter, int before, int after) {
		if (before == after) {
			return counter + " " + Figures.n(before) + " (unchanged)";
		}
		int delta = after - before;
		return counter + " " + Figures.n(before) + " \u2192 " + Figures.n(after) + " ("
				+ (delta > 0 ? "+" + Figures.n(delta) : "\u2212" + Figures.n(-delta)) + ")";
	}
}
