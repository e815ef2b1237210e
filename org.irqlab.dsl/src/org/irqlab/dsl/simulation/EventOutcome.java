package org.irqlab.dsl.simulation;

import java.util.List;

import org.irqlab.dsl.kernel.CpuHotplugResult;
import org.irqlab.dsl.kernel.DeviceResult;
import org.irqlab.dsl.kernel.IrqbalanceResult;
import org.irqlab.dsl.kernel.MatrixCounters;
import org.irqlab.dsl.kernel.MatrixSnapshot;
import org.irqlab.dsl.model.Event;

/**
 * What one scenario event did (an event inside a `repeat` has one outcome per pass).
 *
 * @param devices           the devices it added, removed, bound or unbound, in order
 * @param firstIndex        the 1-based number, within its `add`, of the first device in {@code devices}
 * @param cpuChanges        the CPUs it took offline or online
 * @param balance           the irqbalance passes it ran
 * @param firstDegraded     the matrix once the first device that did not get per-queue vectors was set up,
 *                          or null: it shows which CPUs had run out
 * @param firstDegradedAt   index into {@code devices} of that device, or -1
 * @param after             the counters once the event is done
 */
public record EventOutcome(Event event, int pass, List<DeviceResult> devices, int firstIndex,
		List<CpuHotplugResult> cpuChanges, List<IrqbalanceResult> balance, MatrixSnapshot firstDegraded,
		int firstDegradedAt, MatrixCounters after) {
}
