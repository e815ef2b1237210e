package org.irqlab.dsl.simulation;

import java.util.List;

import org.irqlab.dsl.model.Event;
import org.irqlab.kernel.AsyncProbeBounds;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.IrqbalanceResult;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.MatrixSnapshot;

/**
 * What one scenario event did (an event inside a `repeat` has one outcome per pass). Only the list that
 * fits the event is filled: devices for add, remove, bind and unbind; CPU changes for offline and online;
 * irqbalance passes for balance. Build one with the factory of its kind.
 *
 * @param devices           the devices it added, removed, bound or unbound, in order
 * @param cpuChanges        the CPUs it took offline or online
 * @param balance           the irqbalance passes it ran
 * @param firstDegradation  the first device of an `add` that did not get per-queue vectors, or null
 * @param after             the counters once the event is done
 * @param probeBounds       for an `add` of several NVMe controllers, whose probes overlap in an order that
 *                          changes from boot to boot: how many get per-queue vectors at best and at worst
 *                          (the devices above are the best case); null otherwise
 */
public record EventOutcome(Event event, int pass, List<DeviceResult> devices, List<CpuHotplugResult> cpuChanges,
		List<IrqbalanceResult> balance, Degradation firstDegradation, MatrixCounters after,
		AsyncProbeBounds probeBounds) {

	/**
	 * The first device that lost its per-queue vectors, and the matrix once it was set up: its failed
	 * attempts rolled back what they took, so the matrix shows which CPUs had run out.
	 *
	 * @param deviceIndex index into {@link EventOutcome#devices()}
	 */
	public record Degradation(int deviceIndex, MatrixSnapshot matrix) {
	}

	/** An add, remove, bind or unbind. */
	public static EventOutcome ofDevices(Event event, int pass, List<DeviceResult> devices, Degradation first,
			MatrixCounters after) {
		return new EventOutcome(event, pass, devices, List.of(), List.of(), first, after, null);
	}

	/** An add of devices whose probes overlap, with the bounds of what they get. */
	public static EventOutcome ofAsyncProbes(Event event, int pass, List<DeviceResult> devices, Degradation first,
			MatrixCounters after, AsyncProbeBounds bounds) {
		return new EventOutcome(event, pass, devices, List.of(), List.of(), first, after, bounds);
	}

	/** A CPU offline or online. */
	public static EventOutcome ofCpuChanges(Event event, int pass, List<CpuHotplugResult> changes, MatrixCounters after) {
		return new EventOutcome(event, pass, List.of(), changes, List.of(), null, after, null);
	}

	/** An irqbalance run. */
	public static EventOutcome ofBalance(Event event, int pass, List<IrqbalanceResult> passes, MatrixCounters after) {
		return new EventOutcome(event, pass, List.of(), List.of(), passes, null, after, null);
	}

	/** The matrix when the first device lost its per-queue vectors, or null. */
	public MatrixSnapshot firstDegraded() {
		return firstDegradation == null ? null : firstDegradation.matrix();
	}

	/** Whether {@code devices().get(index)} is the first device that lost its per-queue vectors. */
	public boolean isFirstDegraded(int index) {
		return firstDegradation != null && firstDegradation.deviceIndex() == index;
	}
}
