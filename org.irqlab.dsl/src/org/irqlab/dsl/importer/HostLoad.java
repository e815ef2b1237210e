package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.irqlab.kernel.CpuSet;

/**
 * The vectors a host holds on each CPU, in the terms of the language's {@code load on CPUS { ... }}:
 * non-managed allocated, managed reserved and managed allocated; plus the global reservations.
 *
 * @param reserved global_reserved, or -1 when the source does not show it
 * @param source   what the counts were read from, for the model's comment
 * @param notes    what had to be assumed
 */
public record HostLoad(int[] allocated, int[] managed, int[] managedAllocated, int reserved, String source,
		List<String> notes) {

	/** CPUs with the same three counts, in CPU order; CPUs without load are left out. */
	public record Group(CpuSet cpus, int allocated, int managed, int managedAllocated) {
	}

	public int cpuCount() {
		return allocated.length;
	}

	public List<Group> groups() {
		Map<List<Integer>, List<Integer>> cpusByCounts = new LinkedHashMap<>();
		for (int cpu = 0; cpu < allocated.length; cpu++) {
			List<Integer> counts = List.of(allocated[cpu], managed[cpu], managedAllocated[cpu]);
			if (!counts.equals(List.of(0, 0, 0))) {
				cpusByCounts.computeIfAbsent(counts, k -> new ArrayList<>()).add(cpu);
			}
		}
		List<Group> groups = new ArrayList<>();
		cpusByCounts.forEach((counts, cpus) -> groups.add(new Group(
				CpuSet.of(cpus.stream().mapToInt(Integer::intValue).toArray()), counts.get(0), counts.get(1), counts.get(2))));
		return groups;
	}
}
