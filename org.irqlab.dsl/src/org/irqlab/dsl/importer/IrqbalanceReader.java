package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;

/**
 * Finds out whether irqbalance runs (a process whose comm is irqbalance) and which CPUs it must not use:
 * IRQBALANCE_BANNED_CPULIST or the older IRQBALANCE_BANNED_CPUS mask from /etc/sysconfig/irqbalance (RHEL)
 * or /etc/default/irqbalance (Debian), and the isolcpus= and nohz_full= CPUs of /proc/cmdline, which
 * irqbalance 1.8 and later leave alone as well.
 */
public final class IrqbalanceReader {

	static final List<String> CONFIG_FILES = List.of("etc/sysconfig/irqbalance", "etc/default/irqbalance");

	private static final Pattern ASSIGNMENT = Pattern.compile("\\s*(?:export\\s+)?(IRQBALANCE_BANNED_CPULIST|IRQBALANCE_BANNED_CPUS)\\s*=\\s*(.*?)\\s*");
	private static final Pattern ISOLCPUS_FLAG = Pattern.compile("[a-z_]+");

	private IrqbalanceReader() {
	}

	public static IrqbalanceState read(CaptureRoot root) throws InputError {
		List<String> notes = new ArrayList<>();
		boolean running = running(root);
		CpuSet banned = CpuSet.empty();
		for (String config : CONFIG_FILES) {
			Optional<TextFile> file = root.read(config);
			if (file.isPresent()) {
				CpuSet fromConfig = bannedIn(file.get());
				if (!fromConfig.isEmpty()) {
					notes.add("banned " + fromConfig.toList() + " from " + file.get().name());
				}
				banned = banned.or(fromConfig);
			}
		}
		Optional<TextFile> cmdline = root.read("proc/cmdline");
		if (cmdline.isPresent()) {
			CpuSet isolated = kernelParameterCpus(cmdline.get());
			if (!isolated.isEmpty()) {
				notes.add("banned " + isolated.toList() + " from isolcpus=/nohz_full= in " + cmdline.get().name()
						+ " (irqbalance 1.8+ leaves those CPUs alone)");
			}
			banned = banned.or(isolated);
		}
		return new IrqbalanceState(running, banned, List.copyOf(notes));
	}

	private static boolean running(CaptureRoot root) throws InputError {
		for (String entry : root.list("proc")) {
			if (entry.chars().allMatch(Character::isDigit)) {
				Optional<TextFile> comm = root.read("proc/" + entry + "/comm");
				if (comm.isPresent() && !comm.get().lines().isEmpty() && comm.get().lines().get(0).strip().equals("irqbalance")) {
					return true;
				}
			}
		}
		return false;
	}

	/** The banned CPUs a shell-style configuration file assigns; the last assignment wins, as in the shell. */
	static CpuSet bannedIn(TextFile file) throws InputError {
		CpuSet banned = CpuSet.empty();
		for (int i = 0; i < file.lines().size(); i++) {
			String line = file.lines().get(i);
			if (line.strip().startsWith("#")) {
				continue;
			}
			Matcher m = ASSIGNMENT.matcher(line);
			if (!m.matches()) {
				continue;
			}
			String value = unquote(file, i, m.group(2));
			if (m.group(1).equals("IRQBALANCE_BANNED_CPULIST")) {
				banned = CpuListText.parseList(file, i, value);
			} else if (!value.isEmpty()) {
				banned = CpuListText.parseMask(file, i, value);
			}
		}
		return banned;
	}

	private static String unquote(TextFile file, int index, String value) throws InputError {
		String v = value.replaceAll("\\s+#.*$", "");
		if (v.startsWith("\"") || v.startsWith("'")) {
			char quote = v.charAt(0);
			if (v.length() < 2 || v.charAt(v.length() - 1) != quote) {
				throw file.error(index, "the value " + CpuListText.shorten(v) + " has no closing quote (truncated line?)");
			}
			return v.substring(1, v.length() - 1).strip();
		}
		return v;
	}

	/** isolcpus=[flags,]LIST and nohz_full=LIST. */
	static CpuSet kernelParameterCpus(TextFile cmdline) throws InputError {
		CpuSet cpus = CpuSet.empty();
		for (int i = 0; i < cmdline.lines().size(); i++) {
			for (String word : cmdline.lines().get(i).strip().split("\\s+")) {
				if (word.startsWith("isolcpus=")) {
					List<String> parts = new ArrayList<>(List.of(word.substring(9).split(",")));
					parts.removeIf(p -> ISOLCPUS_FLAG.matcher(p).matches());
					cpus = cpus.or(CpuListText.parseList(cmdline, i, String.join(",", parts)));
				} else if (word.startsWith("nohz_full=")) {
					cpus = cpus.or(CpuListText.parseList(cmdline, i, word.substring(10)));
				}
			}
		}
		return cpus;
	}
}
