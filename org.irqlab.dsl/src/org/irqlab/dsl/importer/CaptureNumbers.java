package org.irqlab.dsl.importer;

import org.irqlab.kernel.MachineSpec;

/**
 * The one way a number gets from a captured file into an import: decimal digits only (no sign), within a
 * range the kernel can print for that value, and on failure an {@link InputError} naming the file, line
 * and column the text came from. Nothing else in the importer calls Integer.parseInt on captured text.
 */
public final class CaptureNumbers {

	/**
	 * What a number is and the values the kernel can print for it.
	 *
	 * @param what how the message names it ("CPU", "NUMA node")
	 * @param why  why the range ends there, for the message; may be empty
	 */
	public record Range(String what, long min, long max, String why) {

		public boolean contains(long value) {
			return value >= min && value <= max;
		}
	}

	/** CPU numbers: x86_64 with MAXSMP has CONFIG_NR_CPUS 8192. */
	public static final Range CPU = new Range("CPU", 0, MachineSpec.MAX_CPUS - 1,
			"x86_64 supports " + MachineSpec.MAX_CPUS + " CPUs");
	/** A count of CPUs (crash's CPUS:, online_maps). */
	public static final Range CPU_COUNT = new Range("CPU count", 1, MachineSpec.MAX_CPUS,
			"x86_64 supports " + MachineSpec.MAX_CPUS + " CPUs");
	/** NUMA node ids: MAX_NUMNODES is 1 << CONFIG_NODES_SHIFT, at most 10 on x86_64. */
	public static final Range NODE = new Range("NUMA node", 0, 1023, "x86_64 has at most 1024 nodes");
	/** lscpu's core and socket ids: one per CPU at most (their numbering may skip, so allow the CPU range). */
	public static final Range CORE = new Range("core", 0, Integer.MAX_VALUE, "");
	/** An x86 vector number. */
	public static final Range VECTOR = new Range("vector", 0, MachineSpec.VECTORS_PER_CPU - 1,
			"x86 has " + MachineSpec.VECTORS_PER_CPU + " vectors per CPU");
	/** A count of vectors on one CPU (avl, man, mac, act, the system map's count). */
	public static final Range CPU_VECTORS = new Range("vector count", 0, MachineSpec.VECTORS_PER_CPU,
			"one CPU has " + MachineSpec.VECTORS_PER_CPU + " vectors");
	/** A count of vectors over the whole matrix (Global available, total_allocated). */
	public static final Range MATRIX_VECTORS = new Range("vector count", 0,
			(long) MachineSpec.VECTORS_PER_CPU * MachineSpec.MAX_CPUS,
			MachineSpec.MAX_CPUS + " CPUs of " + MachineSpec.VECTORS_PER_CPU + " vectors");
	/**
	 * Linux irq numbers: sparse irqs stop at IRQ_BITMAP_BITS, NR_IRQS + 8196, and NR_IRQS on x86_64 with 8192
	 * CPUs is about 64 per CPU (CPU_VECTOR_LIMIT) plus the IO-APIC pins: below 2^20.
	 */
	public static final Range IRQ = new Range("irq", 0, (1 << 20) - 1, "Linux numbers irqs below 2^20 on x86_64");
	/** The major and minor numbers of a kernel release. */
	public static final Range KERNEL_VERSION = new Range("kernel version number", 0, 999, "");
	/** A device index in a kernel name (virtio7, nvme0). */
	public static final Range DEVICE_INDEX = new Range("device number", 0, 999_999, "");
	/** /proc/interrupts' per-CPU counts are unsigned ints, and 64-bit on newer kernels. */
	public static final Range INTERRUPT_COUNT = new Range("interrupt count", 0, Long.MAX_VALUE, "");

	private CaptureNumbers() {
	}

	/**
	 * @param index  0-based line of {@code file}
	 * @param offset where {@code text} starts in that line (0-based, in chars), or -1 when not known
	 */
	public static long parse(TextFile file, int index, int offset, String text, Range range) throws InputError {
		String problem = problem(text, range);
		if (problem == null) {
			return Long.parseLong(text.replaceFirst("^0+(?=.)", ""));
		}
		throw offset < 0 ? file.error(index, problem) : file.error(index, offset, problem);
	}

	public static int parseInt(TextFile file, int index, int offset, String text, Range range) throws InputError {
		return (int) parse(file, index, offset, text, checkedForInt(range));
	}

	/** A number in a file or directory name (node12, virtio7): the error names that path. */
	public static int parseInt(String path, String text, Range range) throws InputError {
		String problem = problem(text, checkedForInt(range));
		if (problem != null) {
			throw new InputError(path, 0, problem);
		}
		return Integer.parseInt(text);
	}

	/** A number in a line already split up (a device name in /proc/interrupts): the error names file and line. */
	public static int parseInt(String file, int index, String text, Range range) throws InputError {
		String problem = problem(text, checkedForInt(range));
		if (problem != null) {
			throw new InputError(file, index + 1, problem);
		}
		return Integer.parseInt(text);
	}

	private static Range checkedForInt(Range range) {
		if (range.max() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(range + " does not fit an int");
		}
		return range;
	}

	/** Null when {@code text} is a number within {@code range}, else what is wrong with it. */
	static String problem(String text, Range range) {
		boolean negative = text.startsWith("-") && text.length() > 1;
		String digits = negative ? text.substring(1) : text;
		if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return range.what() + " '" + CpuListText.shorten(text) + "' is not a number";
		}
		if (negative || !fits(digits.replaceFirst("^0+(?=.)", ""), range)) {
			return range.what() + " " + CpuListText.shorten(text) + " is out of range (" + range.min() + " to " + range.max()
					+ (range.why().isEmpty() ? "" : ": " + range.why()) + ")";
		}
		return null;
	}

	/**
	 * A 64-bit word of a bitmap as crash prints it (unsigned decimal).
	 *
	 * @param offset where {@code text} starts in the line (0-based)
	 */
	public static long parseWord(TextFile file, int index, int offset, String text, String what) throws InputError {
		if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw file.error(index, offset, what + " '" + CpuListText.shorten(text) + "' is not a number");
		}
		try {
			return Long.parseUnsignedLong(text);
		} catch (NumberFormatException e) {
			throw file.error(index, offset, what + " " + CpuListText.shorten(text) + " does not fit 64 bits");
		}
	}

	private static boolean fits(String digits, Range range) {
		if (digits.length() > 19) {
			return false;
		}
		try {
			return range.contains(Long.parseLong(digits));
		} catch (NumberFormatException e) {
			return false; // above Long.MAX_VALUE
		}
	}
}
