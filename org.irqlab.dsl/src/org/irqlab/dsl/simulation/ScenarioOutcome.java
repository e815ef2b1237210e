package org.irqlab.dsl.simulation;

import java.util.List;

import org.irqlab.dsl.kernel.Machine;
import org.irqlab.dsl.kernel.MatrixSnapshot;
import org.irqlab.dsl.kernel.Simulation;
import org.irqlab.dsl.model.Scenario;

/**
 * A scenario run to its end, or stopped for a reason the user must see.
 *
 * @param simulation the simulated machine after the last event, for what-if questions (copy before changing it)
 * @param problem    why the scenario could not be simulated, or null
 */
public record ScenarioOutcome(Scenario scenario, Machine machine, List<EventOutcome> events, MatrixSnapshot start,
		MatrixSnapshot end, Simulation simulation, String problem) {

	public static ScenarioOutcome notSimulated(Scenario scenario, String problem) {
		return new ScenarioOutcome(scenario, null, List.of(), null, null, null, problem);
	}

	public boolean simulated() {
		return problem == null;
	}
}
