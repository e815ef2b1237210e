package org.irqlab.dsl.ide.hover;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.dsl.findings.Finding;
import org.irqlab.dsl.findings.ScenarioFindings;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.Errnos;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.ScenarioSimulations;

import com.google.inject.Inject;

/**
 * What an `add` did to each of its devices, for hovers: the interrupt path each took, what IrqLab found
 * (the same findings the validator reports), its vectors
 * with their masks and CPUs, and the matrix slots it consumed. Plain text, so the Eclipse hover and
 * the language server show the same words.
 */
public class AddEventDescription {

	/** Devices shown vector by vector: the first one of each interrupt path, so every outcome is explained once. */
	private static final int MAX_VECTORS_PER_DEVICE = 8;

	@Inject
	private ScenarioSimulations simulations;

	/**
	 * What the add's devices got, over all its passes, grouped by interrupt path in the order of
	 * {@link InterruptPath}: what the hover describes and the language server's inlay hints sum up.
	 *
	 * @param outcome    the scenario's run
	 * @param freeAfter  global_available once the add's last pass is done
	 */
	public record Outcome(ScenarioOutcome outcome, List<DeviceResult> devices,
			Map<InterruptPath, List<DeviceResult>> byPath, int freeAfter) {
	}

	/** @return null when the scenario cannot be simulated (the validator says why) or the add added nothing */
	public Outcome outcome(AddEvent add, CancelIndicator cancel) {
		Scenario scenario = EcoreUtil2.getContainerOfType(add, Scenario.class);
		if (scenario == null || add.getType() == null || add.getType().eIsProxy()) {
			return null;
		}
		ScenarioOutcome outcome;
		try {
			outcome = simulations.outcome(scenario, cancel);
		} catch (ScenarioRunner.Cancelled e) {
			return null;
		}
		if (!outcome.simulated()) {
			return null;
		}
		List<DeviceResult> devices = new ArrayList<>();
		int freeAfter = -1;
		for (EventOutcome event : outcome.events()) {
			if (event.event() == add) {
				devices.addAll(event.devices());
				freeAfter = event.after().globalAvailable();
			}
		}
		if (devices.isEmpty()) {
			return null;
		}
		Map<InterruptPath, List<DeviceResult>> byPath = new EnumMap<>(InterruptPath.class);
		for (DeviceResult device : devices) {
			byPath.computeIfAbsent(device.path(), path -> new ArrayList<>()).add(device);
		}
		return new Outcome(outcome, devices, byPath, freeAfter);
	}

	/** @return null when the scenario cannot be simulated (the validator says why) */
	public String describe(AddEvent add, CancelIndicator cancel) {
		Outcome result = outcome(add, cancel);
		if (result == null) {
			return null;
		}
		StringBuilder text = new StringBuilder();
		text.append("add ").append(result.devices().size()).append(" x ").append(add.getType().getName()).append(" (")
				.append(add.getType().getDriver().getLiteral()).append(")\n");
		result.byPath().forEach((path, group) -> text.append(summary(path, group)).append('\n'));
		for (Finding finding : ScenarioFindings.on(result.outcome(), add)) {
			text.append('\n').append(finding.kind().severity().name().toLowerCase(Locale.ROOT)).append(": ")
					.append(finding.message()).append('\n');
		}
		for (List<DeviceResult> group : result.byPath().values()) {
			text.append('\n').append(details(group.get(0)));
		}
		return text.toString();
	}

	/** The fewest and the most slots one device of {@code group} took. */
	public static IntSummaryStatistics slotsOf(List<DeviceResult> group) {
		return group.stream().mapToInt(AddEventDescription::slots).summaryStatistics();
	}

	private static String summary(InterruptPath path, List<DeviceResult> group) {
		StringBuilder line = new StringBuilder();
		line.append(group.size()).append(' ').append(pathName(path, group.get(0).type()));
		if (path == InterruptPath.PROBE_FAILED) {
			line.append(": ").append(Errnos.describe(group.get(0).errno()));
			return line.toString();
		}
		IntSummaryStatistics slots = slotsOf(group);
		line.append(": ").append(slots.getMin() == slots.getMax() ? String.valueOf(slots.getMin())
				: slots.getMin() + " to " + slots.getMax()).append(" slots each");
		return line.toString();
	}

	private static String details(DeviceResult device) {
		StringBuilder text = new StringBuilder();
		text.append(device.name()).append(" at ").append(device.pciAddress());
		if (device.diskName() != null) {
			text.append(" (").append(device.diskName()).append(')');
		}
		text.append(": ").append(pathName(device.path(), device.type()));
		if (device.failed()) {
			text.append(", ").append(Errnos.describe(device.errno()));
		}
		text.append(", ").append(slots(device)).append(" slots (global_available ")
				.append(device.before().globalAvailable()).append(" -> ").append(device.after().globalAvailable())
				.append(")\n");
		List<VectorInfo> vectors = device.vectors();
		for (int i = 0; i < Math.min(vectors.size(), MAX_VECTORS_PER_DEVICE); i++) {
			VectorInfo vector = vectors.get(i);
			text.append("  ").append(vector.name()).append("  irq ").append(vector.irq())
					.append(vector.managed() ? "  managed" : "  unmanaged").append("  mask ")
					.append(vector.affinity().toList());
			if (vector.effectiveCpu() >= 0) {
				text.append("  on CPU ").append(vector.effectiveCpu()).append(" vector ").append(vector.vector());
			} else {
				text.append("  reserved, not activated");
			}
			text.append('\n');
		}
		if (vectors.size() > MAX_VECTORS_PER_DEVICE) {
			text.append("  ... ").append(vectors.size() - MAX_VECTORS_PER_DEVICE).append(" more vectors\n");
		}
		for (String message : device.messages()) {
			if (device.failed()) {
				text.append("  kernel: ").append(message).append('\n');
			}
		}
		return text.toString();
	}

	/** Matrix slots the device took: its allocations plus the managed reservations on every CPU of their masks. */
	public static int slots(DeviceResult device) {
		return device.before().globalAvailable() - device.after().globalAvailable();
	}

	/** nvme's single vector serves its admin queue and one I/O queue: not virtio's shared MSI-X. */
	static String pathName(InterruptPath path, DeviceKind kind) {
		if (path == InterruptPath.SHARED_MSIX && kind == DeviceKind.NVME) {
			return "one MSI-X vector for admin and I/O (nvmeNq0)";
		}
		return pathName(path);
	}

	static String pathName(InterruptPath path) {
		return switch (path) {
			case PER_QUEUE_MSIX_MANAGED -> "per-queue MSI-X (managed)";
			case PER_QUEUE_MSIX_UNMANAGED -> "per-queue MSI-X (not managed)";
			case SHARED_MSIX -> "shared MSI-X";
			case INTX -> "legacy INTx";
			case PROBE_FAILED -> "failed to probe";
			case UNBOUND -> "unbound";
		};
	}
}
