package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.xtext.validation.Issue;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.InterruptPath;

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) that reads
 * from the verdict down to the evidence, the way a bug report should.
 */
public final class HtmlReport {

	private static final String STYLE = """
			body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1d;margin:0;background:#fafafa}
			main{max-width:940px;margin:0 auto;padding:18px 20px 40px;background:#fff}
			header{font-size:12px;color:#555;border-bottom:1px solid #ddd;padding-bottom:6px;margin-bottom:12px}
			h1{font-size:22px;margin:0 0 8px}
			h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid #e3e3e3;padding-bottom:3px}
			h3{font-size:15px;margin:18px 0 4px}
			.verdict{border-left:6px solid #2e7d32;background:#f1f8f1;padding:12px 16px;border-radius:3px}
			.verdict.fails{border-color:#c62828;background:#fdf0f0}
			.verdict.degraded,.verdict.warnings{border-color:#ef8f00;background:#fff6e8}
			.verdict.not-simulated{border-color:#757575;background:#f2f2f2}
			.verdict .status{font-size:12px;font-weight:bold;text-transform:uppercase;letter-spacing:.05em;color:#555}
			.verdict p{margin:6px 0 0}
			.tiles{display:flex;gap:10px;margin:14px 0 4px;flex-wrap:wrap}
			.tile{flex:1 1 150px;border:1px solid #e0e0e0;border-radius:4px;padding:8px 10px}
			.tile b{display:block;font-size:22px}
			.tile span{font-size:12px;color:#555}
			table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
			th,td{border-bottom:1px solid #e6e6e6;padding:4px 6px;text-align:left;vertical-align:top}
			th{background:#f3f3f3;font-weight:600}
			td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
			.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:5px}
			code,pre{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px}
			pre{background:#f5f5f5;border:1px solid #e3e3e3;padding:8px;overflow-x:auto;white-space:pre-wrap}
			.fix{border:1px solid #e0e0e0;border-radius:4px;padding:4px 12px 10px;margin:10px 0}
			.kind{font-size:11px;text-transform:uppercase;color:#555;letter-spacing:.05em}
			.upstream{background:#fff8e1;border-left:4px solid #f9a825;padding:6px 10px}
			dl{margin:4px 0}dt{font-weight:600;margin-top:6px}dd{margin:0 0 0 0}
			.muted{color:#666;font-size:12px}
			svg{max-width:100%;height:auto;display:block;margin:6px 0}
			""";

	private HtmlReport() {
	}

	public static String render(ScenarioReport report) {
		ScenarioFacts facts = report.facts();
		Verdict verdict = report.verdict();
		StringBuilder html = new StringBuilder(64 * 1024);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
				.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
				.append("<title>").append(Html.escape("IrqLab: " + report.scenarioName() + " on " + report.machineName()
						+ ": " + verdict.headline()))
				.append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n");
		html.append("<header>IrqLab report &middot; ").append(Html.escape(report.file())).append(" &middot; scenario <b>")
				.append(Html.escape(report.scenarioName())).append("</b> on machine <b>")
				.append(Html.escape(report.machineName())).append("</b>");
		if (facts.outcome().machine() != null) {
			html.append(" &middot; kernel ").append(Html.escape(facts.outcome().machine().profile().id()));
		}
		html.append("</header>\n");

		String css = verdict.status().name().toLowerCase(Locale.ROOT).replace('_', '-');
		html.append("<section class=\"verdict ").append(css).append("\" id=\"verdict\">\n<div class=\"status\">Verdict: ")
				.append(Html.escape(verdict.status().label())).append("</div>\n<h1>").append(Html.escape(verdict.headline()))
				.append("</h1>\n<p>");
		html.append(String.join(" ", verdict.findings().stream().map(Html::prose).toList()));
		html.append("</p>\n</section>\n");

		if (facts.outcome().simulated()) {
			tiles(html, facts);
			if (!verdict.cause().isEmpty()) {
				html.append("<h2>Why</h2>\n<p>").append(String.join(" ", verdict.cause().stream().map(Html::prose).toList()))
						.append("</p>\n");
			}
			html.append("<h2>Capacity after each operation</h2>\n<p class=\"muted\">global_available of the vector matrix"
					+ " after each of the ").append(Figures.n(facts.curve().size() - 1)).append(" simulated operations;"
					+ " the background shows the interrupt path each probe got.</p>\n");
			html.append(SvgCharts.capacityCurve(facts));
			html.append("<h2>Free vectors per CPU</h2>\n");
			ScenarioFacts.Cause cause = facts.cause();
			if (cause != null) {
				html.append("<h3>When ").append(Html.escape(cause.firstDegraded().name()))
						.append(" probed (the first device without per-queue vectors)</h3>\n");
				html.append(SvgCharts.heatmap("heatmap-degraded", cause.atDegradation(), facts.outcome().machine(),
						facts.usablePerCpu()));
			}
			html.append("<h3>At the end of the scenario</h3>\n");
			html.append(SvgCharts.heatmap("heatmap-end", facts.outcome().end(), facts.outcome().machine(),
					facts.usablePerCpu()));
			devices(html, facts);
			fixes(html, report);
			kernelLog(html, facts);
		}
		diagnostics(html, report.issues());
		html.append("<h2>Files</h2>\n<ul>\n");
		for (String output : report.outputs()) {
			html.append("<li><a href=\"").append(Html.escape(output)).append("\">").append(Html.escape(output))
					.append("</a></li>\n");
		}
		html.append("</ul>\n<p class=\"muted\">Simulated by IrqLab's model of the kernel's vector matrix"
				+ " (kernel/irq/matrix.c, arch/x86/kernel/apic/vector.c) and the drivers' fallback chains;"
				+ " vector-matrix.txt is the end state as /sys/kernel/debug/irq/domains/VECTOR prints it, to diff"
				+ " against the real machine.</p>\n</main>\n</body>\n</html>\n");
		return html.toString();
	}

	private static void tiles(StringBuilder html, ScenarioFacts facts) {
		long failed = facts.count(InterruptPath.PROBE_FAILED);
		html.append("<div class=\"tiles\">\n");
		tile(html, Figures.n(facts.perQueue()) + " / " + Figures.n(facts.devices().size()),
				"probes with per-queue vectors");
		tile(html, Figures.n(facts.degraded() - failed), "fell back to shared MSI-X or INTx");
		tile(html, Figures.n(failed), "failed to probe");
		if (facts.cause() != null && facts.cause().costly() != null) {
			tile(html, Figures.n(facts.cause().slotsPerDevice()),
					"vector slots per " + facts.cause().costly().type() + " (" + facts.cause().costly().vectors()
							+ " interrupts)");
		}
		tile(html, Figures.n(facts.outcome().start().globalAvailable()) + " \u2192 "
				+ Figures.n(facts.outcome().end().globalAvailable()), "free vector slots, start \u2192 end");
		html.append("</div>\n");
	}

	private static void tile(StringBuilder html, String figure, String label) {
		html.append("<div class=\"tile\"><b>").append(Html.escape(figure)).append("</b><span>")
				.append(Html.escape(label)).append("</span></div>\n");
	}

	private static void devices(StringBuilder html, ScenarioFacts facts) {
		html.append("<h2>Devices</h2>\n<table id=\"devices\">\n<tr><th>Devices</th><th>Type</th><th class=\"n\">Line</th>"
				+ "<th>Interrupts</th><th class=\"n\">Vectors each</th><th class=\"n\">Slots each</th><th>Result</th></tr>\n");
		for (ScenarioFacts.Run run : facts.runs()) {
			ScenarioFacts.DeviceRow first = run.first();
			String who = run.single() ? "#" + first.index() + " " + first.name()
					: "#" + first.index() + "\u2013" + run.last().index() + " (" + run.count() + "): " + first.name()
							+ "\u2013" + run.last().name();
			String slots = run.minSlots() == run.maxSlots() ? Figures.n(run.minSlots())
					: Figures.n(run.minSlots()) + "\u2013" + Figures.n(run.maxSlots());
			html.append("<tr><td>").append(Html.escape(who)).append("</td><td>").append(Html.escape(first.type()))
					.append(" <span class=\"muted\">").append(Html.escape(first.driver())).append("</span></td><td class=\"n\">")
					.append(first.line()).append("</td><td><span class=\"dot\" style=\"background:")
					.append(Paths.colour(first.path())).append("\"></span>").append(Html.escape(Paths.describe(first.path())))
					.append("</td><td class=\"n\">").append(first.vectors()).append("</td><td class=\"n\">")
					.append(slots).append("</td><td>")
					.append(first.errno() == 0 ? "ok" : Html.escape(Figures.errno(first.errno()))).append("</td></tr>\n");
		}
		html.append("</table>\n<p class=\"muted\">Slots: vector slots the probe took from the matrix"
				+ " (global_available before minus after); a managed vector reserves one on every CPU of its mask."
				+ " Every probe is listed in report.json.</p>\n");
	}

	private static void fixes(StringBuilder html, ScenarioReport report) {
		FixProposals.Proposals proposals = report.proposals();
		if (proposals.fixes().isEmpty() && proposals.triedWithoutEffect().isEmpty()) {
			return;
		}
		ScenarioFacts facts = report.facts();
		html.append("<h2>Proposed fixes, simulated</h2>\n<table id=\"fixes\">\n<tr><th>Fix</th><th>Kind</th>"
				+ "<th class=\"n\">Per-queue</th><th class=\"n\">Fall back</th><th class=\"n\">Fail</th>"
				+ "<th class=\"n\">Free slots at end</th></tr>\n");
		html.append("<tr><td><i>as modelled (no fix)</i></td><td></td><td class=\"n\">").append(Figures.n(facts.perQueue()))
				.append("</td><td class=\"n\">")
				.append(Figures.n(facts.degraded() - facts.count(InterruptPath.PROBE_FAILED)))
				.append("</td><td class=\"n\">").append(Figures.n(facts.count(InterruptPath.PROBE_FAILED)))
				.append("</td><td class=\"n\">").append(Figures.n(facts.outcome().end().globalAvailable()))
				.append("</td></tr>\n");
		for (Fix fix : proposals.fixes()) {
			Fix.Result r = fix.result();
			html.append("<tr><td><a href=\"#fix-").append(fix.id()).append("\">").append(Html.escape(fix.title()))
					.append("</a></td><td>").append(fix.kind().label()).append("</td><td class=\"n\">")
					.append(Figures.n(r.perQueue())).append("</td><td class=\"n\">").append(Figures.n(r.shared() + r.intx()))
					.append("</td><td class=\"n\">").append(Figures.n(r.failed())).append("</td><td class=\"n\">")
					.append(Figures.n(r.endAvailable())).append("</td></tr>\n");
		}
		html.append("</table>\n");
		for (Fix fix : proposals.fixes()) {
			html.append("<div class=\"fix\" id=\"fix-").append(fix.id()).append("\">\n<h3>")
					.append(Html.escape(fix.title())).append("</h3>\n<div class=\"kind\">").append(fix.kind().label())
					.append("</div>\n<dl>\n<dt>Change</dt><dd>").append(Html.prose(fix.change())).append("</dd>\n")
					.append("<dt>Effect, simulated</dt><dd>").append(Html.prose(fix.effect()));
			if (!fix.result().headroom().isEmpty()) {
				html.append(" At the end: ").append(Html.escape(fix.result().headroom())).append('.');
			}
			html.append("</dd>\n<dt>Cost</dt><dd>").append(Html.prose(fix.cost())).append("</dd>\n</dl>\n");
			if (fix.upstream() != null) {
				html.append("<p class=\"upstream\"><b>Upstream:</b> ").append(Html.prose(fix.upstream())).append("</p>\n");
			}
			if (!fix.patches().isEmpty()) {
				html.append("<p>Patch: ");
				html.append(String.join(", ", fix.patches().stream()
						.map(p -> "<a href=\"" + Html.escape(p) + "\"><code>" + Html.escape(p) + "</code></a>").toList()));
				html.append("</p>\n");
			}
			if (fix.patchNote() != null) {
				html.append("<p class=\"muted\">No patch against the kernel tree: ").append(Html.escape(fix.patchNote()))
						.append(".</p>\n");
			}
			html.append("</div>\n");
		}
		if (!proposals.triedWithoutEffect().isEmpty()) {
			html.append("<p class=\"muted\">Also simulated, without effect on this scenario: ")
					.append(Html.escape(String.join("; ", proposals.triedWithoutEffect()))).append(".</p>\n");
		}
	}

	/** The devices whose kernel messages explain the most: the first that degraded, the first that failed. */
	static List<ScenarioFacts.DeviceRow> logged(ScenarioFacts facts) {
		List<ScenarioFacts.DeviceRow> rows = new ArrayList<>();
		if (facts.cause() != null) {
			rows.add(facts.cause().firstDegraded());
		}
		facts.devices().stream().filter(d -> d.path() == InterruptPath.PROBE_FAILED).findFirst()
				.filter(d -> !rows.contains(d)).ifPresent(rows::add);
		return rows;
	}

	private static void kernelLog(StringBuilder html, ScenarioFacts facts) {
		List<ScenarioFacts.DeviceRow> rows = logged(facts);
		if (rows.isEmpty()) {
			return;
		}
		html.append("<h2>Kernel log</h2>\n");
		for (ScenarioFacts.DeviceRow row : rows) {
			DeviceResult result = row.result();
			html.append("<p class=\"muted\">").append(Html.escape(row.name())).append(" (device ").append(row.index())
					.append(" of line ").append(row.line()).append("), attempts <code>")
					.append(Html.escape(result.attemptsString())).append("</code>:</p>\n<pre>");
			html.append(Html.escape(String.join("\n", result.messages()))).append("</pre>\n");
		}
	}

	private static void diagnostics(StringBuilder html, List<Issue> issues) {
		if (issues.isEmpty()) {
			return;
		}
		html.append("<h2>Diagnostics</h2>\n<table id=\"diagnostics\">\n<tr><th>Where</th><th>Severity</th><th>Message</th></tr>\n");
		for (Issue issue : issues) {
			html.append("<tr><td>").append(issue.getLineNumber()).append(':').append(issue.getColumn())
					.append("</td><td>").append(issue.getSeverity().name().toLowerCase(Locale.ROOT)).append("</td><td>")
					.append(Html.escape(issue.getMessage())).append("</td></tr>\n");
		}
		html.append("</table>\n");
	}
}
