package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;

/**
 * Turns what a host shows into per-CPU load. The VECTOR debugfs file is exact. /proc/interrupts is an
 * estimate: it shows only interrupts with a handler, and managed interrupts are told apart by their
 * drivers' names only.
 */
public final class LoadDerivation {

	/** Queue interrupts whose drivers pass an affinity descriptor: virtio_blk request queues, NVMe I/O queues. */
	private static final Pattern MANAGED = Pattern.compile("virtio\\d+-req\\.\\d+|nvme\\d+q[1-9]\\d*");

	private LoadDerivation() {
	}

	public static boolean managedByName(String action) {
		return MANAGED.matcher(action).matches();
	}

	/**
	 * Per CPU: available = capacity - non-managed allocated - managed reserved, so the non-managed count
	 * follows from avl and man, and the managed allocated from act; the mac column, when present, must agree.
	 *
	 * @param capacity vectors per CPU outside the system map (alloc_size - systembits_inalloc)
	 */
	public static HostLoad fromDebugfs(VectorDebugfs debugfs, TextFile file, int cpuCount, int capacity)
			throws InputError {
		int[] allocated = new int[cpuCount];
		int[] managed = new int[cpuCount];
		int[] managedAllocated = new int[cpuCount];
		List<String> notes = new ArrayList<>();
		for (VectorDebugfs.CpuRow row : debugfs.cpus()) {
			if (row.cpu() >= cpuCount) {
				throw file.error(row.line(), "CPU " + row.cpu() + " is not a possible CPU of this host (0-" + (cpuCount - 1) + ")");
			}
			int nonManaged = capacity - row.available() - row.managed();
			int mac = row.allocated() - nonManaged;
			if (nonManaged < 0 || mac < 0 || mac > row.managed()) {
				throw file.error(row.line(), "CPU " + row.cpu() + ": avl " + row.available() + ", man " + row.managed()
						+ " and act " + row.allocated() + " do not fit " + capacity
						+ " vectors per CPU outside the system map (another vector layout?)");
			}
			if (row.managedAllocated() >= 0 && row.managedAllocated() != mac) {
				throw file.error(row.line(), "CPU " + row.cpu() + ": mac " + row.managedAllocated() + " disagrees with avl, man"
						+ " and act, which leave " + mac + " managed vectors allocated");
			}
			allocated[row.cpu()] = nonManaged;
			managed[row.cpu()] = row.managed();
			managedAllocated[row.cpu()] = mac;
		}
		if (!debugfs.withManagedAllocated()) {
			notes.add("this VECTOR file has no mac column (4.15-4.18 layout): managed allocated counts follow from avl, man and act");
		}
		return new HostLoad(allocated, managed, managedAllocated, debugfs.globalReserved(), debugfs.file(), notes);
	}

	/**
	 * Each interrupt with a handler holds a vector on its effective CPU; a managed one also reserves a
	 * vector on every CPU of its affinity. Vectors of interrupts without a handler, and global reservations,
	 * do not show in /proc.
	 */
	public static HostLoad fromInterrupts(InterruptsTable interrupts, IrqAffinities affinities, CpuSet online,
			int cpuCount) {
		int[] allocated = new int[cpuCount];
		int[] managed = new int[cpuCount];
		int[] managedAllocated = new int[cpuCount];
		List<String> notes = new ArrayList<>();
		int guessedCpu = 0;
		for (InterruptsTable.Row row : interrupts.rows()) {
			IrqAffinities.Affinity affinity = affinities.of(row.irq()).orElse(null);
			boolean isManaged = row.actions().stream().anyMatch(LoadDerivation::managedByName);
			int cpu = affinity == null ? -1 : affinity.effectiveCpu();
			if (affinity == null || affinity.effective() == null) {
				cpu = busiestCpu(row, interrupts.cpus());
				guessedCpu++;
			}
			if (isManaged && affinity != null) {
				for (int c : affinity.affinity().toArray()) {
					if (c < cpuCount) {
						managed[c]++;
					}
				}
			}
			if (cpu < 0 || cpu >= cpuCount || !online.contains(cpu)) {
				continue;
			}
			if (isManaged && affinity != null) {
				managedAllocated[cpu]++;
			} else {
				allocated[cpu]++;
			}
		}
		if (guessedCpu > 0) {
			notes.add(guessedCpu + " interrupts without effective_affinity_list: their vector is taken to sit on the CPU"
					+ " that took most of their interrupts");
		}
		notes.add("estimated from " + interrupts.file() + ": interrupts without a handler and global reservations do"
				+ " not show there; capture /sys/kernel/debug/irq/domains/VECTOR for exact counts");
		notes.add("managed interrupts told apart by name (virtioN-req.*, nvmeNq1..): other drivers' managed queues count"
				+ " as non-managed");
		return new HostLoad(allocated, managed, managedAllocated, -1, interrupts.file(), notes);
	}

	private static int busiestCpu(InterruptsTable.Row row, int[] cpus) {
		int best = 0;
		for (int c = 1; c < cpus.length; c++) {
			if (row.counts()[c] > row.counts()[best]) {
				best = c;
			}
		}
		return cpus.length == 0 ? -1 : cpus[best];
	}
}
