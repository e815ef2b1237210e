package org.irqlab.dsl.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.irqlab.kernel.AsyncProbeBounds;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.IrqbalanceResult;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.BalanceEvent;
import org.irqlab.dsl.model.BindEvent;
import org.irqlab.dsl.model.CpuAction;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.model.RemoveEvent;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.Scenario;

/** Plays a scenario's events, in order, on a freshly booted simulated machine. */
public final class ScenarioRunner {

	/** Thrown when the caller cancelled the run (the user typed again). */
	public static final class Cancelled extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Cancelled() {
			super("simulation cancelled", null, false, false);
		}
	}

	private final SimulationBudget budget;
	private final BooleanSupplier cancelled;
	private BiConsumer<EventOutcome, Simulation> observer = (event, simulation) -> {
	};

	public ScenarioRunner(SimulationBudget budget, BooleanSupplier cancelled) {
		this.budget = budget;
		this.cancelled = cancelled;
	}

	/**
	 * Shows {@code observer} the simulation after each event (each pass of a repeated one), for reports
	 * that print every step; it must only read the simulation (snapshot, counters), never change it.
	 */
	public ScenarioRunner observeEvents(BiConsumer<EventOutcome, Simulation> observer) {
		this.observer = observer;
		return this;
	}

	/** Runs the scenario; a model that cannot be simulated gives an outcome with a problem, never an exception. */
	public ScenarioOutcome run(Scenario scenario) {
		if (scenario.getMachine() == null || scenario.getMachine().eIsProxy()) {
			return ScenarioOutcome.notSimulated(scenario, ScenarioOutcome.NotSimulated.NO_MACHINE,
					"the scenario's machine is not defined");
		}
		String unsimulable = SimulableModel.check(scenario);
		if (unsimulable != null) {
			return ScenarioOutcome.notSimulated(scenario, ScenarioOutcome.NotSimulated.NOT_SIMULABLE, unsimulable);
		}
		String tooLarge = budget.check(scenario);
		if (tooLarge != null) {
			return ScenarioOutcome.notSimulated(scenario, ScenarioOutcome.NotSimulated.TOO_LARGE, tooLarge);
		}
		MachineSpec machine;
		Simulation simulation;
		try {
			machine = MachineTranslator.translate(scenario.getMachine());
			simulation = new Simulation(machine);
		} catch (IllegalArgumentException e) {
			// the kernel refuses to boot what the machine describes (a load that does not fit, counters of another host)
			return ScenarioOutcome.notSimulated(scenario, ScenarioOutcome.NotSimulated.MACHINE_DOES_NOT_BOOT,
					"machine " + scenario.getMachine().getName()
					+ " cannot boot as written: " + e.getMessage());
		}
		MatrixSnapshot start = simulation.snapshot();
		Playback playback = new Playback(simulation);
		for (Event event : scenario.getEvents()) {
			playback.play(event, 0);
		}
		return new ScenarioOutcome(scenario, machine, List.copyOf(playback.outcomes), start, simulation.snapshot(),
				simulation, null, null);
	}

	/** The state of one run: outcomes so far and the devices present, by type and by name. */
	private final class Playback {
		private final Simulation simulation;
		private final List<EventOutcome> outcomes = new ArrayList<>();
		private final Map<DeviceType, Deque<String>> presentByType = new HashMap<>();
		private final Map<AddEvent, String> namedDevices = new HashMap<>();
		private final Map<DeviceType, DeviceSpec> specs = new HashMap<>();
		private final Map<Event, Integer> passes = new HashMap<>();

		Playback(Simulation simulation) {
			this.simulation = simulation;
		}

		void play(Event event, int depth) {
			checkCancelled();
			if (event instanceof RepeatEvent repeat) {
				for (int i = 0; i < repeat.getTimes(); i++) {
					for (Event each : repeat.getEvents()) {
						play(each, depth + 1);
					}
				}
				return;
			}
			int pass = passes.merge(event, 1, Integer::sum) - 1;
			if (event instanceof AddEvent add) {
				add(add, pass);
			} else if (event instanceof RemoveEvent remove) {
				remove(remove, pass);
			} else if (event instanceof BindEvent bind) {
				bind(bind, pass);
			} else if (event instanceof CpuEvent cpu) {
				hotplug(cpu, pass);
			} else if (event instanceof BalanceEvent balance) {
				balance(balance, pass);
			}
		}

		private void add(AddEvent add, int pass) {
			DeviceType type = add.getType();
			if (type == null || type.eIsProxy()) {
				return;
			}
			DeviceSpec spec = specs.computeIfAbsent(type, DeviceTranslator::translate);
			int count = add.getCount() > 0 ? add.getCount() : 1;
			AsyncProbeBounds bounds = null;
			Simulation atOnce = null;
			if (SimulationBudget.probesAsynchronously(add)) {
				atOnce = simulation.copy();
			}
			List<DeviceResult> results = new ArrayList<>(count);
			EventOutcome.Degradation firstDegraded = null;
			for (int i = 0; i < count; i++) {
				checkCancelled();
				DeviceResult result = simulation.addDevice(spec);
				if (firstDegraded == null && isDegraded(result)) {
					firstDegraded = new EventOutcome.Degradation(i, simulation.snapshot());
				}
				results.add(result);
				presentByType.computeIfAbsent(type, t -> new ArrayDeque<>()).addLast(result.name());
			}
			if (add.getName() != null && !results.isEmpty()) {
				namedDevices.put(add, results.get(results.size() - 1).name());
			}
			if (atOnce != null) {
				checkCancelled();
				// the devices are played one by one, the best order; the worst order bounds the other side
				bounds = AsyncProbeBounds.of(count, atOnce.addNvmeControllersAtOnce(spec, count), results);
			}
			record(bounds == null ? EventOutcome.ofDevices(add, pass, results, firstDegraded, simulation.counters())
					: EventOutcome.ofAsyncProbes(add, pass, results, firstDegraded, simulation.counters(), bounds));
		}

		private void remove(RemoveEvent remove, int pass) {
			List<DeviceResult> results = new ArrayList<>();
			if (remove.getDevice() != null) {
				String name = namedDevices.remove(remove.getDevice());
				if (name != null) {
					forgetPresent(name);
					results.add(simulation.removeDevice(name));
				}
			} else if (remove.getType() != null) {
				Deque<String> present = presentByType.getOrDefault(remove.getType(), new ArrayDeque<>());
				for (int i = 0; i < remove.getCount() && !present.isEmpty(); i++) {
					checkCancelled();
					String name = present.removeLast();
					namedDevices.values().remove(name);
					results.add(simulation.removeDevice(name));
				}
			}
			record(EventOutcome.ofDevices(remove, pass, results, null, simulation.counters()));
		}

		private void forgetPresent(String name) {
			for (Deque<String> names : presentByType.values()) {
				names.remove(name);
			}
		}

		private void bind(BindEvent bind, int pass) {
			String name = namedDevices.get(bind.getDevice());
			List<DeviceResult> results = new ArrayList<>();
			if (name != null) {
				results.add(switch (bind.getAction()) {
					case BIND -> simulation.bind(name);
					case UNBIND -> simulation.unbind(name);
				});
			}
			record(EventOutcome.ofDevices(bind, pass, results, null, simulation.counters()));
		}

		private void hotplug(CpuEvent event, int pass) {
			List<CpuHotplugResult> results = new ArrayList<>();
			for (int cpu : CpuSet.parse(event.getCpus()).toArray()) {
				checkCancelled();
				if (cpu >= simulation.machine().nrCpuIds()) {
					continue;
				}
				results.add(event.getAction() == CpuAction.OFFLINE ? simulation.offlineCpu(cpu) : simulation.onlineCpu(cpu));
			}
			record(EventOutcome.ofCpuChanges(event, pass, results, simulation.counters()));
		}

		private void balance(BalanceEvent event, int pass) {
			List<IrqbalanceResult> results = new ArrayList<>();
			int passes = event.getPasses() > 0 ? event.getPasses() : 1;
			for (int i = 0; i < passes; i++) {
				checkCancelled();
				results.add(simulation.runIrqbalance());
			}
			record(EventOutcome.ofBalance(event, pass, results, simulation.counters()));
		}

		private void record(EventOutcome outcome) {
			outcomes.add(outcome);
			observer.accept(outcome, simulation);
		}

		private void checkCancelled() {
			if (cancelled.getAsBoolean()) {
				throw new Cancelled();
			}
		}
	}

	/** A device that asked for one vector per queue and got less: shared MSI-X, INTx, or nothing. */
	static boolean isDegraded(DeviceResult result) {
		return result.path() == InterruptPath.SHARED_MSIX || result.path() == InterruptPath.INTX
				|| result.path() == InterruptPath.PROBE_FAILED;
	}
}
