package org.irqlab.dsl.simulation;

import java.util.function.BooleanSupplier;

import org.irqlab.kernel.CapacityEstimator;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.dsl.model.DeviceType;

/** How many more devices of a type fit after a scenario, found by adding them to a copy of its end state. */
public final class Headroom {

	/** Beyond this, "at least" is all a user needs to know. */
	public static final int MAX_PROBED = 1024;

	private Headroom() {
	}

	public static String describe(ScenarioOutcome outcome, DeviceType type, long work, BooleanSupplier cancelled) {
		if (cancelled.getAsBoolean()) {
			throw new ScenarioRunner.Cancelled();
		}
		int cpus = Math.max(1, outcome.machine().nrCpuIds());
		// a quarter of a scenario's budget: a 2000-vector NIC on 8192 CPUs took 2 minutes for 1024 probes
		int limit = (int) Math.max(1, Math.min(MAX_PROBED, work / 4 / SimulationBudget.deviceCost(type, cpus)));
		CapacityEstimator.Estimate estimate = CapacityEstimator.howManyMore(outcome.simulation(),
				DeviceTranslator.translate(type), limit);
		String name = type.getName();
		if (estimate.fitted() == 0) {
			return "no room for another " + name + " (it would fail with " + Errnos.describe(estimate.firstFailure().errno())
					+ ")";
		}
		StringBuilder text = new StringBuilder();
		text.append(estimate.firstFailure() == null ? "room for at least " : "room for ").append(estimate.fitted())
				.append(" more ").append(name);
		int perQueue = estimate.byPath().getOrDefault(InterruptPath.PER_QUEUE_MSIX_MANAGED, 0)
				+ estimate.byPath().getOrDefault(InterruptPath.PER_QUEUE_MSIX_UNMANAGED, 0);
		int shared = estimate.byPath().getOrDefault(InterruptPath.SHARED_MSIX, 0);
		int intx = estimate.byPath().getOrDefault(InterruptPath.INTX, 0);
		if (perQueue != estimate.fitted()) {
			text.append(" (").append(perQueue).append(" with per-queue vectors");
			if (shared > 0) {
				// nvme's single vector (nvmeNq0) serves its admin queue and one I/O queue, it is not virtio's shared MSI-X
				boolean nvme = DeviceTranslator.translate(type).type() == DeviceKind.NVME;
				text.append(", ").append(shared).append(nvme ? " with one vector for admin and I/O" : " on shared MSI-X");
			}
			if (intx > 0) {
				text.append(", ").append(intx).append(" on INTx");
			}
			text.append(')');
		}
		return text.toString();
	}
}
