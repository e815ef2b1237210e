package org.irqlab.dsl.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.RemoveEvent;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.SafeSimulator;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.SimulationBudget;

/**
 * A private copy of a scenario together with its machine and device types, rewired to each other, so
 * that a proposed fix can change them and be simulated again while the user's model stays as written.
 */
public final class WhatIf {

	private final Scenario scenario;
	private final Machine machine;
	private final Map<DeviceType, DeviceType> types;
	private final Map<EObject, EObject> copies;

	private WhatIf(Scenario scenario, Machine machine, Map<DeviceType, DeviceType> types, Map<EObject, EObject> copies) {
		this.scenario = scenario;
		this.machine = machine;
		this.types = types;
		this.copies = copies;
	}

	/** @param original a scenario whose machine resolves */
	public static WhatIf of(Scenario original) {
		EcoreUtil.Copier copier = new EcoreUtil.Copier();
		Scenario scenario = (Scenario) copier.copy(original);
		Machine machine = (Machine) copier.copy(original.getMachine());
		Map<DeviceType, DeviceType> types = new LinkedHashMap<>();
		original.eAllContents().forEachRemaining(object -> {
			DeviceType type = null;
			if (object instanceof AddEvent add) {
				type = add.getType();
			} else if (object instanceof RemoveEvent remove) {
				type = remove.getType();
			}
			if (type != null && !type.eIsProxy() && !types.containsKey(type)) {
				types.put(type, (DeviceType) copier.copy(type));
			}
		});
		copier.copyReferences();
		return new WhatIf(scenario, machine, types, copier);
	}

	public Scenario scenario() {
		return scenario;
	}

	public Machine machine() {
		return machine;
	}

	/** The copies of the device types the scenario adds or removes, keyed by the originals. */
	public Map<DeviceType, DeviceType> types() {
		return types;
	}

	/** The copy of any object of the original scenario, machine or device types. */
	@SuppressWarnings("unchecked")
	public <T extends EObject> T copyOf(T original) {
		return (T) copies.get(original);
	}

	public ScenarioOutcome run(BooleanSupplier cancelled) {
		return SafeSimulator.run(scenario, SimulationBudget.standard(), cancelled);
	}
}
