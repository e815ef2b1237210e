package org.irqlab.dsl.report

import java.util.List
import org.eclipse.xtext.validation.Issue

import static extension org.irqlab.dsl.report.Figures.*
import static extension org.irqlab.dsl.report.Html.*

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) that reads
 * from the verdict down to the evidence, the way a bug report should.
 */
class HtmlReport {

	private new() {
	}

	def static String render(ScenarioReport report) {
		page(report).toString.replace('\r\n', '\n')
	}

	/** The page's stylesheet, the same in every report. */
	def static String style() '''
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
		summary{cursor:pointer;padding:3px 0}
		details.device{margin:0 0 0 18px}
		details.device>p,details.device>table{margin:2px 0 8px 16px;width:auto}
		table.irqs td,table.irqs th{padding:2px 10px}
	'''

	def private static page(ScenarioReport report) {
		val facts = report.facts
		val verdict = report.verdict
		'''
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<title>IrqLab: «report.scenarioName.escape» on «report.machineName.escape»: «verdict.headline.escape»</title>
			<style>
			«style»</style>
			</head>
			<body>
			<main>
			<header>IrqLab report &middot; «report.file.escape» &middot; scenario <b>«report.scenarioName.escape»</b> on machine <b>«report.machineName.escape»</b>«IF facts.outcome.machine !== null» &middot; kernel «facts.outcome.machine.profile.id.escape»«ENDIF»</header>
			<section class="verdict «verdict.status.css»" id="verdict">
			<div class="status">Verdict: «verdict.status.label.escape»</div>
			<h1>«verdict.headline.escape»</h1>
			<p>«verdict.findings.map[prose].join(' ')»</p>
			</section>
			«IF facts.outcome.simulated»
				«simulated(report)»
			«ENDIF»
			«diagnostics(report.issues)»
			<h2>Files</h2>
			<ul>
			«FOR output : report.outputs»
				<li><a href="«output.escape»">«output.escape»</a></li>
			«ENDFOR»
			</ul>
			<p class="muted">Simulated by IrqLab's model of the kernel's vector matrix (kernel/irq/matrix.c, arch/x86/kernel/apic/vector.c) and the drivers' fallback chains; vector-matrix.txt is the end state as /sys/kernel/debug/irq/domains/VECTOR prints it, to diff against the real machine.</p>
			</main>
			</body>
			</html>
		'''
	}

	/** From the figures to the kernel log: what a scenario that was simulated shows. */
	def private static simulated(ScenarioReport report) {
		val facts = report.facts
		val cause = facts.cause
		val machine = facts.outcome.machine
		'''
			<div class="tiles">
			«FOR tile : Tiles.of(facts)»
				<div class="tile"><b>«tile.figure.escape»</b><span>«tile.label.escape»</span></div>
			«ENDFOR»
			</div>
			«IF !report.verdict.cause.empty»
				<h2>Why</h2>
				<p>«report.verdict.cause.map[prose].join(' ')»</p>
			«ENDIF»
			<h2>Capacity after each operation</h2>
			<p class="muted">global_available of the vector matrix after each of the «n(facts.operations)» simulated operations; the background shows the interrupt path each probe got.</p>
			«SvgCharts.capacityCurve(facts)»
			<h2>Free vectors per CPU</h2>
			«IF cause !== null»
				<h3>When «cause.firstDegraded.name.escape» probed (the first device without per-queue vectors)</h3>
				«SvgCharts.heatmap('heatmap-degraded', cause.atDegradation, machine, facts.usablePerCpu)»
			«ENDIF»
			<h3>At the end of the scenario</h3>
			«SvgCharts.heatmap('heatmap-end', facts.outcome.end, machine, facts.usablePerCpu)»
			«devices(facts)»
			«interrupts(facts)»
			«fixes(report)»
			«kernelLog(facts)»
		'''
	}

	def private static devices(ScenarioFacts facts) '''
		<h2>Devices</h2>
		<table id="devices">
		<tr><th>Devices</th><th>Type</th><th class="n">Line</th><th>Interrupts</th><th class="n">Vectors each</th><th class="n">Slots each</th><th>Result</th></tr>
		«FOR row : DeviceTable.rows(facts)»
			<tr><td>«row.devices.escape»</td><td>«row.type.escape» <span class="muted">«row.driver.escape»</span></td><td class="n">«row.line»</td><td><span class="dot" style="background:«row.colour»"></span>«row.interrupts.escape»</td><td class="n">«row.vectorsEach»</td><td class="n">«row.slotsEach»</td><td>«row.result.escape»</td></tr>
		«ENDFOR»
		</table>
		<p class="muted">Slots: vector slots the probe took from the matrix (global_available before minus after); a managed vector reserves one on every CPU of its mask. Every probe is listed in report.json.</p>
	'''

	/** Each probe's interrupts, closed until asked for: a model may probe hundreds of devices. */
	def private static interrupts(ScenarioFacts facts) '''
		«IF !facts.devices.empty»
			<h2>Interrupts of each device</h2>
			<p class="muted">Which IRQ, CPU and vector serve each of a device's queues right after its probe, as /proc/interrupts and /proc/irq/N/{smp,effective}_affinity_list show them, and the matrix's counters before and after the probe. report.json holds the same figures.</p>
			<details id="interrupts">
			<summary>The «count(facts.devices.size, 'probe', 'probes')», in order (open one to see its interrupts)</summary>
			«FOR device : InterruptTable.devices(facts)»
				<details class="device" id="«device.anchor»">
				<summary><span class="dot" style="background:«device.colour»"></span><b>«device.device.escape»</b> «device.summary.escape»</summary>
				<p class="muted">«device.matrix.escape»</p>
				«IF device.empty !== null»
					<p>«device.empty.escape»</p>
				«ELSE»
					<table class="irqs">
					<tr><th class="n">IRQ</th><th>Interrupt</th><th>Managed</th><th>Affinity</th><th class="n">CPU</th><th class="n">Vector</th></tr>
					«FOR row : device.rows»
						<tr><td class="n">«row.irq»</td><td>«row.name.escape»«IF !row.requested» <span class="muted">(no handler)</span>«ENDIF»</td><td>«row.managed»</td><td>«row.affinity.escape»</td><td class="n">«row.cpu»</td><td class="n">«row.vector»</td></tr>
					«ENDFOR»
					</table>
				«ENDIF»
				</details>
			«ENDFOR»
			</details>
		«ENDIF»
	'''

	def private static CharSequence fixes(ScenarioReport report) {
		val proposals = report.proposals
		if (proposals.fixes.empty && proposals.triedWithoutEffect.empty) {
			return ''
		}
		'''
			<h2>Proposed fixes, simulated</h2>
			<table id="fixes">
			<tr><th>Fix</th><th>Kind</th><th class="n">Per-queue</th><th class="n">Fall back</th><th class="n">Fail</th><th class="n">Free slots at end</th></tr>
			«FOR row : FixTable.rows(report)»
				<tr><td>«IF row.anchor === null»<i>«row.fix.escape»</i>«ELSE»<a href="#«row.anchor»">«row.fix.escape»</a>«ENDIF»</td><td>«row.kind»</td><td class="n">«n(row.perQueue)»</td><td class="n">«n(row.fallBack)»</td><td class="n">«n(row.failed)»</td><td class="n">«n(row.freeAtEnd)»</td></tr>
			«ENDFOR»
			</table>
			«FOR fix : proposals.fixes»
				«fix(fix)»
			«ENDFOR»
			«IF !proposals.triedWithoutEffect.empty»
				<p class="muted">Also simulated, without effect on this scenario: «proposals.triedWithoutEffect.join('; ').escape».</p>
			«ENDIF»
		'''
	}

	def private static fix(Fix fix) '''
		<div class="fix" id="fix-«fix.id»">
		<h3>«fix.title.escape»</h3>
		<div class="kind">«fix.kind.label»</div>
		<dl>
		<dt>Change</dt><dd>«fix.change.prose»</dd>
		<dt>Effect, simulated</dt><dd>«fix.effect.prose»«IF !fix.result.headroom.empty» At the end: «fix.result.headroom.escape».«ENDIF»</dd>
		<dt>Cost</dt><dd>«fix.cost.prose»</dd>
		</dl>
		«IF fix.upstream !== null»
			<p class="upstream"><b>Upstream:</b> «fix.upstream.prose»</p>
		«ENDIF»
		«IF !fix.patches.empty»
			<p>Patch: «FOR patch : fix.patches SEPARATOR ', '»<a href="«patch.escape»"><code>«patch.escape»</code></a>«ENDFOR»</p>
		«ENDIF»
		«IF fix.patchNote !== null»
			<p class="muted">No patch against the kernel tree: «fix.patchNote.escape».</p>
		«ENDIF»
		</div>
	'''

	def private static kernelLog(ScenarioFacts facts) '''
		«IF !facts.logged.empty»
			<h2>Kernel log</h2>
			«FOR row : facts.logged»
				<p class="muted">«row.name.escape» (device «row.index» of line «row.line»), attempts <code>«row.result.attemptsString.escape»</code>:</p>
				<pre>«row.result.messages.join('\n').escape»</pre>
			«ENDFOR»
		«ENDIF»
	'''

	def private static diagnostics(List<Issue> issues) '''
		«IF !issues.empty»
			<h2>Diagnostics</h2>
			<table id="diagnostics">
			<tr><th>Where</th><th>Severity</th><th>Message</th></tr>
			«FOR issue : issues»
				<tr><td>«issue.where»</td><td>«issue.severityName»</td><td>«issue.message.escape»</td></tr>
			«ENDFOR»
			</table>
		«ENDIF»
	'''
}
