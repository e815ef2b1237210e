package org.irqlab.dsl.findings;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * One thing the simulation found, on the statement that causes it.
 *
 * @param source  the model element the finding sits on (an `add`, a CPU event, a scenario)
 * @param feature the element's feature to underline, or null for the whole element
 * @param data    the issue data quick fixes read (see {@link FindingKind})
 */
public record Finding(FindingKind kind, EObject source, EStructuralFeature feature, String message, List<String> data) {
}
