package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;

/**
 * The two ways the kernel prints CPU sets: the cpulist ({@code 0-19,40-59}, smp_affinity_list, sysfs) and
 * the hex mask ({@code ffff,ffffffff,ffffffff}, smp_affinity, IRQBALANCE_BANNED_CPUS). Errors name the file
 * and line the text came from.
 */
public final class CpuListText {

	/** x86_64 cannot have more (CONFIG_NR_CPUS with MAXSMP); a larger number is corruption, not a CPU. */
	public static final int MAX_CPUS = org.irqlab.kernel.MachineSpec.MAX_CPUS;

	private static final Pattern LIST = Pattern.compile("\\d+(-\\d+)?(,\\d+(-\\d+)?)*");
	private static final Pattern MASK = Pattern.compile("[0-9a-fA-F]{1,8}(,[0-9a-fA-F]{1,8})*");

	private CpuListText() {
	}

	/** @param index 0-based line of {@code file} holding {@code text} */
	public static CpuSet parseList(TextFile file, int index, String text) throws InputError {
		String line = index < file.lines().size() ? file.lines().get(index) : "";
		int at = line.indexOf(text);
		return parseList(file, index, at, text);
	}

	/**
	 * @param offset where {@code text} starts in the line (0-based), or -1 when not known: errors then name the
	 *               line without a column
	 */
	public static CpuSet parseList(TextFile file, int index, int offset, String text) throws InputError {
		return parseRanges(file, index, offset, text, CaptureNumbers.CPU, "a CPU list (expected the kernel's form, as 0-19,40-59)");
	}

	/**
	 * A list of numbers and ranges in the cpulist form (the VECTOR file's vector lists use it too), each number
	 * within {@code range}, each range upwards.
	 *
	 * @param expected what the text should be, for the message ("a CPU list (...)")
	 */
	public static CpuSet parseRanges(TextFile file, int index, int offset, String text, CaptureNumbers.Range range,
			String expected) throws InputError {
		String list = text.strip();
		int start = offset < 0 ? -1 : offset + text.indexOf(list);
		if (list.isEmpty()) {
			return CpuSet.empty();
		}
		if (!LIST.matcher(list).matches()) {
			throw file.error(index, "'" + shorten(list) + "' is not " + expected);
		}
		int partAt = 0;
		for (String part : list.split(",")) {
			int dash = part.indexOf('-');
			int first = CaptureNumbers.parseInt(file, index, at(start, partAt), dash < 0 ? part : part.substring(0, dash), range);
			int last = dash < 0 ? first
					: CaptureNumbers.parseInt(file, index, at(start, partAt + dash + 1), part.substring(dash + 1), range);
			if (last < first) {
				String problem = range.what() + " range " + part + " goes backwards";
				throw start < 0 ? file.error(index, problem) : file.error(index, start + partAt, problem);
			}
			partAt += part.length() + 1;
		}
		return CpuSet.parse(list);
	}

	private static int at(int start, int offset) {
		return start < 0 ? -1 : start + offset;
	}

	/** The hex mask form, most significant 32-bit group first. */
	public static CpuSet parseMask(TextFile file, int index, String text) throws InputError {
		String mask = text.strip();
		if (!MASK.matcher(mask).matches()) {
			throw file.error(index, "'" + shorten(mask) + "' is not a CPU mask (expected hex groups, as ffff,ffffffff)");
		}
		String[] groups = mask.split(",");
		if (groups.length * 32 > MAX_CPUS) {
			throw file.error(index, "the mask is wider than the " + MAX_CPUS + " CPUs x86_64 supports");
		}
		List<Integer> cpus = new ArrayList<>();
		for (int g = 0; g < groups.length; g++) {
			long bits = Long.parseLong(groups[groups.length - 1 - g], 16); // 1 to 8 hex digits, checked by MASK
			for (int b = 0; b < 32; b++) {
				if ((bits & (1L << b)) != 0) {
					cpus.add(g * 32 + b);
				}
			}
		}
		return CpuSet.of(cpus.stream().mapToInt(Integer::intValue).toArray());
	}

	/** A one-line cpulist file such as /sys/devices/system/cpu/online. */
	public static CpuSet readListFile(TextFile file) throws InputError {
		if (file.lines().isEmpty()) {
			throw file.error("the file is empty (truncated copy?)");
		}
		return parseList(file, 0, 0, file.lines().get(0));
	}

	static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 37) + "...";
	}
}
