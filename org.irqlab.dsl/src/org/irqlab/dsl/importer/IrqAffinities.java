package org.irqlab.dsl.importer;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.irqlab.kernel.CpuSet;

/**
 * /proc/irq/N/smp_affinity_list (or the hex smp_affinity) and effective_affinity_list (or
 * effective_affinity) of every interrupt: where it may go, and the CPU that holds its vector.
 */
public final class IrqAffinities {

	/**
	 * @param affinity  the allowed CPUs
	 * @param effective the CPUs the interrupt is delivered to (one on x86's vector domain); null when the
	 *                  host did not say (kernels before 4.15, or the file was not captured)
	 */
	public record Affinity(CpuSet affinity, CpuSet effective) {

		/** The CPU that holds the vector, or -1 when none (a shut-down managed interrupt) or unknown. */
		public int effectiveCpu() {
			return effective == null || effective.isEmpty() ? -1 : effective.first();
		}
	}

	private final Map<Integer, Affinity> byIrq;

	private IrqAffinities(Map<Integer, Affinity> byIrq) {
		this.byIrq = byIrq;
	}

	public static IrqAffinities read(CaptureRoot root, Iterable<Integer> irqs) throws InputError {
		Map<Integer, Affinity> byIrq = new TreeMap<>();
		for (int irq : irqs) {
			String dir = "proc/irq/" + irq + "/";
			CpuSet affinity = cpus(root, dir + "smp_affinity_list", dir + "smp_affinity");
			if (affinity == null) {
				continue;
			}
			byIrq.put(irq, new Affinity(affinity, cpus(root, dir + "effective_affinity_list", dir + "effective_affinity")));
		}
		return new IrqAffinities(byIrq);
	}

	private static CpuSet cpus(CaptureRoot root, String listFile, String maskFile) throws InputError {
		Optional<TextFile> list = root.read(listFile);
		if (list.isPresent()) {
			return list.get().lines().isEmpty() ? CpuSet.empty() : CpuListText.parseList(list.get(), 0, list.get().lines().get(0));
		}
		Optional<TextFile> mask = root.read(maskFile);
		if (mask.isPresent()) {
			if (mask.get().lines().isEmpty()) {
				throw mask.get().error("the file is empty (truncated copy?)");
			}
			return CpuListText.parseMask(mask.get(), 0, mask.get().lines().get(0));
		}
		return null;
	}

	public Optional<Affinity> of(int irq) {
		return Optional.ofNullable(byIrq.get(irq));
	}

	public int size() {
		return byIrq.size();
	}
}
