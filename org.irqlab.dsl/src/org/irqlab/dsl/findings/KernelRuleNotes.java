package org.irqlab.dsl.findings;

import org.irqlab.kernel.Attempt;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.KernelRule;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.RuleDecision;
import org.irqlab.kernel.SetupStep;

/**
 * Names the kernel rule that decided a device's outcome, where kernels differ: a user comparing kernels
 * sees which change (docs/kernels.md's row, the commit, the first release) made this kernel act as it did,
 * and whether that rests on an assumption about a distribution's backports.
 */
final class KernelRuleNotes {

	private KernelRuleNotes() {
	}

	/** For a device whose probe failed. */
	static String ofFailure(DeviceResult device, KernelRules rules) {
		if (!isVirtio(device)) {
			return "";
		}
		boolean triedIntx = device.attempts().stream().anyMatch(a -> a.step() == SetupStep.INTX);
		RuleDecision intxCheck = rules.decision(KernelRule.INTX_CHECK);
		if (!triedIntx && intxCheck.present()) {
			return note(intxCheck, "the device has no INTx line, so virtio_pci gave up after MSI-X failed instead of"
					+ " requesting interrupt 0");
		}
		if (triedIntx && !intxCheck.present() && failedAt(device, SetupStep.INTX)) {
			return note(intxCheck, "this kernel has no such check, so virtio_pci requested INTx on the device's line"
					+ " after MSI-X failed");
		}
		return sharedSlowNote(device, rules);
	}

	/** For a device that fell back to a shared vector. */
	static String ofFallback(DeviceResult device, KernelRules rules) {
		return isVirtio(device) ? sharedSlowNote(device, rules) : "";
	}

	private static String sharedSlowNote(DeviceResult device, KernelRules rules) {
		boolean triedSharedSlow = device.attempts().stream().anyMatch(a -> a.step() == SetupStep.SHARED_SLOW_MSIX);
		RuleDecision sharedSlow = rules.decision(KernelRule.SHARED_SLOW);
		if (triedSharedSlow) {
			return note(sharedSlow, "virtio_pci tried the SHARED_SLOW step between per-queue and shared MSI-X");
		}
		return "";
	}

	private static String note(RuleDecision decision, String effect) {
		KernelRule rule = decision.rule();
		return " Kernel rule " + rule.id() + " (" + rule.change() + "; " + rule.firstReleaseText() + ", " + rule.commit()
				+ "): " + effect + (decision.uncertain() ? "; uncertain: " : "; ") + decision.why() + ".";
	}

	private static boolean failedAt(DeviceResult device, SetupStep step) {
		for (Attempt attempt : device.attempts()) {
			if (attempt.step() == step && attempt.failed()) {
				return true;
			}
		}
		return false;
	}

	private static boolean isVirtio(DeviceResult device) {
		return device.type() == DeviceKind.VIRTIO_BLK || device.type() == DeviceKind.VIRTIO_NET;
	}
}
