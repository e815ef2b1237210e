package org.irqlab.dsl.findings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.CpuAction;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.simulation.DeviceRuns;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.Headroom;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.AsyncProbeBounds;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.DeviceResult;

/**
 * What a simulated scenario means for its author, as typed {@link Finding}s on the statements that cause
 * them: devices that fail to probe or fall back to fewer interrupts, vectors placed outside their affinity,
 * CPUs that refuse to go offline, and the room left. One method per rule.
 */
public final class ScenarioFindings {

	private ScenarioFindings() {
	}

	/** Every finding but the headroom (which costs further simulations), in reading order. */
	public static List<Finding> of(ScenarioOutcome outcome) {
		List<Finding> findings = new ArrayList<>();
		if (!outcome.simulated()) {
			notSimulated(outcome, findings);
			return findings;
		}
		for (Map.Entry<Event, List<EventOutcome>> event : byEvent(outcome).entrySet()) {
			if (event.getKey() instanceof AddEvent add) {
				KernelRules rules = outcome.machine().profile();
				probeFailures(add, event.getValue(), findings, rules);
				asyncProbes(add, event.getValue(), findings);
				fallbacks(add, event.getValue(), findings, rules);
				brokenAffinities(add, event.getValue(), findings);
			} else if (event.getKey() instanceof CpuEvent cpuEvent) {
				hotplug(cpuEvent, event.getValue(), findings);
			}
		}
		return findings;
	}

	/** The findings that sit on one statement. */
	public static List<Finding> on(ScenarioOutcome outcome, Event event) {
		return of(outcome).stream().filter(finding -> finding.source() == event).toList();
	}

	/**
	 * How many more devices of each type the scenario adds would still fit at its end, or null when it adds
	 * none. The types share one budget of {@code work}: 16 types must not take 16 times as long.
	 */
	public static Finding headroom(ScenarioOutcome outcome, long work, BooleanSupplier cancelled) {
		if (!outcome.simulated()) {
			return null;
		}
		Map<DeviceType, AddEvent> types = new LinkedHashMap<>();
		outcome.events().stream().map(EventOutcome::event).filter(AddEvent.class::isInstance).map(AddEvent.class::cast)
				.filter(add -> add.getType() != null && !add.getType().eIsProxy())
				.forEach(add -> types.putIfAbsent(add.getType(), add));
		if (types.isEmpty()) {
			return null;
		}
		long share = work / types.size();
		List<String> parts = types.keySet().stream().map(type -> Headroom.describe(outcome, type, share, cancelled))
				.toList();
		return new Finding(FindingKind.HEADROOM, outcome.scenario(), Literals.ELEMENT__NAME,
				CapacityMessages.headroom(outcome, parts), List.of());
	}

	private static void notSimulated(ScenarioOutcome outcome, List<Finding> findings) {
		if (outcome.scenario().getMachine() == null || outcome.scenario().getMachine().eIsProxy()) {
			return; // the linker already reports the missing machine
		}
		FindingKind kind = switch (outcome.reason()) {
			case TOO_LARGE -> FindingKind.SIMULATION_TOO_LARGE;
			case SIMULATOR_FAILED -> FindingKind.SIMULATION_FAILED;
			case NO_MACHINE, NOT_SIMULABLE, MACHINE_DOES_NOT_BOOT -> FindingKind.SIMULATION_REFUSED;
		};
		findings.add(new Finding(kind, outcome.scenario(), Literals.ELEMENT__NAME, outcome.problem(), List.of()));
	}

	private static void probeFailures(AddEvent add, List<EventOutcome> passes, List<Finding> findings,
			KernelRules rules) {
		DeviceRuns.Run failed = DeviceRuns.of(passes).firstFailed();
		if (failed != null) {
			findings.add(new Finding(FindingKind.PROBE_FAILS, add, null, CapacityMessages.probeFails(passes, failed, rules),
					List.of(typeName(add), String.valueOf(failed.first()), String.valueOf(failed.last()),
							String.valueOf(failed.errno()))));
		}
	}

	private static void asyncProbes(AddEvent add, List<EventOutcome> passes, List<Finding> findings) {
		for (EventOutcome pass : passes) {
			AsyncProbeBounds bounds = pass.probeBounds();
			if (bounds != null && bounds.varies()) {
				findings.add(new Finding(FindingKind.ASYNC_PROBE_RANGE, add, null,
						CapacityMessages.asyncProbeRange(passes, pass, bounds), List.of(typeName(add),
								String.valueOf(bounds.fewest()), String.valueOf(bounds.most()),
								String.valueOf(bounds.count()))));
				return;
			}
		}
	}

	private static void fallbacks(AddEvent add, List<EventOutcome> passes, List<Finding> findings, KernelRules rules) {
		DeviceRuns runs = DeviceRuns.of(passes);
		DeviceRuns.Run shared = runs.firstShared();
		if (shared != null) {
			findings.add(new Finding(FindingKind.FALLBACK_SHARED_MSIX, add, null,
					CapacityMessages.fallsBackToShared(passes, shared, rules), runData(add, shared)));
		}
		DeviceRuns.Run intx = runs.firstIntx();
		if (intx != null) {
			findings.add(new Finding(FindingKind.FALLBACK_INTX, add, null, CapacityMessages.fallsBackToIntx(passes, intx),
					runData(add, intx)));
		}
	}

	private static void brokenAffinities(AddEvent add, List<EventOutcome> passes, List<Finding> findings) {
		for (EventOutcome pass : passes) {
			long broken = pass.devices().stream().mapToLong(DeviceResult::brokenAffinities).sum();
			if (broken > 0) {
				findings.add(new Finding(FindingKind.AFFINITY_BROKEN, add, null, CapacityMessages.affinityBroken(broken),
						List.of()));
				return;
			}
		}
	}

	private static void hotplug(CpuEvent cpuEvent, List<EventOutcome> passes, List<Finding> findings) {
		boolean online = cpuEvent.getAction() == CpuAction.ONLINE;
		for (EventOutcome pass : passes) {
			for (CpuHotplugResult result : pass.cpuChanges()) {
				if (result.refused()) {
					findings.add(new Finding(FindingKind.CPU_HOTPLUG_REFUSED, cpuEvent, Literals.CPU_EVENT__CPUS,
							CapacityMessages.hotplugRefused(result, online), List.of(String.valueOf(result.cpu()))));
					return;
				}
			}
		}
		List<CpuHotplugResult> done = passes.stream().flatMap(pass -> pass.cpuChanges().stream()).toList();
		if (!done.isEmpty()) {
			findings.add(new Finding(FindingKind.CPU_HOTPLUG_DONE, cpuEvent, Literals.CPU_EVENT__CPUS,
					CapacityMessages.hotplugDone(done, online), List.of()));
		}
	}

	/** The outcomes of each statement, in the order the statements first ran (a `repeat` runs them again). */
	private static Map<Event, List<EventOutcome>> byEvent(ScenarioOutcome outcome) {
		Map<Event, List<EventOutcome>> events = new LinkedHashMap<>();
		for (EventOutcome event : outcome.events()) {
			events.computeIfAbsent(event.event(), e -> new ArrayList<>()).add(event);
		}
		return events;
	}

	private static List<String> runData(AddEvent add, DeviceRuns.Run run) {
		return List.of(typeName(add), String.valueOf(run.first()), String.valueOf(run.last()));
	}

	private static String typeName(AddEvent add) {
		return add.getType() == null ? "" : add.getType().getName();
	}
}
