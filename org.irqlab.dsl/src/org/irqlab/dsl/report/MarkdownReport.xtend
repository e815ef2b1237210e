package org.irqlab.dsl.report

import static extension org.irqlab.dsl.report.Figures.*

/** report.md: the same report as the HTML, for a bug tracker or a mailing list, without the charts. */
class MarkdownReport {

	private new() {
	}

	def static String render(ScenarioReport report) {
		page(report).toString.replace('\r\n', '\n')
	}

	def private static page(ScenarioReport report) {
		val facts = report.facts
		val verdict = report.verdict
		'''
			# IrqLab: «report.scenarioName» on «report.machineName»

			_«report.file», scenario `«report.scenarioName»`_

			**Verdict («verdict.status.label»): «verdict.headline».**

			«verdict.findings.join(' ')»

			«IF facts.outcome.simulated»
				«IF !verdict.cause.empty»
					## Why

					«verdict.cause.join(' ')»

				«ENDIF»
				«devices(facts)»
				«fixes(report)»
				«kernelLog(facts)»
			«ENDIF»
			«IF !report.issues.empty»
				## Diagnostics

				«FOR issue : report.issues»
					- «report.file»:«issue.where»: «issue.severityName»: «issue.message»
				«ENDFOR»

			«ENDIF»
			## Files

			«FOR output : report.outputs»
				- [«output»](«output»)
			«ENDFOR»
		'''
	}

	def private static devices(ScenarioFacts facts) '''
		## Devices

		| Devices | Type | Line | Interrupts | Vectors each | Slots each | Result |
		|---|---|--:|---|--:|--:|---|
		«FOR row : DeviceTable.rows(facts)»
			| «row.devices» | «row.type» («row.driver») | «row.line» | «row.interrupts» | «row.vectorsEach» | «row.slotsEach» | «row.result» |
		«ENDFOR»

		Free vector slots: «n(facts.outcome.start.globalAvailable)» before the first event, «n(facts.outcome.end.globalAvailable)» at the end.

	'''

	def private static CharSequence fixes(ScenarioReport report) {
		val proposals = report.proposals
		if (proposals.fixes.empty && proposals.triedWithoutEffect.empty) {
			return ''
		}
		'''
			## Proposed fixes, simulated

			| Fix | Kind | Per-queue | Fall back | Fail | Free slots at end |
			|---|---|--:|--:|--:|--:|
			«FOR row : FixTable.rows(report)»
				| «IF row.anchor === null»_«row.fix»_«ELSE»«row.fix»«ENDIF» | «row.kind» | «n(row.perQueue)» | «n(row.fallBack)» | «n(row.failed)» | «n(row.freeAtEnd)» |
			«ENDFOR»

			«FOR fix : proposals.fixes»
				«fix(fix)»
			«ENDFOR»
			«IF !proposals.triedWithoutEffect.empty»
				Also simulated, without effect on this scenario: «proposals.triedWithoutEffect.join('; ')».

			«ENDIF»
		'''
	}

	def private static fix(Fix fix) '''
		### «fix.title» («fix.kind.label»)

		- **Change:** «fix.change»
		- **Effect, simulated:** «fix.effect»«IF !fix.result.headroom.empty» At the end: «fix.result.headroom».«ENDIF»
		- **Cost:** «fix.cost»
		«IF fix.upstream !== null»
			- **Upstream:** «fix.upstream»
		«ENDIF»
		«IF !fix.patches.empty»
			- **Patch:** «FOR patch : fix.patches SEPARATOR ', '»[«patch»](«patch»)«ENDFOR»
		«ENDIF»
		«IF fix.patchNote !== null»
			- **No patch against the kernel tree:** «fix.patchNote»
		«ENDIF»

	'''

	/**
	 * The kernel's messages of the devices that explain the most, in code blocks. Without messages the block
	 * still holds its empty line: a template line holding only an empty expression would vanish.
	 */
	def private static kernelLog(ScenarioFacts facts) '''
		«FOR row : facts.logged»
			## Kernel log of «row.name» (device «row.index» of line «row.line»)

			Attempts `«row.result.attemptsString»`

			```
			«IF row.result.messages.empty»

			«ELSE»
				«row.result.messages.join('\n')»
			«ENDIF»
			```

		«ENDFOR»
	'''
}
