package org.irqlab.dsl.simulation;

import java.util.List;

import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.irqlab.dsl.model.Scenario;

/**
 * A scenario run to its end, or stopped for a reason the user must see.
 *
 * @param simulation the simulated machine after the last event, for what-if questions (copy before changing it)
 * @param problem    why the scenario could not be simulated, or null
 * @param reason     the kind of that problem, or null when simulated
 */
public record ScenarioOutcome(Scenario scenario, MachineSpec machine, List<EventOutcome> events, MatrixSnapshot start,
		MatrixSnapshot end, Simulation simulation, String problem, NotSimulated reason) {

	/** Why a scenario was not simulated. */
	public enum NotSimulated {
		/** The scenario names no machine, or one that does not resolve. */
		NO_MACHINE,
		/** The model holds values no kernel would accept (SimulableModel). */
		NOT_SIMULABLE,
		/** The run would exceed the simulation budget of the editor. */
		TOO_LARGE,
		/** The kernel would not boot the machine as written. */
		MACHINE_DOES_NOT_BOOT,
		/** The simulator itself failed: a bug in IrqLab. */
		SIMULATOR_FAILED
	}

	public static ScenarioOutcome notSimulated(Scenario scenario, NotSimulated reason, String problem) {
		return new ScenarioOutcome(scenario, null, List.of(), null, null, null, problem, reason);
	}

	public boolean simulated() {
		return problem == null;
	}
}
