package org.irqlab.dsl.verify;

import java.util.List;

import org.irqlab.kernel.MatrixCounters;

/**
 * A verification's outcome: the guest, the state it booted into, each step's matrix counters on both sides,
 * and every difference found (the first one is the one to read).
 *
 * @param kernelRelease     `uname -r` of the guest
 * @param kernelOrigin      where the kernel came from
 * @param accel             how QEMU ran it ("KVM", "TCG")
 * @param seconds           boot and run time
 * @param bootCpuLoad       the guest's non-managed vectors per CPU at boot, from which the simulation starts
 * @param boot              the guest's matrix counters at boot
 * @param steps             per step, in order
 * @param interruptsCompared how many interrupt states were compared over all steps (IRQ, affinity, effective CPU)
 * @param together          the steps whose NVMe controllers were probed together, compared by count
 */
public record VerifyResult(GuestPlan plan, String kernelRelease, String kernelOrigin, String accel, long seconds,
		int[] bootCpuLoad, MatrixCounters boot, List<Step> steps, List<Difference> differences, List<String> notes,
		long interruptsCompared, List<Together> together) {

	/**
	 * NVMe controllers of one `add`, probed together in the guest: how many got per-queue vectors there, and the
	 * range IrqLab predicts for an asynchronous probe.
	 *
	 * @param step          the step's number
	 * @param count         controllers probed together
	 * @param guestPerQueue of them, with one vector per queue in the guest
	 * @param fewest / most IrqLab's bounds
	 * @param guestPaths    how many of them ended on each path in the guest (oracle names)
	 */
	public record Together(int step, int count, int guestPerQueue, int fewest, int most,
			java.util.Map<String, Integer> guestPaths) {

		public boolean agrees() {
			return guestPerQueue >= fewest && guestPerQueue <= most;
		}
	}

	/**
	 * @param guest     the guest's counters after the step, null where they cannot be observed
	 * @param simulated IrqLab's counters after the step
	 * @param device    the kernel name of the device the step touched, or null
	 * @param guestPath / simulatedPath how that device ends (oracle names: per_vq_msix, shared_msix, intx, failed, unbound)
	 */
	public record Step(int number, GuestStep step, MatrixCounters guest, MatrixCounters simulated, String device,
			String guestPath, String simulatedPath) {
	}

	public boolean agrees() {
		return differences.isEmpty();
	}
}
