package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.irqlab.dsl.report.KernelRulesText;
import org.irqlab.kernel.KernelRule;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.KernelVersion;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Which interrupt rules a kernel has (one release), or where two kernels differ (two releases). */
@Command(name = "kernel", mixinStandardHelpOptions = true,
		description = { "Shows which of the interrupt rules IrqLab switches by version a kernel has, and why (its"
				+ " upstream base, stable backports, public distribution sources, or an assumption); with two kernels,"
				+ " only the rules where they differ. RELEASE is what `uname -r` prints, an upstream version (5.10) or a"
				+ " profile name (el8-4.18, 6.1, 6.12).",
				"Exit codes: 0 done, 2 a release IrqLab does not read." })
final class KernelCommand implements Callable<Integer> {

	@Parameters(arity = "1..2", paramLabel = "RELEASE", description = "one kernel, or two to compare")
	private List<String> releases;

	@Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
	private String format = "text";

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (!format.equals("text") && !format.equals("json")) {
			err.println("irqlab kernel: --format is text or json, not '" + format + "'");
			return IrqLabCli.EXIT_USAGE;
		}
		List<KernelRules> kernels = new ArrayList<>();
		for (String release : releases) {
			KernelVersion.Parsed parsed = KernelVersion.parse(release);
			if (!parsed.ok()) {
				err.println("irqlab kernel: " + parsed.error());
				return IrqLabCli.EXIT_USAGE;
			}
			kernels.add(KernelRules.of(release));
		}
		if (format.equals("json")) {
			var array = new com.google.gson.JsonArray();
			kernels.forEach(k -> array.add(KernelRulesText.json(k)));
			out.println(new com.google.gson.GsonBuilder().setPrettyPrinting().create().toJson(array));
		} else if (kernels.size() == 1) {
			out.print(KernelRulesText.describe(kernels.get(0)));
		} else {
			out.print(KernelRulesText.compare(kernels.get(0), kernels.get(1), differing(kernels.get(0), kernels.get(1))));
		}
		out.flush();
		return IrqLabCli.EXIT_CLEAN;
	}

	private static List<KernelRule> differing(KernelRules a, KernelRules b) {
		List<KernelRule> rules = new ArrayList<>();
		for (KernelRule rule : KernelRule.values()) {
			if (a.has(rule) != b.has(rule)) {
				rules.add(rule);
			}
		}
		return rules;
	}
}
