package org.irqlab.dsl.simulation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the kernel's cpulist syntax ({@code 0-39,80-119}) as ranges, without building a bitmap, so
 * the validator can reject a list before anything allocates memory for it.
 */
public final class CpuLists {

	/** An inclusive range of CPU numbers. */
	public record Range(int first, int last) {
	}

	private CpuLists() {
	}

	/** @throws IllegalArgumentException with a message for the user when the list is malformed */
	public static List<Range> ranges(String cpuList) {
		List<Range> ranges = new ArrayList<>();
		for (String part : cpuList.split(",")) {
			String trimmed = part.strip();
			int dash = trimmed.indexOf('-');
			int first = number(dash < 0 ? trimmed : trimmed.substring(0, dash));
			int last = dash < 0 ? first : number(trimmed.substring(dash + 1));
			if (last < first) {
				throw new IllegalArgumentException("CPU range " + trimmed + " goes backwards");
			}
			ranges.add(new Range(first, last));
		}
		return ranges;
	}

	/** The highest CPU number in the list. */
	public static int highest(String cpuList) {
		return ranges(cpuList).stream().mapToInt(Range::last).max().orElse(-1);
	}

	/** How many CPUs the list names, counting overlaps once per mention. */
	public static long count(String cpuList) {
		return ranges(cpuList).stream().mapToLong(r -> (long) r.last() - r.first() + 1).sum();
	}

	private static int number(String text) {
		try {
			return Integer.parseInt(text.strip());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("'" + text.strip() + "' is not a CPU number");
		}
	}
}
