package org.irqlab.dsl.importer;

import java.util.List;
import java.util.SortedMap;

import org.irqlab.kernel.CpuSet;

/**
 * The host's CPUs as the kernel counts them.
 *
 * @param possible the possible CPUs (nr_cpu_ids = highest + 1)
 * @param present  present CPUs
 * @param online   online CPUs
 * @param nodes    NUMA node number to its CPUs; empty when the host did not say
 * @param siblings SMT sibling groups of the CPUs whose topology was readable; empty when unknown
 * @param source   where these came from, for the model's comment
 * @param guesses  what had to be assumed, for the model's comments
 * @param onlineGuessed whether the online CPUs were assumed (no online file) rather than read
 */
public record Topology(CpuSet possible, CpuSet present, CpuSet online, SortedMap<Integer, CpuSet> nodes,
		List<CpuSet> siblings, String source, List<String> guesses, boolean onlineGuessed) {

	/**
	 * The same topology with the online CPUs another file shows (the VECTOR file's rows, /proc/interrupts'
	 * columns) in place of an assumption.
	 */
	public Topology withOnline(CpuSet shown, String guess) {
		List<String> others = new java.util.ArrayList<>(guesses);
		others.removeIf(g -> g.contains("every present CPU taken as online"));
		others.add(guess);
		return new Topology(possible, present, shown.and(present), nodes, siblings, source, List.copyOf(others), true);
	}

	/** nr_cpu_ids: CPU numbers run from 0 to this - 1. */
	public int cpuCount() {
		return possible.isEmpty() ? 0 : possible.stream().max().getAsInt() + 1;
	}
}
