package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.irqlab.kernel.CpuSet;

/**
 * Reads the CPU topology from sysfs: /sys/devices/system/cpu/{possible,present,online}, the nodes'
 * cpulist and each CPU's topology/thread_siblings_list.
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
		CpuSet present = optionalList(root, CPU_DIR + "present").orElse(possible);
		CpuSet online = optionalList(root, CPU_DIR + "online").orElseGet(() -> {
			guesses.add("no " + root.display(CPU_DIR + "online") + ": every present CPU taken as online");
			return present;
		});
		SortedMap<Integer, CpuSet> nodes = new TreeMap<>();
		for (String name : root.list(NODE_DIR)) {
			if (name.matches("node\\d+")) {
				Optional<TextFile> cpulist = root.read(NODE_DIR + name + "/cpulist");
				if (cpulist.isPresent()) {
					nodes.put(Integer.parseInt(name.substring(4)), CpuListText.readListFile(cpulist.get()));
				}
			}
		}
		nodes.values().removeIf(CpuSet::isEmpty);
		Set<CpuSet> siblings = new LinkedHashSet<>();
		for (int cpu : possible.toArray()) {
			Optional<TextFile> file = root.read(CPU_DIR + "cpu" + cpu + "/topology/thread_siblings_list");
			if (file.isPresent()) {
				siblings.add(CpuListText.readListFile(file.get()));
			}
		}
		return Optional.of(new Topology(possible, present, online, nodes, List.copyOf(siblings),
				root.display(CPU_DIR), guesses));
	}

	private static Optional<CpuSet> optionalList(CaptureRoot root, String relative) throws InputError {
		Optional<TextFile> file = root.read(relative);
		return file.isEmpty() ? Optional.empty() : Optional.of(CpuListText.readListFile(file.get()));
	}
}
