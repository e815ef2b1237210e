package org.irqlab.dsl.report;

import java.util.List;
import java.util.Locale;

import org.eclipse.xtext.validation.Issue;
import org.irqlab.kernel.CpuSet;
import org.irqlab.dsl.simulation.Errnos;

/** Numbers as a report prints them: grouped thousands, plurals, CPU lists, errnos, chart coordinates, positions. */
public final class Figures {

	private Figures() {
	}

	public static String n(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** "1 device", "221 devices". */
	public static String count(long value, String singular, String plural) {
		return n(value) + " " + (value == 1 ? singular : plural);
	}

	public static String cpus(List<Integer> cpus) {
		return CpuSet.of(cpus.stream().mapToInt(Integer::intValue).toArray()).toList();
	}

	public static String errno(int errno) {
		return Errnos.describe(errno);
	}

	/** "292..512" or "7". */
	public static String range(int first, int last) {
		return first == last ? Integer.toString(first) : first + ".." + last;
	}

	public static String percent(long part, long whole) {
		return whole == 0 ? "0%" : String.format(Locale.ROOT, "%.0f%%", 100.0 * part / whole);
	}

	/** A chart coordinate: one decimal, a point as the separator. */
	public static String tenths(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** Where an issue is in its file: "34:9". */
	public static String where(Issue issue) {
		return issue.getLineNumber() + ":" + issue.getColumn();
	}

	/** "error", "warning", "info". */
	public static String severityName(Issue issue) {
		return issue.getSeverity().name().toLowerCase(Locale.ROOT);
	}
}
