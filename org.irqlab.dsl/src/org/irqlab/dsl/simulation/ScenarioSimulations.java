package org.irqlab.dsl.simulation;

import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.ModelFactory;
import org.irqlab.dsl.model.Scenario;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The simulation of each scenario, run once per state of its resource and shared by every check,
 * hover and report that asks; any edit of the resource evicts it.
 */
@Singleton
public class ScenarioSimulations {

	private static final String KEY = "org.irqlab.dsl.scenarioOutcome";
	private static final String BOOT_KEY = "org.irqlab.dsl.bootOutcome";

	@Inject
	private IResourceScopeCache cache;

	/** Null: {@link SimulationBudget#standard()} at the time of each run. */
	private SimulationBudget budget;

	/** For tests and benchmarks that need another bound. */
	public void setBudget(SimulationBudget budget) {
		this.budget = budget;
	}

	/** @throws ScenarioRunner.Cancelled when {@code cancel} fires during the run; nothing is cached then */
	public ScenarioOutcome outcome(Scenario scenario, CancelIndicator cancel) {
		SimulationBudget bound = budget != null ? budget : SimulationBudget.standard();
		if (scenario.eResource() == null) {
			return SafeSimulator.run(scenario, bound, cancel::isCanceled);
		}
		return cache.get(Tuples.pair(KEY, scenario), scenario.eResource(),
				() -> SafeSimulator.run(scenario, bound, cancel::isCanceled));
	}

	/**
	 * The machine as it boots, before any scenario: an empty scenario run on it, so that the same checks
	 * (simulable, budget, a kernel that refuses to boot) decide whether it can be simulated; its start
	 * snapshot has the slots the machine offers. Cached per state of the machine's resource.
	 *
	 * @throws ScenarioRunner.Cancelled when {@code cancel} fires during the run
	 */
	public ScenarioOutcome boot(Machine machine, CancelIndicator cancel) {
		Scenario empty = ModelFactory.eINSTANCE.createScenario();
		empty.setName(machine.getName());
		empty.setMachine(machine);
		if (machine.eResource() == null) {
			return outcome(empty, cancel);
		}
		SimulationBudget bound = budget != null ? budget : SimulationBudget.standard();
		return cache.get(Tuples.pair(BOOT_KEY, machine), machine.eResource(),
				() -> SafeSimulator.run(empty, bound, cancel::isCanceled));
	}
}
