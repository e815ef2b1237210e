package org.irqlab.dsl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IFragmentProvider;
import org.eclipse.xtext.util.IResourceScopeCache;

import com.google.inject.Inject;

/**
 * EMF's own URI fragments ("//@elements.1234/@settings.0"), computed without EMF's search of the
 * model's top-level list for every object: that search made a model of 100,000 machines, devices and
 * scenarios quadratic (every exported name and every cross-reference asks for a fragment). The index
 * of each top-level element is kept per resource state, forgotten on any change, like Xtext's other
 * caches; anything unusual is left to EMF.
 */
public class IrqLabFragmentProvider implements IFragmentProvider {

	private static final String KEY = "org.irqlab.dsl.topLevelFragments";

	@Inject
	private IResourceScopeCache cache;

	@Override
	public String getFragment(EObject object, Fallback fallback) {
		Resource resource = object.eResource();
		if (resource == null || resource.getContents().size() != 1) {
			return fallback.getFragment(object);
		}
		EObject root = resource.getContents().get(0);
		Deque<String> segments = new ArrayDeque<>();
		EObject current = object;
		while (current.eContainer() != null && current.eContainer() != root) {
			segments.addFirst(((InternalEObject) current.eContainer()).eURIFragmentSegment(current.eContainingFeature(), current));
			current = current.eContainer();
		}
		if (current == root || current.eContainer() != root) {
			return fallback.getFragment(object);
		}
		Map<EObject, String> topLevel = cache.get(KEY, resource, () -> topLevel(root));
		String segment = topLevel.get(current);
		if (segment == null) {
			return fallback.getFragment(object);
		}
		segments.addFirst(segment);
		return "//" + String.join("/", segments);
	}

	/** Each direct child of the root with its segment, as EMF writes it ("@elements.7"), or empty when EMF would write others. */
	private static Map<EObject, String> topLevel(EObject root) {
		Map<EObject, String> segments = new IdentityHashMap<>();
		InternalEObject internal = (InternalEObject) root;
		for (EReference feature : root.eClass().getEAllContainments()) {
			Object value = root.eGet(feature);
			if (feature.isMany()) {
				List<?> list = (List<?>) value;
				for (int i = 0; i < list.size(); i++) {
					segments.put((EObject) list.get(i), "@" + feature.getName() + "." + i);
				}
			} else if (value != null) {
				segments.put((EObject) value, "@" + feature.getName());
			}
		}
		// the same text as EMF's, or EMF's own on every call (IDs or keys would change the segments)
		for (Map.Entry<EObject, String> each : segments.entrySet()) {
			if (!each.getValue().equals(internal.eURIFragmentSegment(each.getKey().eContainingFeature(), each.getKey()))) {
				return Map.of();
			}
			break;
		}
		return segments;
	}

	@Override
	public EObject getEObject(Resource resource, String fragment, Fallback fallback) {
		return fallback.getEObject(fragment);
	}
}
