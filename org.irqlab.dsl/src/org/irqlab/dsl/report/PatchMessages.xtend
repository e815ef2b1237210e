package org.irqlab.dsl.report

import org.irqlab.dsl.report.KernelTreePatches.Message
import org.irqlab.kernel.InterruptPath

/**
 * Commit messages for the patch mails, with the figures of the simulation the way a reviewer wants
 * them: what breaks, on which machine, from which device on, and what the change does to that.
 * Paragraphs are separated by blank lines; the lines of one paragraph are joined (see {@link MailText}).
 */
final class PatchMessages {

	private new() {
	}

	/** {@link Fix.Type#DROP_AFFINITY} */
	def static Message dropAffinity(Fix fix, ScenarioFacts facts) {
		val cause = facts.cause
		Message.of("virtio_blk: do not request managed interrupts in init_vq()", '''
			«problem(facts)»

			«IF cause?.costly !== null»
				init_vq() passes an empty struct irq_affinity to virtio_find_vqs(), so the request-queue vectors are
				managed: the vector matrix reserves one vector for each of them on every CPU of its affinity mask.
				With «cause.managedVectors» queue vectors that is «cause.maskSlots» reserved slots per disk,
				«cause.slotsPerDevice» with the config vector, although the disk shows «cause.costly.vectors»
				interrupts in /proc/interrupts.

			«ENDIF»
			Stop passing the descriptor. The queue vectors become ordinary interrupts that take one slot each.
			Simulated on the same machine: «fix.effect»

			Trade-off: blk-mq no longer maps its queues from the interrupts' affinity, and the kernel no longer
			spreads the queue interrupts or shuts them down with their CPUs. The same change was proposed in 2022
			and not merged upstream for that reason; this patch is meant to be carried locally.

			«SIGN_OFF»
		''', 'Fixes: ad71473d9c43 ("virtio_blk: use virtio IRQ affinity")')
	}

	/** {@link Fix.Type#INTX_CHECK} */
	def static Message intxCheck(Fix fix, ScenarioFacts facts) {
		Message.of("virtio_pci: do not fall back to INTx without an interrupt line", '''
			«problem(facts)»

			When MSI-X fails, vp_find_vqs() falls back to INTx even when the device has no interrupt line.
			pci_dev->irq is then 0 and request_irq(0, ..., IRQF_SHARED) collides with the timer:
			"genirq: Flags mismatch irq 0", a backtrace, and -EBUSY.

			Give up with the MSI-X error when there is no line. Simulated on the same machine: «fix.effect»
			This brings no vector capacity back.

			This is the upstream behaviour since 6.1 (commits 71491c54eafa and 2145ab513e3b); this patch carries
			it to this tree.

			«SIGN_OFF»
		''')
	}

	static val SIGN_OFF = 'Add your Signed-off-by (git am --signoff) after reviewing the figures above.'

	/** What breaks on which host, from the scenario's facts. */
	def private static String problem(ScenarioFacts facts) {
		val machine = facts.outcome.machine
		val first = facts.cause?.firstDegraded
		val failed = facts.count(InterruptPath.PROBE_FAILED)
		'''
			On a host with «machine.onlineCpus.size» online CPUs («machine.profile.release»),
			«IF first !== null»
				hot-plugged «first.type» devices («first.driver») lose their per-queue interrupts from device
				«first.index» («first.name») on«IF failed > 0», and «failed» of «facts.devices.size» fail to probe«ENDIF».
			«ELSE»
				hot-plugged devices lose their per-queue interrupts«IF failed > 0», and «failed» of «facts.devices.size» fail to
				probe«ENDIF».
			«ENDIF»
			Found by IrqLab's simulation of the interrupt vector matrix; the figures below come from it.
		'''
	}
}
