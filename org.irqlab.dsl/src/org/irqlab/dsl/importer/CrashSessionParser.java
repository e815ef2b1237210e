package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;

/**
 * Reads a crash(8) session log: the banner (RELEASE, CPUS), {@code p *vector_matrix} struct prints and
 * {@code irq_domain.name,parent} answers. Other commands and their output are skipped.
 */
public final class CrashSessionParser {

	private static final Pattern BANNER = Pattern.compile("\\s*(RELEASE|CPUS):\\s*(\\S+).*");
	private static final Pattern PRINT = Pattern.compile("\\s*crash>\\s*p\\s+\\*vector_matrix\\s*");
	private static final Pattern DOMAIN_CMD = Pattern.compile("\\s*crash>\\s*irq_domain\\.name,parent\\s+(0x[0-9a-fA-F]+)\\s*");
	private static final Pattern VALUE_START = Pattern.compile("\\s*(\\$\\d+)\\s*=\\s*\\{\\s*");
	private static final Pattern FIELD = Pattern.compile("\\s*(\\w+)\\s*=\\s*(.*?)\\s*");
	private static final Pattern NAME = Pattern.compile("\\s*name\\s*=\\s*0x[0-9a-fA-F]+\\s+\"([^\"]*)\".*");
	private static final Pattern PARENT = Pattern.compile("\\s*parent\\s*=\\s*(0x[0-9a-fA-F]+).*");

	private static final List<String> NEEDED = List.of("matrix_bits", "alloc_start", "alloc_end", "alloc_size",
			"global_available", "global_reserved", "systembits_inalloc", "total_allocated", "online_maps", "system_map");

	private CrashSessionParser() {
	}

	public static CrashSession parse(TextFile file) throws InputError {
		List<String> lines = file.lines();
		String release = null;
		int cpus = 0;
		List<CrashSession.MatrixPrint> prints = new ArrayList<>();
		List<CrashSession.Domain> domains = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			Matcher banner = BANNER.matcher(line);
			Matcher domain = DOMAIN_CMD.matcher(line);
			if (banner.matches() && release == null && banner.group(1).equals("RELEASE")) {
				release = banner.group(2);
			} else if (banner.matches() && banner.group(1).equals("CPUS") && cpus == 0) {
				cpus = cpuCount(file, i, banner.group(2));
			} else if (PRINT.matcher(line).matches()) {
				i = matrixPrint(file, i + 1, prints);
			} else if (domain.matches()) {
				i = domain(file, i + 1, domain.group(1), domains);
			}
		}
		if (prints.isEmpty() && domains.isEmpty()) {
			throw file.error("holds neither `crash> p *vector_matrix` nor `crash> irq_domain.name,parent`: is it a crash session log?");
		}
		return new CrashSession(file.name(), release, cpus, List.copyOf(prints), List.copyOf(domains));
	}

	private static int cpuCount(TextFile file, int index, String text) throws InputError {
		try {
			int cpus = Integer.parseInt(text.replaceAll("\\D.*", ""));
			if (cpus < 1 || cpus > CpuListText.MAX_CPUS) {
				throw file.error(index, "CPUS: " + text + " is not a CPU count x86_64 can have");
			}
			return cpus;
		} catch (NumberFormatException e) {
			throw file.error(index, "CPUS: '" + CpuListText.shorten(text) + "' is not a number");
		}
	}

	/** Reads `$N = { field = value, ... }` from {@code start}; returns the index of its closing line. */
	private static int matrixPrint(TextFile file, int start, List<CrashSession.MatrixPrint> prints) throws InputError {
		List<String> lines = file.lines();
		if (start >= lines.size()) {
			throw file.error(start - 1, "the session ends before vector_matrix's value (truncated copy?)");
		}
		Matcher open = VALUE_START.matcher(lines.get(start));
		if (!open.matches()) {
			throw file.error(start, "expected `$N = {` after `p *vector_matrix`, found '"
					+ CpuListText.shorten(lines.get(start).strip()) + "'");
		}
		Map<String, String> fields = new HashMap<>();
		Map<String, Integer> fieldLines = new HashMap<>();
		int i = start + 1;
		for (; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.equals("}")) {
				break;
			}
			if (line.startsWith("crash>")) {
				throw file.error(i, "vector_matrix's value ends without its closing `}` (truncated print?)");
			}
			Matcher field = FIELD.matcher(line);
			if (!field.matches()) {
				throw file.error(i, "expected `field = value`, found '" + CpuListText.shorten(line) + "'");
			}
			String value = field.group(2);
			value = value.endsWith(",") ? value.substring(0, value.length() - 1).strip() : value;
			fields.put(field.group(1), value);
			fieldLines.put(field.group(1), i);
		}
		if (i == lines.size()) {
			throw file.error(lines.size() - 1, "the session ends inside vector_matrix's value, before its closing `}` (truncated copy?)");
		}
		for (String needed : NEEDED) {
			if (!fields.containsKey(needed)) {
				throw file.error(i, open.group(1) + " has no " + needed + " field (another kernel's struct irq_matrix?)");
			}
		}
		Fields f = new Fields(file, fields, fieldLines);
		int matrixBits = (int) f.number("matrix_bits", 512);
		int allocStart = (int) f.number("alloc_start", matrixBits);
		int allocEnd = (int) f.number("alloc_end", matrixBits);
		if (allocStart >= allocEnd) {
			throw file.error(fieldLines.get("alloc_end"), "alloc_end " + allocEnd + " is not above alloc_start " + allocStart);
		}
		CpuSet system = f.bitmap("system_map", matrixBits);
		prints.add(new CrashSession.MatrixPrint(open.group(1), start - 1, matrixBits, allocStart, allocEnd,
				(int) f.number("alloc_size", matrixBits), f.number("global_available", Integer.MAX_VALUE),
				(int) f.number("global_reserved", Integer.MAX_VALUE), (int) f.number("systembits_inalloc", matrixBits),
				f.number("total_allocated", Integer.MAX_VALUE), (int) f.number("online_maps", CpuListText.MAX_CPUS), system));
		return i;
	}

	/** The struct's fields with their lines, read as numbers and bitmaps. */
	private record Fields(TextFile file, Map<String, String> values, Map<String, Integer> lines) {

		long number(String name, long max) throws InputError {
			String value = values.get(name);
			try {
				long n = Long.parseLong(value);
				if (n < 0 || n > max) {
					throw file.error(lines.get(name), name + " = " + value + " is out of range (0 to " + max + ")");
				}
				return n;
			} catch (NumberFormatException e) {
				throw file.error(lines.get(name), name + " = '" + CpuListText.shorten(value) + "' is not a number");
			}
		}

		CpuSet bitmap(String name, int bits) throws InputError {
			String value = values.get(name);
			if (!value.startsWith("{") || !value.endsWith("}")) {
				throw file.error(lines.get(name), name + " is not a `{word, word, ...}` bitmap (truncated line?)");
			}
			String[] words = value.substring(1, value.length() - 1).split(",");
			List<Integer> set = new ArrayList<>();
			for (int w = 0; w < words.length; w++) {
				long word;
				try {
					word = Long.parseUnsignedLong(words[w].strip());
				} catch (NumberFormatException e) {
					throw file.error(lines.get(name), name + " word " + w + " ('" + CpuListText.shorten(words[w].strip())
							+ "') is not a number");
				}
				for (int b = 0; b < 64; b++) {
					if ((word & (1L << b)) != 0 && w * 64 + b < bits) {
						set.add(w * 64 + b);
					}
				}
			}
			return CpuSet.of(set.stream().mapToInt(Integer::intValue).toArray());
		}
	}

	private static int domain(TextFile file, int start, String address, List<CrashSession.Domain> domains)
			throws InputError {
		List<String> lines = file.lines();
		if (start + 1 >= lines.size()) {
			throw file.error(lines.size() - 1, "the session ends before irq_domain " + address + "'s name and parent (truncated copy?)");
		}
		Matcher name = NAME.matcher(lines.get(start));
		Matcher parent = PARENT.matcher(lines.get(start + 1));
		if (!name.matches()) {
			throw file.error(start, "expected `name = 0x... \"NAME\"`, found '" + CpuListText.shorten(lines.get(start).strip()) + "'");
		}
		if (!parent.matches()) {
			throw file.error(start + 1, "expected `parent = 0x...`, found '" + CpuListText.shorten(lines.get(start + 1).strip()) + "'");
		}
		domains.add(new CrashSession.Domain(address, name.group(1), parent.group(1)));
		return start + 1;
	}
}
