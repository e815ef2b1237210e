package org.irqlab.dsl.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
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

	/**
	 * Whether the user wrote a value for the feature. After a syntax error the parser leaves
	 * defaults (0) behind, which must not be reported as out of range on top of the syntax error.
	 */
	protected static boolean isWritten(EObject object, EStructuralFeature feature) {
		List<INode> nodes = NodeModelUtils.findNodesForFeature(object, feature);
		// A number the parser could not convert (too large) is reported there, once; its value stayed 0.
		return !nodes.isEmpty() && nodes.stream().noneMatch(IrqLabCheckBase::hasSyntaxError);
	}

	private static boolean hasSyntaxError(INode node) {
		if (node.getSyntaxErrorMessage() != null) {
			return true;
		}
		for (INode leaf : node.getLeafNodes()) {
			if (leaf.getSyntaxErrorMessage() != null) {
				return true;
			}
		}
		return false;
	}

	/** A model with syntax errors is partial: simulating it would predict for a machine nobody wrote. */
	protected static boolean hasSyntaxErrors(EObject object) {
		return object.eResource() != null && !object.eResource().getErrors().isEmpty();
	}
}
