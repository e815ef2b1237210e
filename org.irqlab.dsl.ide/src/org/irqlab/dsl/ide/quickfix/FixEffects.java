package org.irqlab.dsl.ide.quickfix;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.InterruptPath;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * What a quick fix would do, found by simulating the model with the fix applied: a fix is offered only when
 * it changes how the `add`'s devices end, and its label says how ("all 512 probe, 14,057 free"). The edited
 * text is parsed into a resource set of its own, with the other files the scenario refers to, so nothing of
 * the workspace changes.
 */
public class FixEffects {

	/** How the devices of one `add` end, and the free vectors once the scenario is done. */
	public record Effect(int devices, int perQueue, int shared, int intx, int failed, long free) {

		/** Whether this is better for the add than {@code before}: fewer fail, or more keep their queues. */
		boolean better(Effect before) {
			return failed < before.failed || failed == before.failed && perQueue > before.perQueue;
		}

		/** "all 512 probe per-queue, 14,057 free", "480 probe (300 per-queue, 180 shared), 32 fail, 12 free". */
		String describe() {
			String outcome;
			if (failed == 0 && perQueue == devices) {
				outcome = "all " + devices + " get per-queue vectors";
			} else if (failed == 0) {
				outcome = "all " + devices + " probe (" + mix() + ")";
			} else {
				outcome = (devices - failed) + " of " + devices + " probe" + (devices - failed > 0 ? " (" + mix() + ")" : "")
						+ ", " + failed + " fail";
			}
			return outcome + ", " + String.format("%,d", free) + " free";
		}

		private String mix() {
			StringBuilder text = new StringBuilder();
			append(text, perQueue, "per-queue");
			append(text, shared, "shared");
			append(text, intx, "INTx");
			return text.toString();
		}

		private static void append(StringBuilder text, int count, String what) {
			if (count > 0) {
				text.append(text.length() > 0 ? ", " : "").append(count).append(' ').append(what);
			}
		}
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private ScenarioSimulations simulations;

	@Inject
	private EObjectAtOffsetHelper offsets;

	@Inject
	private IResourceScopeCache cache;

	/** How the add ends as the model stands. */
	public Effect now(AddEvent add) {
		Scenario scenario = EcoreUtil2.getContainerOfType(add, Scenario.class);
		return scenario == null ? null : effect(simulations.outcome(scenario, CancelIndicator.NullImpl), add);
	}

	/**
	 * How the add at {@code addOffset} of {@code resource} ends once {@code fix} is applied, or null when the
	 * fixed model cannot be simulated.
	 */
	public Effect after(XtextResource resource, AddEvent add, QuickFix fix) {
		// two diagnostics on one add ask for the same fixes: each is simulated once per state of the model
		return cache.get(Tuples.pair(FixEffects.class, fix.edits()), resource, () -> simulate(resource, add, fix));
	}

	private Effect simulate(XtextResource resource, AddEvent add, QuickFix fix) {
		String text = resource.getParseResult().getRootNode().getText();
		int addOffset = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(add).getOffset();
		XtextResourceSet set = resourceSets.get();
		try {
			for (Resource other : referencedResources(add)) {
				if (other != resource && other instanceof XtextResource xtext && xtext.getParseResult() != null) {
					load(set, other.getURI(), xtext.getParseResult().getRootNode().getText());
				}
			}
			XtextResource fixed = load(set, resource.getURI(), fix.applyTo(text));
			EObject at = offsets.resolveContainedElementAt(fixed, shifted(addOffset, fix));
			AddEvent fixedAdd = EcoreUtil2.getContainerOfType(at, AddEvent.class);
			Scenario scenario = EcoreUtil2.getContainerOfType(fixedAdd, Scenario.class);
			if (fixedAdd == null || scenario == null) {
				return null;
			}
			ScenarioOutcome outcome = simulations.outcome(scenario, CancelIndicator.NullImpl);
			return outcome.simulated() ? effect(outcome, fixedAdd) : null;
		} catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static Effect effect(ScenarioOutcome outcome, AddEvent add) {
		if (!outcome.simulated()) {
			return null;
		}
		int devices = 0;
		int perQueue = 0;
		int shared = 0;
		int intx = 0;
		int failed = 0;
		long free = 0;
		for (EventOutcome event : outcome.events()) {
			if (event.after() != null) {
				free = event.after().globalAvailable();
			}
			if (event.event() != add) {
				continue;
			}
			for (DeviceResult device : event.devices()) {
				devices++;
				InterruptPath path = device.path();
				switch (path) {
					case PER_QUEUE_MSIX_MANAGED, PER_QUEUE_MSIX_UNMANAGED -> perQueue++;
					case SHARED_MSIX -> shared++;
					case INTX -> intx++;
					default -> failed++;
				}
			}
		}
		return new Effect(devices, perQueue, shared, intx, failed, free);
	}

	/** The resources of the machine and device types the scenario around the add refers to. */
	private static Set<Resource> referencedResources(AddEvent add) {
		Set<Resource> resources = new LinkedHashSet<>();
		Scenario scenario = EcoreUtil2.getContainerOfType(add, Scenario.class);
		if (scenario == null) {
			return resources;
		}
		for (EObject target : scenario.eCrossReferences()) {
			if (target.eResource() != null) {
				resources.add(target.eResource());
			}
		}
		scenario.eAllContents().forEachRemaining(each -> {
			for (EObject target : each.eCrossReferences()) {
				if (target.eResource() != null) {
					resources.add(target.eResource());
				}
			}
		});
		return resources;
	}

	private static XtextResource load(XtextResourceSet set, URI uri, String text) throws IOException {
		XtextResource resource = (XtextResource) set.createResource(uri);
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), set.getLoadOptions());
		return resource;
	}

	/** Where an offset of the original text lies once the fix's edits before it are applied. */
	private static int shifted(int offset, QuickFix fix) {
		int shift = 0;
		for (TextEdit edit : fix.edits()) {
			if (edit.offset() + edit.length() <= offset) {
				shift += edit.text().length() - edit.length();
			}
		}
		return offset + shift;
	}
}
