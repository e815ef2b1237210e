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

	private static final Pattern LIST = Pattern.compile("\\d{1,5}(-\\d{1,5})?(,\\d{1,5}(-\\d{1,5})?)*");
	private static final Pattern MASK = Pattern.compile("[0-9a-fA-F]{1,8}(,[0-9a-fA-F]{1,8})*");

	private CpuListText() {
	}

	/** @param index 0-based line of {@code file} holding {@code text} */
	public static CpuSet parseList(TextFile file, int index, String text) throws InputError {
		String list = text.strip();
		if (list.isEmpty()) {
			return CpuSet.empty();
		}
		if (!LIST.matcher(list).matches()) {
			throw file.error(index, "'" + shorten(list) + "' is not a CPU list (expected the kernel's form, as 0-19,40-59)");
		}
		for (String part : list.split(",")) {
			String[] ends = part.split("-");
			int first = Integer.parseInt(ends[0]);
			int last = ends.length > 1 ? Integer.parseInt(ends[1]) : first;
			if (last < first) {
				throw file.error(index, "CPU range " + part + " goes backwards");
			}
			if (last >= MAX_CPUS) {
				throw file.error(index, "CPU " + last + " is beyond the " + MAX_CPUS + " CPUs x86_64 supports");
			}
		}
		return CpuSet.parse(list);
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
			long bits = Long.parseLong(groups[groups.length - 1 - g], 16);
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
		return parseList(file, 0, file.lines().get(0));
	}

	static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 37) + "...";
	}
}
