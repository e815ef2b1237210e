package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads /proc/interrupts as show_interrupts() prints it: a header of CPU columns, then for every irq
 * its number, one count per column, the chip, the hardware irq with its trigger, and the handlers.
 */
public final class ProcInterruptsParser {

	private static final Pattern CPU_COLUMN = Pattern.compile("CPU\\d+");
	private static final Pattern COUNT = Pattern.compile("\\d+");
	private static final Pattern HWIRQ = Pattern.compile("\\d+-[A-Za-z]+|\\d+");

	private ProcInterruptsParser() {
	}

	public static InterruptsTable parse(TextFile file) throws InputError {
		int headerAt = firstNonBlank(file);
		if (headerAt < 0) {
			throw file.error("the file is empty (truncated copy?)");
		}
		int[] cpus = header(file, headerAt);
		List<InterruptsTable.Row> rows = new ArrayList<>();
		Set<Integer> seen = new HashSet<>();
		for (int i = headerAt + 1; i < file.lines().size(); i++) {
			String line = file.lines().get(i);
			if (line.isBlank()) {
				continue;
			}
			String stripped = line.strip();
			int colon = stripped.indexOf(':');
			if (colon <= 0) {
				throw file.error(i, "expected an interrupt line (`118:  0 0 ...  chip  name`), found '"
						+ CpuListText.shorten(stripped) + "'");
			}
			String label = stripped.substring(0, colon);
			if (!COUNT.matcher(label).matches()) {
				continue; // NMI, LOC, ERR, MIS...: architecture counters without an irq number
			}
			InterruptsTable.Row row = row(file, i, label, stripped.substring(colon + 1), cpus.length);
			if (!seen.add(row.irq())) {
				throw file.error(i, "irq " + row.irq() + " is listed twice");
			}
			rows.add(row);
		}
		return new InterruptsTable(file.name(), cpus, List.copyOf(rows));
	}

	private static int firstNonBlank(TextFile file) {
		for (int i = 0; i < file.lines().size(); i++) {
			if (!file.lines().get(i).isBlank()) {
				return i;
			}
		}
		return -1;
	}

	private static int[] header(TextFile file, int index) throws InputError {
		String line = file.lines().get(index);
		String[] columns = line.strip().split("\\s+");
		int[] cpus = new int[columns.length];
		int at = 0;
		for (int c = 0; c < columns.length; c++) {
			if (!CPU_COLUMN.matcher(columns[c]).matches()) {
				throw file.error(index, "expected the header of CPU columns (CPU0 CPU1 ...), found '"
						+ CpuListText.shorten(columns[c]) + "'");
			}
			at = line.indexOf(columns[c], at);
			cpus[c] = CaptureNumbers.parseInt(file, index, at + 3, columns[c].substring(3), CaptureNumbers.CPU);
			at += columns[c].length();
			if (c > 0 && cpus[c] <= cpus[c - 1]) {
				throw file.error(index, "the CPU columns are not in increasing order at CPU" + cpus[c]);
			}
		}
		return cpus;
	}

	private static InterruptsTable.Row row(TextFile file, int index, String label, String rest, int columns)
			throws InputError {
		String line = file.lines().get(index);
		int irq = CaptureNumbers.parseInt(file, index, line.indexOf(label), label, CaptureNumbers.IRQ);
		String[] tokens = rest.strip().isEmpty() ? new String[0] : rest.strip().split("\\s+");
		if (tokens.length < columns) {
			throw file.error(index, "irq " + irq + " has " + countsIn(tokens) + " per-CPU counts where the header names "
					+ columns + " CPUs (truncated line?)");
		}
		long[] counts = new long[columns];
		for (int c = 0; c < columns; c++) {
			if (!COUNT.matcher(tokens[c]).matches()) {
				throw file.error(index, "irq " + irq + " has " + c + " per-CPU counts where the header names " + columns
						+ " CPUs (truncated line?)");
			}
			counts[c] = CaptureNumbers.parse(file, index, -1, tokens[c], CaptureNumbers.INTERRUPT_COUNT);
		}
		if (tokens.length == columns) {
			throw file.error(index, "irq " + irq + " has no chip or handler name after its counts (truncated line?)");
		}
		String chip = tokens[columns];
		int next = columns + 1;
		String hwirq = "";
		if (next < tokens.length && HWIRQ.matcher(tokens[next]).matches() && next + 1 < tokens.length) {
			hwirq = tokens[next++];
		}
		if (next == tokens.length - 1 && HWIRQ.matcher(tokens[next]).matches() && tokens[next].contains("-")) {
			throw file.error(index, "irq " + irq + " ends after its chip and trigger, without a handler name (truncated line?)");
		}
		List<String> actions = new ArrayList<>();
		if (next < tokens.length) {
			StringBuilder joined = new StringBuilder();
			for (int t = next; t < tokens.length; t++) {
				joined.append(t > next ? " " : "").append(tokens[t]);
			}
			for (String action : joined.toString().split(",\\s*")) {
				if (!action.isBlank()) {
					actions.add(action.strip());
				}
			}
		}
		return new InterruptsTable.Row(irq, counts, chip, hwirq, List.copyOf(actions), index);
	}

	private static int countsIn(String[] tokens) {
		int n = 0;
		while (n < tokens.length && COUNT.matcher(tokens[n]).matches()) {
			n++;
		}
		return n;
	}
}
