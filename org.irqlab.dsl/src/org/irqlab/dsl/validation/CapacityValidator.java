package org.irqlab.dsl.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.CpuAction;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.DeviceRuns;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.Headroom;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.simulation.SimulationBudget;

import com.google.inject.Inject;

/**
 * What the kernel would do with each scenario, on the statement that causes it: devices that fail
 * to probe, fall back to fewer interrupts, CPUs that refuse to go offline, and the room left.
 */
public class CapacityValidator extends IrqLabCheckBase {

	@Inject
	private ScenarioSimulations simulations;

	@Inject
	private OperationCanceledManager cancellation;

	@Check(CheckType.FAST)
	public void scenarioCanBeSimulated(Scenario scenario) {
		if (hasSyntaxErrors(scenario)) {
			return;
		}
		ScenarioOutcome outcome = outcomeOf(scenario);
		if (!outcome.simulated() && scenario.getMachine() != null && !scenario.getMachine().eIsProxy()) {
			boolean tooLarge = outcome.reason() == ScenarioOutcome.NotSimulated.TOO_LARGE;
			error(outcome.problem(), scenario, Literals.ELEMENT__NAME,
					tooLarge ? IssueCodes.SIMULATION_TOO_LARGE : IssueCodes.SIMULATION_FAILED);
		}
	}

	@Check(CheckType.FAST)
	public void devicesProbe(AddEvent add) {
		List<EventOutcome> passes = outcomesOf(add);
		DeviceRuns.Run failed = DeviceRuns.of(passes).firstFailed();
		if (failed != null) {
			error(CapacityMessages.probeFails(add, passes, failed), add, null, IssueCodes.DEVICE_PROBE_FAILS,
					typeName(add), String.valueOf(failed.first()), String.valueOf(failed.last()),
					String.valueOf(failed.errno()));
		}
	}

	@Check(CheckType.FAST)
	public void devicesKeepPerQueueVectors(AddEvent add) {
		List<EventOutcome> passes = outcomesOf(add);
		DeviceRuns runs = DeviceRuns.of(passes);
		DeviceRuns.Run shared = runs.firstShared();
		DeviceRuns.Run intx = runs.firstIntx();
		if (shared != null) {
			warning(CapacityMessages.fallsBackToShared(add, passes, shared), add, null, IssueCodes.FALLBACK_SHARED_MSIX,
					typeName(add), String.valueOf(shared.first()), String.valueOf(shared.last()));
		}
		if (intx != null) {
			warning(CapacityMessages.fallsBackToIntx(add, passes, intx), add, null, IssueCodes.FALLBACK_INTX,
					typeName(add), String.valueOf(intx.first()), String.valueOf(intx.last()));
		}
	}

	@Check(CheckType.FAST)
	public void affinityHolds(AddEvent add) {
		for (EventOutcome event : outcomesOf(add)) {
			long broken = event.devices().stream().mapToLong(DeviceResult::brokenAffinities).sum();
			if (broken > 0) {
				warning(CapacityMessages.affinityBroken(event, broken), add, null, IssueCodes.AFFINITY_BROKEN);
				return;
			}
		}
	}

	@Check(CheckType.FAST)
	public void cpusGoOfflineAndOnline(CpuEvent cpuEvent) {
		for (EventOutcome event : outcomesOf(cpuEvent)) {
			for (CpuHotplugResult result : event.cpuChanges()) {
				if (result.refused()) {
					warning(CapacityMessages.hotplugRefused(result, cpuEvent.getAction() == CpuAction.ONLINE), cpuEvent,
							Literals.CPU_EVENT__CPUS,
							IssueCodes.CPU_OFFLINE_REFUSED, String.valueOf(result.cpu()));
					return;
				}
			}
		}
		List<CpuHotplugResult> done = outcomesOf(cpuEvent).stream().flatMap(e -> e.cpuChanges().stream()).toList();
		if (!done.isEmpty()) {
			info(CapacityMessages.hotplugDone(done, cpuEvent.getAction() == CpuAction.ONLINE), cpuEvent,
					Literals.CPU_EVENT__CPUS, IssueCodes.CPU_HOTPLUG_DONE);
		}
	}

	@Check(CheckType.NORMAL)
	public void headroomAtTheEnd(Scenario scenario) {
		if (hasSyntaxErrors(scenario)) {
			return;
		}
		ScenarioOutcome outcome = outcomeOf(scenario);
		if (!outcome.simulated()) {
			return;
		}
		Map<DeviceType, AddEvent> types = new LinkedHashMap<>();
		outcome.events().stream().map(EventOutcome::event).filter(AddEvent.class::isInstance).map(AddEvent.class::cast)
				.filter(add -> add.getType() != null && !add.getType().eIsProxy())
				.forEach(add -> types.putIfAbsent(add.getType(), add));
		if (types.isEmpty()) {
			return;
		}
		// the types share one budget: a scenario of 16 device types must not take 16 times as long
		long work = SimulationBudget.DEFAULT_WORK / types.size();
		List<String> parts = types.keySet().stream()
				.map(type -> Headroom.describe(outcome, type, work, getCancelIndicator()::isCanceled))
				.toList();
		info(CapacityMessages.headroom(outcome, parts), scenario, Literals.ELEMENT__NAME, IssueCodes.HEADROOM);
	}

	private List<EventOutcome> outcomesOf(Event event) {
		Scenario scenario = ScenarioValidator.scenarioOf(event);
		if (scenario == null || hasSyntaxErrors(scenario)) {
			return List.of();
		}
		ScenarioOutcome outcome = outcomeOf(scenario);
		return outcome.events().stream().filter(each -> each.event() == event).toList();
	}

	private ScenarioOutcome outcomeOf(Scenario scenario) {
		try {
			return simulations.outcome(scenario, getCancelIndicator());
		} catch (ScenarioRunner.Cancelled e) {
			cancellation.throwOperationCanceledException();
			throw e;
		}
	}

	private static String typeName(AddEvent add) {
		return add.getType() == null ? "" : add.getType().getName();
	}
}
