package org.irqlab.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EPackage;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.irqlab.dsl.model.ModelPackage;

/** Base of the validators that {@link IrqLabValidator} composes; only the composing one registers. */
abstract class IrqLabCheckBase extends AbstractDeclarativeValidator {

	@Override
	protected List<EPackage> getEPackages() {
		return List.of(ModelPackage.eINSTANCE);
	}

	@Override
	public void register(EValidatorRegistrar registrar) {
		// composed into IrqLabValidator, which registers for the package
	}
}
