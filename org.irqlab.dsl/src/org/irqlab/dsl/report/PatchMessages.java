package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.InterruptPath;

/**
 * Commit messages for the patch mails, with the figures of the simulation the way a reviewer wants
 * them: what breaks, on which machine, from which device on, and what the change does to that.
 */
final class PatchMessages {

	private PatchMessages() {
	}

	static KernelTreePatches.Message dropAffinity(Fix fix, ScenarioFacts facts) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(problem(facts));
		ScenarioFacts.Cause cause = facts.cause();
		if (cause != null && cause.costly() != null) {
			paragraphs.add("init_vq() passes an empty struct irq_affinity to virtio_find_vqs(), so the"
					+ " request-queue vectors are managed: the vector matrix reserves one vector for each of them on"
					+ " every CPU of its affinity mask. With " + cause.managedVectors() + " queue vectors that is "
					+ cause.maskSlots() + " reserved slots per disk, " + cause.slotsPerDevice()
					+ " with the config vector, although the disk shows " + cause.costly().vectors()
					+ " interrupts in /proc/interrupts.");
		}
		paragraphs.add("Stop passing the descriptor. The queue vectors become ordinary interrupts that take one slot"
				+ " each. Simulated on the same machine: " + fix.effect());
		paragraphs.add("Trade-off: blk-mq no longer maps its queues from the interrupts' affinity, and the kernel"
				+ " no longer spreads the queue interrupts or shuts them down with their CPUs. The same change was"
				+ " proposed in 2022 and not merged upstream for that reason; this patch is meant to be carried"
				+ " locally.");
		paragraphs.add("Add your Signed-off-by (git am --signoff) after reviewing the figures above.");
		return new KernelTreePatches.Message("virtio_blk: do not request managed interrupts in init_vq()",
				paragraphs, List.of("Fixes: ad71473d9c43 (\"virtio_blk: use virtio IRQ affinity\")"));
	}

	static KernelTreePatches.Message intxCheck(Fix fix, ScenarioFacts facts) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(problem(facts));
		paragraphs.add("When MSI-X fails, vp_find_vqs() falls back to INTx even when the device has no interrupt"
				+ " line. pci_dev->irq is then 0 and request_irq(0, ..., IRQF_SHARED) collides with the timer:"
				+ " \"genirq: Flags mismatch irq 0\", a backtrace, and -EBUSY.");
		paragraphs.add("Give up with the MSI-X error when there is no line. Simulated on the same machine: "
				+ fix.effect() + " This brings no vector capacity back.");
		paragraphs.add("This is the upstream behaviour since 6.1 (commits 71491c54eafa and 2145ab513e3b);"
				+ " this patch carries it to this tree.");
		paragraphs.add("Add your Signed-off-by (git am --signoff) after reviewing the figures above.");
		return new KernelTreePatches.Message("virtio_pci: do not fall back to INTx without an interrupt line",
				paragraphs, List.of());
	}

	private static String problem(ScenarioFacts facts) {
		var machine = facts.outcome().machine();
		long failed = facts.count(InterruptPath.PROBE_FAILED);
		StringBuilder text = new StringBuilder("On a host with ").append(machine.onlineCpus().size())
				.append(" online CPUs (").append(machine.profile().release()).append("), ");
		ScenarioFacts.Cause cause = facts.cause();
		if (cause != null) {
			text.append("hot-plugged ").append(cause.firstDegraded().type()).append(" devices (")
					.append(cause.firstDegraded().driver()).append(") lose their per-queue interrupts from device ")
					.append(cause.firstDegraded().index()).append(" (").append(cause.firstDegraded().name())
					.append(") on");
		} else {
			text.append("hot-plugged devices lose their per-queue interrupts");
		}
		if (failed > 0) {
			text.append(", and ").append(failed).append(" of ").append(facts.devices().size())
					.append(" fail to probe");
		}
		text.append(". Found by IrqLab's simulation of the interrupt vector matrix; the figures below come from it.");
		return text.toString();
	}
}
