package org.irqlab.dsl.report;

import java.util.Locale;

import org.eclipse.xtext.validation.Issue;
import org.irqlab.kernel.InterruptPath;

/** report.md: the same report as the HTML, for a bug tracker or a mailing list, without the charts. */
public final class MarkdownReport {

	private MarkdownReport() {
	}

	public static String render(ScenarioReport report) {
		ScenarioFacts facts = report.facts();
		Verdict verdict = report.verdict();
		StringBuilder md = new StringBuilder(16 * 1024);
		md.append("# IrqLab: ").append(report.scenarioName()).append(" on ").append(report.machineName()).append("\n\n");
		md.append("_").append(report.file()).append(", scenario `").append(report.scenarioName()).append("`_\n\n");
		md.append("**Verdict (").append(verdict.status().label()).append("): ").append(verdict.headline())
				.append(".**\n\n");
		md.append(String.join(" ", verdict.findings())).append("\n\n");
		if (facts.outcome().simulated()) {
			if (!verdict.cause().isEmpty()) {
				md.append("## Why\n\n").append(String.join(" ", verdict.cause())).append("\n\n");
			}
			devices(md, facts);
			fixes(md, report);
			for (ScenarioFacts.DeviceRow row : HtmlReport.logged(facts)) {
				md.append("## Kernel log of ").append(row.name()).append(" (device ").append(row.index())
						.append(" of line ").append(row.line()).append(")\n\nAttempts `").append(row.result().attemptsString())
						.append("`\n\n```\n").append(String.join("\n", row.result().messages())).append("\n```\n\n");
			}
		}
		if (!report.issues().isEmpty()) {
			md.append("## Diagnostics\n\n");
			for (Issue issue : report.issues()) {
				md.append("- ").append(report.file()).append(':').append(issue.getLineNumber()).append(':')
						.append(issue.getColumn()).append(": ")
						.append(issue.getSeverity().name().toLowerCase(Locale.ROOT)).append(": ")
						.append(issue.getMessage()).append('\n');
			}
			md.append('\n');
		}
		md.append("## Files\n\n");
		report.outputs().forEach(o -> md.append("- [").append(o).append("](").append(o).append(")\n"));
		return md.toString();
	}

	private static void devices(StringBuilder md, ScenarioFacts facts) {
		md.append("## Devices\n\n| Devices | Type | Line | Interrupts | Vectors each | Slots each | Result |\n")
				.append("|---|---|--:|---|--:|--:|---|\n");
		for (ScenarioFacts.Run run : facts.runs()) {
			ScenarioFacts.DeviceRow first = run.first();
			String who = run.single() ? "#" + first.index() + " " + first.name()
					: "#" + first.index() + "\u2013" + run.last().index() + " (" + run.count() + "): " + first.name()
							+ "\u2013" + run.last().name();
			String slots = run.minSlots() == run.maxSlots() ? Figures.n(run.minSlots())
					: Figures.n(run.minSlots()) + "\u2013" + Figures.n(run.maxSlots());
			md.append("| ").append(who).append(" | ").append(first.type()).append(" (").append(first.driver())
					.append(") | ").append(first.line()).append(" | ").append(Paths.describe(first.path())).append(" | ")
					.append(first.vectors()).append(" | ").append(slots).append(" | ")
					.append(first.errno() == 0 ? "ok" : Figures.errno(first.errno())).append(" |\n");
		}
		md.append("\nFree vector slots: ").append(Figures.n(facts.outcome().start().globalAvailable()))
				.append(" before the first event, ").append(Figures.n(facts.outcome().end().globalAvailable()))
				.append(" at the end.\n\n");
	}

	private static void fixes(StringBuilder md, ScenarioReport report) {
		FixProposals.Proposals proposals = report.proposals();
		if (proposals.fixes().isEmpty() && proposals.triedWithoutEffect().isEmpty()) {
			return;
		}
		ScenarioFacts facts = report.facts();
		md.append("## Proposed fixes, simulated\n\n| Fix | Kind | Per-queue | Fall back | Fail | Free slots at end |\n")
				.append("|---|---|--:|--:|--:|--:|\n");
		md.append("| _as modelled (no fix)_ |  | ").append(Figures.n(facts.perQueue())).append(" | ")
				.append(Figures.n(facts.degraded() - facts.count(InterruptPath.PROBE_FAILED))).append(" | ")
				.append(Figures.n(facts.count(InterruptPath.PROBE_FAILED))).append(" | ")
				.append(Figures.n(facts.outcome().end().globalAvailable())).append(" |\n");
		for (Fix fix : proposals.fixes()) {
			Fix.Result r = fix.result();
			md.append("| ").append(fix.title()).append(" | ").append(fix.kind().label()).append(" | ")
					.append(Figures.n(r.perQueue())).append(" | ").append(Figures.n(r.shared() + r.intx())).append(" | ")
					.append(Figures.n(r.failed())).append(" | ").append(Figures.n(r.endAvailable())).append(" |\n");
		}
		md.append('\n');
		for (Fix fix : proposals.fixes()) {
			md.append("### ").append(fix.title()).append(" (").append(fix.kind().label()).append(")\n\n");
			md.append("- **Change:** ").append(fix.change()).append('\n');
			md.append("- **Effect, simulated:** ").append(fix.effect());
			if (!fix.result().headroom().isEmpty()) {
				md.append(" At the end: ").append(fix.result().headroom()).append('.');
			}
			md.append('\n');
			md.append("- **Cost:** ").append(fix.cost()).append('\n');
			if (fix.upstream() != null) {
				md.append("- **Upstream:** ").append(fix.upstream()).append('\n');
			}
			if (!fix.patches().isEmpty()) {
				md.append("- **Patch:** ").append(String.join(", ",
						fix.patches().stream().map(p -> "[" + p + "](" + p + ")").toList())).append('\n');
			}
			if (fix.patchNote() != null) {
				md.append("- **No patch against the kernel tree:** ").append(fix.patchNote()).append('\n');
			}
			md.append('\n');
		}
		if (!proposals.triedWithoutEffect().isEmpty()) {
			md.append("Also simulated, without effect on this scenario: ")
					.append(String.join("; ", proposals.triedWithoutEffect())).append(".\n\n");
		}
	}
}
