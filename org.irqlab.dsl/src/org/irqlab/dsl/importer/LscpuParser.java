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

	/** lscpu's core and socket ids: "Each different item in every column has an unique ID starting from zero". */
	private static final CaptureNumbers.Range ID = new CaptureNumbers.Range("core or socket id", 0, CpuListText.MAX_CPUS - 1,
			"lscpu numbers them from 0, at most one per CPU");

	private LscpuParser() {
	}

	public static Topology parse(TextFile file) throws InputError {
		Map<String, Integer> columns = null;
		List<Integer> cpus = new ArrayList<>();
		Map<Long, List<Integer>> byCore = new TreeMap<>();
		SortedMap<Integer, List<Integer>> byNode = new TreeMap<>();
		for (int i = 0; i < file.lines().size(); i++) {
			String original = file.lines().get(i);
			String line = original.strip();
			int lead = original.indexOf(line);
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
			Row row = new Row(file, i, lead, fields);
			Integer cpu = row.number(columns.get("CPU"), CaptureNumbers.CPU);
			if (cpu == null) {
				throw file.error(i, "has no CPU number");
			}
			if (cpus.contains(cpu)) {
				throw file.error(i, "CPU " + cpu + " is listed twice");
			}
			cpus.add(cpu);
			Integer core = row.number(columns.get("Core"), ID);
			Integer socket = row.number(columns.get("Socket"), ID);
			if (core != null) {
				byCore.computeIfAbsent((long) (socket == null ? 0 : socket) * CpuListText.MAX_CPUS + core, k -> new ArrayList<>())
						.add(cpu);
			}
			Integer node = row.number(columns.get("Node"), CaptureNumbers.NODE);
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
		return new Topology(possible, possible, online, nodes, siblings, file.name(), guesses, false);
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

	/** One CPU line: its fields and where each starts, so that a bad number is named with its column. */
	private record Row(TextFile file, int index, int lead, String[] fields) {

		/** The field's number, or null when the header has no such column or the field is empty. */
		Integer number(Integer column, CaptureNumbers.Range range) throws InputError {
			if (column == null || column >= fields.length || fields[column].isBlank()) {
				return null;
			}
			int offset = lead + column;
			for (int c = 0; c < column; c++) {
				offset += fields[c].length();
			}
			String field = fields[column];
			String value = field.strip();
			return CaptureNumbers.parseInt(file, index, offset + field.indexOf(value), value, range);
		}
	}

	private static CpuSet set(List<Integer> cpus) {
		return CpuSet.of(cpus.stream().mapToInt(Integer::intValue).toArray());
	}
}
