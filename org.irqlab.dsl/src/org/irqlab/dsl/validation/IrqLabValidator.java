package org.irqlab.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;
import org.eclipse.xtext.validation.NamesAreUniqueValidator;

/**
 * The language's validation: the model's own consistency (machines, device types, scenarios) and
 * what the kernel would do with it (capacity, from the simulator).
 */
@ComposedChecks(validators = { NamesAreUniqueValidator.class, MachineValidator.class, DeviceTypeValidator.class,
		ScenarioValidator.class, ImportValidator.class, CapacityValidator.class })
public class IrqLabValidator extends AbstractIrqLabValidator {
}
