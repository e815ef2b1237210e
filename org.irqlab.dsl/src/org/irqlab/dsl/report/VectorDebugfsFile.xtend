package org.irqlab.dsl.report

import org.irqlab.kernel.KernelRules
import org.irqlab.kernel.MatrixSnapshot

import static extension org.irqlab.dsl.report.Columns.*

/**
 * A matrix snapshot as /sys/kernel/debug/irq/domains/VECTOR shows it: irq_matrix_debug_show() behind the
 * domain header of irq_domain_debug_show_one(). The el8 tree and upstream 4.19+ print the "mac" (managed
 * allocated) column; vanilla 4.15-4.18 did not, selectable with {@link Style}.
 */
class VectorDebugfsFile {
	/** Column layout of irq_matrix_debug_show(). */
	enum Style {
		/** 4.19+ and the el8 tree: avl, man, mac, act. */
		WITH_MANAGED_ALLOCATED,
		/** Vanilla 4.15-4.18: avl, man, act. */
		WITHOUT_MANAGED_ALLOCATED
	}

	val Style style

	new(Style style) {
		this.style = style
	}

	/** The layout every simulated kernel uses (all of them print the mac column). */
	def static VectorDebugfsFile forRules(KernelRules rules) {
		new VectorDebugfsFile(Style.WITH_MANAGED_ALLOCATED)
	}

	/**
	 * The whole VECTOR domain file: the irq_domain_debug_show_one() header, then the matrix at indentation 1.
	 * {@code mapped} is the number of interrupts in the domain; {@code flags} the domain flags, which differ
	 * between kernel builds (not verified: pass what the target shows).
	 */
	def String domainFile(MatrixSnapshot s, int mapped, int flags) '''
		name:   VECTOR
		 size:   0
		 mapped: «mapped»
		 flags:  0x«flags.hex8»
		«matrix(s, 1)»'''

	// mirrors irq_matrix_debug_show(); ind is the indentation the domain file passes (1)
	def String matrix(MatrixSnapshot s, int ind) {
		val pad = ' '.repeat(Math.max(ind, 1))
		val withMac = style == Style.WITH_MANAGED_ALLOCATED
		'''
			Online bitmaps:   «s.onlineMaps.right(6)»
			Global available: «s.globalAvailable.right(6)»
			Global reserved:  «s.globalReserved.right(6)»
			Total allocated:  «s.totalAllocated.right(6)»
			System: «s.systemCount»: «s.systemVectors»
			«pad»| CPU | avl | man | «IF withMac»mac | «ENDIF»act | vectors
			«FOR c : s.cpus.filter[online]»
				«pad» «c.cpu.right(4)»  «c.available.right(4)»  «c.managed.right(4)»  «IF withMac»«c.managedAllocated.right(4)» «ENDIF»«c.allocated.right(4)»  «c.vectors»
			«ENDFOR»
		'''.toString.replace('\r\n', '\n')
	}
}
