package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.MachineSpec;

/**
 * Reads a crash(8) session log: the banner (RELEASE, CPUS), {@code p *vector_matrix} struct prints and
 * {@code irq_domain.name,parent} answers. Other commands and their output are skipped.
 *
 * <p>Logs are often pasted from web pages and write-ups rather than recorded: every line is read through
 * {@link PastedText#clean}, so indentation of non-breaking spaces, markdown emphasis and `//` remarks after
 * the values do not matter. What still does not fit is refused with the line, the column and the character.
 */
public final class CrashSessionParser {

	private static final Pattern BANNER = Pattern.compile("\\s*(RELEASE|CPUS):\\s*(\\S+).*");
	private static final Pattern PRINT = Pattern.compile("\\s*crash>\\s*p\\s+\\\\?\\*vector_matrix\\s*;?\\s*");
	private static final Pattern DOMAIN_CMD = Pattern.compile("\\s*crash>\\s*irq_domain\\.name,parent\\s+(0x[0-9a-fA-F]+)\\s*");
	private static final Pattern VALUE_START = Pattern.compile("\\s*(\\$\\d+)\\s*=\\s*\\{\\s*");
	private static final Pattern NAME = Pattern.compile("\\s*name\\s*=\\s*0x[0-9a-fA-F]+\\s+\"([^\"]*)\".*");
	private static final Pattern PARENT = Pattern.compile("\\s*parent\\s*=\\s*(0x[0-9a-fA-F]+).*");

	private static final List<String> NEEDED = List.of("matrix_bits", "alloc_start", "alloc_end", "alloc_size",
			"global_available", "global_reserved", "systembits_inalloc", "total_allocated", "online_maps", "system_map");

	private CrashSessionParser() {
	}

	public static CrashSession parse(TextFile file) throws InputError {
		List<String> lines = file.lines().stream().map(PastedText::clean).toList();
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
				KernelProfiles.checkRelease(file, i, banner.start(2), release);
			} else if (banner.matches() && banner.group(1).equals("CPUS") && cpus == 0) {
				Matcher digits = Pattern.compile("\\d*").matcher(banner.group(2));
				digits.lookingAt();
				cpus = CaptureNumbers.parseInt(file, i, banner.start(2), digits.group().isEmpty() ? banner.group(2) : digits.group(),
						CaptureNumbers.CPU_COUNT);
			} else if (PRINT.matcher(line).matches()) {
				i = matrixPrint(file, lines, i, prints);
			} else if (domain.matches()) {
				i = domain(file, lines, i + 1, domain.group(1), domains);
			}
		}
		if (prints.isEmpty() && domains.isEmpty()) {
			throw file.error("holds neither `crash> p *vector_matrix` nor `crash> irq_domain.name,parent`: is it a crash session log?");
		}
		return new CrashSession(file.name(), release, cpus, List.copyOf(prints), List.copyOf(domains));
	}

	/** A field's value and where it starts in its line. */
	private record Value(String text, int line, int offset) {
	}

	/** Reads `$N = { field = value, ... }` after the command's line; returns the index of its closing line. */
	private static int matrixPrint(TextFile file, List<String> lines, int command, List<CrashSession.MatrixPrint> prints)
			throws InputError {
		int start = command + 1;
		while (start < lines.size() && lines.get(start).isBlank()) {
			start++;
		}
		if (start >= lines.size()) {
			throw file.error(start - 1, "the session ends before vector_matrix's value (truncated copy?)");
		}
		Matcher open = VALUE_START.matcher(lines.get(start));
		if (!open.matches()) {
			throw refused(file, lines, start, "`$N = {` after `p *vector_matrix`");
		}
		Map<String, Value> fields = new HashMap<>();
		int i = start + 1;
		for (; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.isBlank()) {
				continue; // pages put empty lines between a copy's lines
			}
			if (line.strip().equals("}")) {
				break;
			}
			if (line.strip().startsWith("crash>")) {
				throw file.error(i, "vector_matrix's value ends without its closing `}` (truncated print?)");
			}
			field(file, lines, i, fields);
		}
		if (i == lines.size()) {
			throw file.error(lines.size() - 1, "the session ends inside vector_matrix's value, before its closing `}` (truncated copy?)");
		}
		for (String needed : NEEDED) {
			if (!fields.containsKey(needed)) {
				throw file.error(i, open.group(1) + " has no " + needed + " field (another kernel's struct irq_matrix?)");
			}
		}
		Fields f = new Fields(file, fields);
		int matrixBits = (int) f.number("matrix_bits", 1, MachineSpec.VECTORS_PER_CPU, "x86 has 256 vectors per CPU");
		int allocStart = (int) f.number("alloc_start", 0, matrixBits, "matrix_bits is " + matrixBits);
		int allocEnd = (int) f.number("alloc_end", 0, matrixBits, "matrix_bits is " + matrixBits);
		if (allocStart >= allocEnd) {
			Value end = fields.get("alloc_end");
			throw file.error(end.line(), end.offset(), "alloc_end " + allocEnd + " is not above alloc_start " + allocStart);
		}
		CpuSet system = f.bitmap("system_map", matrixBits);
		long perCpu = matrixBits;
		long matrix = (long) matrixBits * MachineSpec.MAX_CPUS;
		String all = MachineSpec.MAX_CPUS + " CPUs of " + matrixBits + " vectors";
		prints.add(new CrashSession.MatrixPrint(open.group(1), command, matrixBits, allocStart, allocEnd,
				(int) f.number("alloc_size", 0, perCpu, "matrix_bits is " + matrixBits),
				f.number("global_available", 0, matrix, all),
				(int) f.number("global_reserved", 0, matrix, all),
				(int) f.number("systembits_inalloc", 0, perCpu, "matrix_bits is " + matrixBits),
				f.number("total_allocated", 0, matrix, all),
				(int) f.number("online_maps", 1, MachineSpec.MAX_CPUS, "x86_64 supports " + MachineSpec.MAX_CPUS + " CPUs"),
				system));
		return i;
	}

	/** `name = value,` with the value's position; anything else is refused at the character that does not fit. */
	private static void field(TextFile file, List<String> lines, int index, Map<String, Value> fields) throws InputError {
		String line = lines.get(index);
		int p = skipSpaces(line, 0);
		int nameStart = p;
		while (p < line.length() && (isAsciiLetterOrDigit(line.charAt(p)) || line.charAt(p) == '_')) {
			p++;
		}
		if (p == nameStart) {
			throw unexpected(file, lines, index, p, "a field name");
		}
		String name = line.substring(nameStart, p);
		p = skipSpaces(line, p);
		if (p >= line.length() || line.charAt(p) != '=') {
			throw unexpected(file, lines, index, p, "`=` after " + name);
		}
		p = skipSpaces(line, p + 1);
		if (p >= line.length()) {
			throw unexpected(file, lines, index, p, "the value of " + name);
		}
		String value = line.substring(p).strip();
		value = value.endsWith(",") ? value.substring(0, value.length() - 1).strip() : value;
		fields.put(name, new Value(value, index, p));
	}

	private static int skipSpaces(String line, int from) {
		int p = from;
		while (p < line.length() && line.charAt(p) == ' ') {
			p++;
		}
		return p;
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static InputError unexpected(TextFile file, List<String> lines, int index, int offset, String expected) {
		String line = lines.get(index);
		String original = line.strip();
		if (offset >= line.length() || line.substring(offset).isBlank()) {
			return file.error(index, line.length(), "expected `field = value`: the line ends where " + expected
					+ " should be, in '" + CpuListText.shorten(original) + "'");
		}
		return file.error(index, offset, "expected `field = value`: unexpected " + PastedText.describe(line, offset) + " where "
				+ expected + " should be, in '" + CpuListText.shorten(original) + "'");
	}

	/** A line that is not what the session has there: names the first character that is not plain ASCII, if any. */
	private static InputError refused(TextFile file, List<String> lines, int index, String expected) {
		String line = lines.get(index);
		String found = CpuListText.shorten(line.strip());
		int odd = PastedText.firstUnexpected(line);
		if (odd >= 0) {
			return file.error(index, odd, "expected " + expected + ": unexpected " + PastedText.describe(line, odd) + " in '"
					+ found + "'");
		}
		return file.error(index, "expected " + expected + ", found '" + found + "'");
	}

	/** The struct's fields with their lines, read as numbers and bitmaps. */
	private record Fields(TextFile file, Map<String, Value> values) {

		long number(String name, long min, long max, String why) throws InputError {
			Value value = values.get(name);
			return CaptureNumbers.parse(file, value.line(), value.offset(), value.text(),
					new CaptureNumbers.Range(name, min, max, why));
		}

		CpuSet bitmap(String name, int bits) throws InputError {
			Value value = values.get(name);
			String text = value.text();
			if (!text.startsWith("{") || !text.endsWith("}")) {
				throw file.error(value.line(), value.offset(), name + " is not a `{word, word, ...}` bitmap (truncated line?)");
			}
			String line = file.lines().get(value.line());
			List<Integer> set = new ArrayList<>();
			int at = value.offset() + 1;
			String[] words = text.substring(1, text.length() - 1).split(",", -1);
			for (int w = 0; w < words.length; w++) {
				String word = words[w].strip();
				int offset = at + words[w].indexOf(word.isEmpty() ? " " : word);
				long bitsOfWord = CaptureNumbers.parseWord(file, value.line(), Math.min(offset, line.length()), word,
						name + " word " + w);
				for (int b = 0; b < 64; b++) {
					if ((bitsOfWord & (1L << b)) != 0 && w * 64 + b < bits) {
						set.add(w * 64 + b);
					}
				}
				at += words[w].length() + 1;
			}
			return CpuSet.of(set.stream().mapToInt(Integer::intValue).toArray());
		}
	}

	private static int domain(TextFile file, List<String> lines, int start, String address, List<CrashSession.Domain> domains)
			throws InputError {
		if (start + 1 >= lines.size()) {
			throw file.error(lines.size() - 1, "the session ends before irq_domain " + address + "'s name and parent (truncated copy?)");
		}
		Matcher name = NAME.matcher(lines.get(start));
		Matcher parent = PARENT.matcher(lines.get(start + 1));
		if (!name.matches()) {
			throw refused(file, lines, start, "`name = 0x... \"NAME\"`");
		}
		if (!parent.matches()) {
			throw refused(file, lines, start + 1, "`parent = 0x...`");
		}
		domains.add(new CrashSession.Domain(address, name.group(1), parent.group(1)));
		return start + 1;
	}
}
