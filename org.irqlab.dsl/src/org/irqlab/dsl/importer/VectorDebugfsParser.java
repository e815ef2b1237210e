package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;

/**
 * Reads the VECTOR domain's debugfs file as irq_matrix_debug_show() prints it, in both layouts: with the
 * mac (managed allocated) column, as el8 and 4.19+ print it, and without, as vanilla 4.15-4.18 did. The
 * domain header before it (name, size, mapped, flags and, on newer kernels, the flag names) is skipped.
 */
public final class VectorDebugfsParser {

	private static final Pattern COUNTER = Pattern.compile("\\s*(Online bitmaps|Global available|Global reserved|Total allocated):\\s*(\\d+)\\s*");
	private static final Pattern SYSTEM = Pattern.compile("\\s*System:\\s*(\\d+):\\s*(\\S*)\\s*");
	private static final Pattern HEADER_MAC = Pattern.compile("\\s*\\|\\s*CPU\\s*\\|\\s*avl\\s*\\|\\s*man\\s*\\|\\s*mac\\s*\\|\\s*act\\s*\\|\\s*vectors\\s*");
	private static final Pattern HEADER_PLAIN = Pattern.compile("\\s*\\|\\s*CPU\\s*\\|\\s*avl\\s*\\|\\s*man\\s*\\|\\s*act\\s*\\|\\s*vectors\\s*");
	private static final Pattern ROW_MAC = Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)(?:\\s+(\\S+))?\\s*");
	private static final Pattern ROW_PLAIN = Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)(?:\\s+(\\S+))?\\s*");
	private static final String VECTOR_LIST = "a vector list (as 0-19,29,50,128,236-255)";

	private VectorDebugfsParser() {
	}

	public static VectorDebugfs parse(TextFile file) throws InputError {
		List<String> lines = file.lines();
		int i = 0;
		while (i < lines.size() && !lines.get(i).strip().startsWith("Online bitmaps:")) {
			i++;
		}
		if (i == lines.size()) {
			throw file.error(lines.isEmpty() ? "the file is empty (truncated copy?)"
					: "has no `Online bitmaps:` line: is it /sys/kernel/debug/irq/domains/VECTOR?");
		}
		int online = counter(file, i++, "Online bitmaps");
		int available = counter(file, i++, "Global available");
		int reserved = counter(file, i++, "Global reserved");
		int allocated = counter(file, i++, "Total allocated");
		if (i >= lines.size()) {
			throw file.error(i - 1, "ends before the `System:` line (truncated copy?)");
		}
		Matcher system = SYSTEM.matcher(lines.get(i));
		if (!system.matches()) {
			throw file.error(i, "expected `System: N: vector list`, found '" + CpuListText.shorten(lines.get(i).strip()) + "'");
		}
		int systemCount = CaptureNumbers.parseInt(file, i, system.start(1), system.group(1), CaptureNumbers.CPU_VECTORS);
		CpuSet systemVectors = CpuListText.parseRanges(file, i, system.start(2), system.group(2), CaptureNumbers.VECTOR,
				VECTOR_LIST);
		if (systemVectors.size() != systemCount) {
			throw file.error(i, "the system map lists " + systemVectors.size() + " vectors but counts " + systemCount);
		}
		i++;
		if (i >= lines.size()) {
			throw file.error(i - 1, "ends before the CPU table (truncated copy?)");
		}
		boolean mac;
		if (HEADER_MAC.matcher(lines.get(i)).matches()) {
			mac = true;
		} else if (HEADER_PLAIN.matcher(lines.get(i)).matches()) {
			mac = false;
		} else {
			throw file.error(i, "expected the CPU table's header (| CPU | avl | man | mac | act | vectors), found '"
					+ CpuListText.shorten(lines.get(i).strip()) + "'");
		}
		i++;
		List<VectorDebugfs.CpuRow> rows = new ArrayList<>();
		for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
			rows.add(row(file, i, mac, rows.isEmpty() ? -1 : rows.get(rows.size() - 1).cpu()));
		}
		if (rows.size() != online) {
			throw file.error(rows.isEmpty() ? i : rows.get(rows.size() - 1).line() + 1, "the CPU table has " + rows.size()
					+ " rows but `Online bitmaps:` counts " + online + " online CPUs (truncated copy?)");
		}
		int sumAvailable = rows.stream().mapToInt(VectorDebugfs.CpuRow::available).sum();
		if (sumAvailable != available) {
			throw file.error("the CPUs' avl column adds up to " + sumAvailable + " but `Global available:` says "
					+ available + " (rows from another moment, or an edited copy?)");
		}
		return new VectorDebugfs(file.name(), online, available, reserved, allocated, systemCount, systemVectors, mac,
				List.copyOf(rows));
	}

	private static int counter(TextFile file, int index, String name) throws InputError {
		if (index >= file.lines().size()) {
			throw file.error(index - 1, "ends before the `" + name + ":` line (truncated copy?)");
		}
		Matcher m = COUNTER.matcher(file.lines().get(index));
		if (!m.matches() || !m.group(1).equals(name)) {
			throw file.error(index, "expected `" + name + ": N`, found '" + CpuListText.shorten(file.lines().get(index).strip()) + "'");
		}
		return CaptureNumbers.parseInt(file, index, m.start(2), m.group(2),
				name.equals("Online bitmaps") ? new CaptureNumbers.Range("online CPU count", 0, CpuListText.MAX_CPUS, "")
						: CaptureNumbers.MATRIX_VECTORS);
	}

	private static VectorDebugfs.CpuRow row(TextFile file, int index, boolean mac, int previousCpu) throws InputError {
		String line = file.lines().get(index);
		Matcher m = (mac ? ROW_MAC : ROW_PLAIN).matcher(line);
		if (!m.matches()) {
			throw file.error(index, "expected a CPU row (" + (mac ? "cpu avl man mac act vectors" : "cpu avl man act vectors")
					+ "), found '" + CpuListText.shorten(line.strip()) + "' (truncated line?)");
		}
		int g = 1;
		int cpu = CaptureNumbers.parseInt(file, index, m.start(g), m.group(g++), CaptureNumbers.CPU);
		int avl = CaptureNumbers.parseInt(file, index, m.start(g), m.group(g++), CaptureNumbers.CPU_VECTORS);
		int man = CaptureNumbers.parseInt(file, index, m.start(g), m.group(g++), CaptureNumbers.CPU_VECTORS);
		int macCount = mac ? CaptureNumbers.parseInt(file, index, m.start(g), m.group(g++), CaptureNumbers.CPU_VECTORS) : -1;
		int act = CaptureNumbers.parseInt(file, index, m.start(g), m.group(g++), CaptureNumbers.CPU_VECTORS);
		String vectors = m.group(g) == null ? "" : m.group(g);
		CpuSet listed = CpuListText.parseRanges(file, index, m.group(g) == null ? -1 : m.start(g), vectors,
				CaptureNumbers.VECTOR, VECTOR_LIST);
		if (cpu <= previousCpu) {
			throw file.error(index, "CPU " + cpu + " comes after CPU " + previousCpu + ": rows are in CPU order");
		}
		if (!vectors.isEmpty() && listed.size() != act) {
			throw file.error(index, "CPU " + cpu + " lists " + listed.size() + " vectors but counts " + act
					+ " allocated (truncated line?)");
		}
		return new VectorDebugfs.CpuRow(cpu, avl, man, macCount, act, vectors, index);
	}

}
