package org.irqlab.dsl.report

import com.google.gson.JsonArray
import com.google.gson.JsonObject
import org.irqlab.kernel.KernelRules

/**
 * Which kernel rules a `kernel` setting resolves to, and why: for the hover on the setting, and as JSON for
 * `check --format json` and report.json. One line per rule of docs/kernels.md's table.
 */
class KernelRulesText {

	/** The hover's text: the kernel, then each rule with + (has it) or - (lacks it) and the reason. */
	def static String describe(KernelRules rules) '''
		kernel «rules.id»: «rules.version.describe»
		«FOR d : rules.decisions»
			«IF d.present»+«ELSE»-«ENDIF» «d.rule.id» «d.rule.change» («d.rule.firstReleaseText», «d.rule.commit»)
			    «IF d.uncertain»uncertain: «ENDIF»«d.why»
		«ENDFOR»
		+ has the change, - lacks it; docs/kernels.md has the evidence for each row.
	'''

	/** Two kernels side by side, only the rules where they differ. */
	def static String compare(KernelRules a, KernelRules b, java.util.List<org.irqlab.kernel.KernelRule> differing) '''
		«a.id»: «a.version.describe»
		«b.id»: «b.version.describe»
		«IF differing.empty»
			They have the same rules.
		«ELSE»
			«differing.size» rule«IF differing.size > 1»s«ENDIF» differ (first kernel / second kernel):
			«FOR rule : differing»
				«IF a.has(rule)»+«ELSE»-«ENDIF»/«IF b.has(rule)»+«ELSE»-«ENDIF» «rule.id» «rule.change» («rule.firstReleaseText», «rule.commit»)
				    «IF a.decision(rule).uncertain»uncertain: «ENDIF»«a.decision(rule).why»
				    «IF b.decision(rule).uncertain»uncertain: «ENDIF»«b.decision(rule).why»
			«ENDFOR»
		«ENDIF»
	'''

	/** The same as JSON: written text, what it was read as, and each rule's decision. */
	def static JsonObject json(KernelRules rules) {
		val object = new JsonObject
		object.addProperty("written", rules.id)
		object.addProperty("readAs", rules.version.describe)
		object.addProperty("distribution", rules.version.distribution.label)
		object.addProperty("upstream", rules.version.major + "." + rules.version.minor)
		val array = new JsonArray
		for (d : rules.decisions) {
			val rule = new JsonObject
			rule.addProperty("id", d.rule.id)
			rule.addProperty("change", d.rule.change)
			rule.addProperty("commit", d.rule.commit)
			rule.addProperty("firstRelease", d.rule.firstReleaseText)
			rule.addProperty("present", d.present)
			rule.addProperty("basis", d.basis.label)
			rule.addProperty("why", d.why)
			array.add(rule)
		}
		object.add("rules", array)
		object
	}
}
