package org.irqlab.dsl.simulation;

import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
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
}
