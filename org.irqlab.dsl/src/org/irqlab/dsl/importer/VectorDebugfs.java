package org.irqlab.dsl.importer;

import java.util.List;
import java.util.Optional;

import org.irqlab.kernel.CpuSet;

/**
 * /sys/kernel/debug/irq/domains/VECTOR: the matrix's global counters, its system map and, for each online
 * CPU, the available, managed, managed-allocated and allocated counts.
 *
 * @param systemVectors          the system map's bits ("0-19,29,32,50,128,236-255")
 * @param withManagedAllocated   whether the file has the mac column (el8 and 4.19+; not vanilla 4.15-4.18)
 */
public record VectorDebugfs(String file, int onlineMaps, int globalAvailable, int globalReserved, int totalAllocated,
		int systemCount, CpuSet systemVectors, boolean withManagedAllocated, List<CpuRow> cpus) {

	/**
	 * One online CPU's map.
	 *
	 * @param managedAllocated the mac column, or -1 when the file has none
	 * @param vectors          the allocated vectors as the file lists them
	 */
	public record CpuRow(int cpu, int available, int managed, int managedAllocated, int allocated, String vectors,
			int line) {
	}

	public Optional<CpuRow> cpu(int cpu) {
		return cpus.stream().filter(r -> r.cpu() == cpu).findFirst();
	}
}
