package org.irqlab.dsl.verify

import org.irqlab.kernel.MatrixCounters

/**
 * The text `irqlab verify` prints: the guest, the boot state the simulation starts from, one line per step
 * with the matrix counters on both sides and how the step's device ended, then the verdict with the first
 * difference first.
 */
class VerifyReport {

	/** At most this many differences are listed; the count says how many there are. */
	static val LISTED = 40

	def static String text(String model, VerifyResult r) '''
		irqlab verify «model», scenario «r.plan.scenario»
		guest: kernel «r.kernelRelease» («r.kernelOrigin»), «r.plan.cpus» CPUs in «r.plan.nodes» node«IF r.plan.nodes != 1»s«ENDIF», «r.plan.devices.size» device«IF r.plan.devices.size != 1»s«ENDIF», «r.accel», «r.seconds» s
		boot: «counters(r.boot)»; non-managed vectors per CPU «bootLoad(r.bootCpuLoad)» (the simulation starts from this, not from the model's load)
		«FOR note : r.notes»
		note: «note»
		«ENDFOR»

		step  event                                       guest avl/rsvd/alloc   IrqLab avl/rsvd/alloc  device     guest          IrqLab
		«FOR s : r.steps»
		«pad(String.valueOf(s.number), 5)» «pad("line " + s.step.line + ": " + s.step.label, 43)» «pad(counters(s.guest), 22)» «pad(counters(s.simulated), 22)» «pad(s.device ?: "", 10)» «pad(s.guestPath ?: "", 14)» «s.simulatedPath ?: ""»
		«ENDFOR»

		«FOR t : r.together»
		step «t.step»: «t.count» NVMe controllers probed together (their probes overlap, as when the kernel probes them asynchronously), compared by count, not one by one: in the guest «t.guestPerQueue» got per-queue vectors («paths(t)»); IrqLab predicts «IF t.fewest == t.most»«t.most»«ELSE»between «t.fewest» and «t.most»«ENDIF»«IF t.agrees», which agrees«ELSE», which does not agree«ENDIF»
		«ENDFOR»
		«IF r.agrees»
		agree: «r.steps.size» steps, «r.plan.devices.size» devices, «r.interruptsCompared» interrupt states compared (IRQ, affinity, effective CPU) and the matrix counters after every step«IF !r.together.empty» (controllers probed together by count)«ENDIF»
		«ELSE»
		first difference: «r.differences.get(0).describe»
		  before it, guest and IrqLab agreed on every compared value«IF r.differences.get(0).step > 1» (steps 1-«r.differences.get(0).step - 1»)«ENDIF»
		«r.differences.size» difference«IF r.differences.size != 1»s«ENDIF»:
		«FOR d : r.differences.take(LISTED)»
		  «d.describe»
		«ENDFOR»
		«IF r.differences.size > LISTED»
		  ... and «r.differences.size - LISTED» more (--format json lists all)
		«ENDIF»
		«ENDIF»
	'''

	def private static String paths(VerifyResult.Together t) {
		t.guestPaths.entrySet.map[value + " " + key].join(", ")
	}

	def static String counters(MatrixCounters c) {
		if (c === null) "not observable" else c.globalAvailable + "/" + c.globalReserved + "/" + c.totalAllocated
	}

	def private static String bootLoad(int[] perCpu) {
		val shown = perCpu.take(16).join(" ")
		if (perCpu.length > 16) shown + " ..." else shown
	}

	def private static String pad(String text, int width) {
		if (text.length >= width) text else text + " ".repeat(width - text.length)
	}
}
