package org.irqlab.dsl.simulation;

import java.util.function.BooleanSupplier;

import org.irqlab.dsl.model.Scenario;

/**
 * Runs a scenario so that nothing the simulator does can escape as an exception into the editor or
 * the command line: a failure becomes an outcome with a problem the validator reports. Only a
 * cancellation passes through, since the caller asked for it.
 */
public final class SafeSimulator {

	private SafeSimulator() {
	}

	public static ScenarioOutcome run(Scenario scenario, SimulationBudget budget, BooleanSupplier cancelled) {
		try {
			return new ScenarioRunner(budget, cancelled).run(scenario);
		} catch (ScenarioRunner.Cancelled e) {
			throw e;
		} catch (RuntimeException | StackOverflowError e) {
			return ScenarioOutcome.notSimulated(scenario, ScenarioOutcome.NotSimulated.SIMULATOR_FAILED,
					"IrqLab's simulator failed on this scenario ("
					+ e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
					+ "); please report it with the model");
		}
	}
}
