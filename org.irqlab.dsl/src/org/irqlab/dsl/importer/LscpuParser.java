package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.irqlab.kernel.CpuSet;

/**
 * Reads `lscpu -p` (the parsable format): a commented header naming the columns, then one line per
 * online CPU with its core, socket and node.
 */
public final class LscpuParser {

	private LscpuParser() {
	}

	public static Topology parse(TextFile file) throws InputError {
		Map<String, Integer> columns = null;
		List<Integer> cpus = new ArrayList<>();
		Map<Integer, List<Integer>> byCore = new TreeMap<>();
		SortedMap<Integer, List<Integer>> byNode = new TreeMap<>();
		for (int i = 0; i < file.lines().size(); i++) {
			String line = file.lines().get(i).strip();
			if (line.isEmpty()) {
				continue;
			}
			if (line.startsWith("#")) {
				String header = line.substring(1).strip();
				if (header.startsWith("CPU,") || header.equals("CPU")) {
					columns = columnsOf(header);
				}
				continue;
			}
			if (columns == null) {
				throw file.error(i, "expected the `lscpu -p` header (# CPU,Core,Socket,Node,...) before the CPUs");
			}
			String[] fields = line.split(",", -1);
			int expected = columns.get("#fields");
			if (fields.length < expected) {
				throw file.error(i, "has " + fields.length + " fields where the header names " + expected
						+ " (truncated line?)");
			}
			int cpu = number(file, i, fields, columns.get("CPU"), "CPU");
			if (cpu >= CpuListText.MAX_CPUS) {
				throw file.error(i, "CPU " + cpu + " is beyond the " + CpuListText.MAX_CPUS + " CPUs x86_64 supports");
			}
			cpus.add(cpu);
			Integer core = optional(file, i, fields, columns.get("Core"));
			Integer socket = optional(file, i, fields, columns.get("Socket"));
			if (core != null) {
				byCore.computeIfAbsent((socket == null ? 0 : socket) * 1_000_000 + core, k -> new ArrayList<>()).add(cpu);
			}
			Integer node = optional(file, i, fields, columns.get("Node"));
			if (node != null) {
				byNode.computeIfAbsent(node, k -> new ArrayList<>()).add(cpu);
			}
		}
		if (cpus.isEmpty()) {
			throw file.error("holds no CPU lines (is it the output of `lscpu -p`?)");
		}
		CpuSet online = set(cpus);
		List<String> guesses = new ArrayList<>();
		guesses.add("`lscpu -p` lists online CPUs only: possible and present CPUs taken as CPUs 0-"
				+ online.stream().max().getAsInt());
		CpuSet possible = CpuSet.range(0, online.stream().max().getAsInt());
		SortedMap<Integer, CpuSet> nodes = new TreeMap<>();
		byNode.forEach((node, list) -> nodes.put(node, set(list)));
		List<CpuSet> siblings = byCore.values().stream().map(LscpuParser::set).toList();
		return new Topology(possible, possible, online, nodes, siblings, file.name(), guesses);
	}

	private static Map<String, Integer> columnsOf(String header) {
		Map<String, Integer> columns = new HashMap<>();
		String[] names = header.split(",", -1);
		for (int c = 0; c < names.length; c++) {
			if (!names[c].isBlank()) {
				columns.putIfAbsent(names[c].strip(), c);
			}
		}
		columns.put("#fields", names.length);
		return Map.copyOf(columns);
	}

	private static int number(TextFile file, int index, String[] fields, Integer column, String what)
			throws InputError {
		Integer value = optional(file, index, fields, column);
		if (value == null) {
			throw file.error(index, "has no " + what + " number");
		}
		return value;
	}

	private static Integer optional(TextFile file, int index, String[] fields, Integer column) throws InputError {
		if (column == null || column >= fields.length || fields[column].isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(fields[column].strip());
		} catch (NumberFormatException e) {
			throw file.error(index, "'" + CpuListText.shorten(fields[column]) + "' is not a number");
		}
	}

	private static CpuSet set(List<Integer> cpus) {
		return CpuSet.of(cpus.stream().mapToInt(Integer::intValue).toArray());
	}
}
