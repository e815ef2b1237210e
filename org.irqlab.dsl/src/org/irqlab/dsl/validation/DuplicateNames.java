package org.irqlab.dsl.validation;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.validation.NamesAreUniqueValidationHelper;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;

/**
 * Says which name is taken twice and where, in the language's words ("machine m: the name m is declared
 * twice in package lab"), instead of Xtext's "Duplicate Element 'm' in Model 'null'".
 */
public class DuplicateNames extends NamesAreUniqueValidationHelper {

	@Override
	public String getDuplicateNameErrorMessage(IEObjectDescription description, EClass clusterType,
			EStructuralFeature feature) {
		EObject object = description.getEObjectOrProxy();
		String name = String.valueOf(feature != null ? object.eGet(feature) : description.getName());
		return kindOf(object) + " " + name + ": the name " + name + " is declared twice " + scopeOf(object);
	}

	private static String kindOf(EObject object) {
		if (object instanceof Machine) {
			return "machine";
		}
		if (object instanceof DeviceType) {
			return "device type";
		}
		if (object instanceof Scenario) {
			return "scenario";
		}
		if (object instanceof AddEvent) {
			return "device";
		}
		return object.eClass().getName();
	}

	private static String scopeOf(EObject object) {
		if (object instanceof AddEvent) {
			Scenario scenario = EcoreUtil2.getContainerOfType(object, Scenario.class);
			return scenario == null ? "in this scenario" : "in scenario " + scenario.getName();
		}
		Model model = EcoreUtil2.getContainerOfType(object, Model.class);
		return model == null || model.getName() == null ? "in this file" : "in package " + model.getName();
	}
}
