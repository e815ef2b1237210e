package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.irqlab.kernel.CpuSet;

/**
 * Reads the CPU topology from sysfs: /sys/devices/system/cpu/{possible,present,online}, the nodes'
 * cpulist and each CPU's topology/thread_siblings_list. The sets must fit together as the kernel keeps
 * them (present and online CPUs are possible, a node's CPUs are possible and in no other node, a CPU is
 * its own sibling); a copy where they do not is refused with the file that breaks the fit.
 */
public final class TopologyReader {

	static final String CPU_DIR = "sys/devices/system/cpu/";
	static final String NODE_DIR = "sys/devices/system/node/";

	private TopologyReader() {
	}

	/** Empty when the capture holds no /sys/devices/system/cpu/possible. */
	public static Optional<Topology> read(CaptureRoot root) throws InputError {
		Optional<TextFile> possibleFile = root.read(CPU_DIR + "possible");
		if (possibleFile.isEmpty()) {
			return Optional.empty();
		}
		List<String> guesses = new ArrayList<>();
		CpuSet possible = CpuListText.readListFile(possibleFile.get());
		if (possible.isEmpty()) {
			throw possibleFile.get().error(0, "lists no CPU: every host has CPU 0 (truncated copy?)");
		}
		CpuSet present = optionalList(root, CPU_DIR + "present", possible, "possible").orElse(possible);
		Optional<CpuSet> onlineFile = optionalList(root, CPU_DIR + "online", present, "present");
		CpuSet online = onlineFile.orElse(present);
		boolean onlineGuessed = onlineFile.isEmpty();
		if (onlineGuessed) {
			guesses.add("no " + root.display(CPU_DIR + "online") + ": every present CPU taken as online");
		}
		SortedMap<Integer, CpuSet> nodes = new TreeMap<>();
		Map<Integer, String> nodeFiles = new TreeMap<>();
		for (String name : root.list(NODE_DIR)) {
			if (name.matches("node\\d+")) {
				int node = CaptureNumbers.parseInt(root.display(NODE_DIR + name), name.substring(4), CaptureNumbers.NODE);
				Optional<TextFile> cpulist = root.read(NODE_DIR + name + "/cpulist");
				if (cpulist.isPresent()) {
					CpuSet cpus = CpuListText.readListFile(cpulist.get());
					within(cpulist.get(), cpus, possible, "possible");
					for (Map.Entry<Integer, CpuSet> other : nodes.entrySet()) {
						CpuSet both = other.getValue().and(cpus);
						if (!both.isEmpty()) {
							throw cpulist.get().error(0, "CPU" + (both.size() > 1 ? "s " : " ") + both.toList() + " of node" + node
									+ (both.size() > 1 ? " are" : " is") + " in node" + other.getKey() + " as well ("
									+ nodeFiles.get(other.getKey()) + "): a CPU has one node");
						}
					}
					nodes.put(node, cpus);
					nodeFiles.put(node, cpulist.get().name());
				}
			}
		}
		nodes.values().removeIf(CpuSet::isEmpty);
		Set<CpuSet> siblings = new LinkedHashSet<>();
		for (int cpu : possible.toArray()) {
			Optional<TextFile> file = root.read(CPU_DIR + "cpu" + cpu + "/topology/thread_siblings_list");
			if (file.isPresent()) {
				CpuSet group = file.get().lines().isEmpty() ? CpuSet.empty() : CpuListText.readListFile(file.get());
				if (group.isEmpty()) {
					// an offline CPU: x86 clears its sibling mask when it goes down (remove_siblinginfo)
					continue;
				}
				within(file.get(), group, possible, "possible");
				if (!group.contains(cpu)) {
					throw file.get().error(0, "CPU " + cpu + "'s siblings " + group.toList() + " leave out CPU " + cpu
							+ " itself (a copy of another CPU's file?)");
				}
				siblings.add(group);
			}
		}
		return Optional.of(new Topology(possible, present, online, nodes, List.copyOf(siblings),
				root.display(CPU_DIR), guesses, onlineGuessed));
	}

	private static Optional<CpuSet> optionalList(CaptureRoot root, String relative, CpuSet within, String what)
			throws InputError {
		Optional<TextFile> file = root.read(relative);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		CpuSet cpus = CpuListText.readListFile(file.get());
		within(file.get(), cpus, within, what);
		return Optional.of(cpus);
	}

	/** A CPU set read from {@code file} must lie within the host's {@code what} CPUs. */
	private static void within(TextFile file, CpuSet cpus, CpuSet all, String what) throws InputError {
		CpuSet outside = cpus.andNot(all);
		if (!outside.isEmpty()) {
			throw file.error(0, "CPU" + (outside.size() > 1 ? "s " : " ") + outside.toList() + (outside.size() > 1 ? " are" : " is")
					+ " not among the host's " + what + " CPUs (" + all.toList() + ")");
		}
	}
}
