package org.irqlab.dsl.ide.server;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.irqlab.dsl.ide.hover.AddEventDescription;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.MatrixSnapshot;

import com.google.inject.Inject;

/**
 * The figures an author otherwise hovers for, written after the line: at the end of each `add`, how its
 * devices ended (per-queue, shared, INTx, failed), the slots each took and the free vectors left; after a
 * machine's name, the slots each CPU offers and the total. Every figure comes from the scenario's
 * simulation that the validator and the hover already ran ({@link AddEventDescription},
 * {@link ScenarioSimulations}); a model with syntax errors gets none, as it is not simulated.
 */
public class IrqLabInlayHints {

	@Inject
	private AddEventDescription adds;

	@Inject
	private ScenarioSimulations simulations;

	public List<InlayHint> hints(Document document, XtextResource resource, Range range, CancelIndicator cancel) {
		List<InlayHint> hints = new ArrayList<>();
		if (resource.getParseResult() == null || !resource.getErrors().isEmpty()) {
			return hints;
		}
		int from = offset(document, range == null ? null : range.getStart(), 0);
		int to = offset(document, range == null ? null : range.getEnd(), document.getContents().length());
		for (var contents = resource.getAllContents(); contents.hasNext() && !cancel.isCanceled();) {
			EObject object = contents.next();
			if (object instanceof Machine machine) {
				hint(document, endOf(machine, Literals.ELEMENT__NAME), from, to, () -> machineLabel(machine, cancel), hints);
			} else if (object instanceof AddEvent add) {
				hint(document, endOf(add, null), from, to, () -> addLabel(add, cancel), hints);
			}
		}
		return hints;
	}

	private static void hint(Document document, int at, int from, int to, Supplier<String> label,
			List<InlayHint> hints) {
		if (at < from || at > to) {
			return;
		}
		String text = label.get();
		if (text != null) {
			InlayHint hint = new InlayHint(document.getPosition(at), Either.forLeft(text));
			hint.setPaddingLeft(true);
			hints.add(hint);
		}
	}

	/** `190 per-queue (81 slots each), 101 shared (1 slot each), 221 failed; 1 free vector left` */
	private String addLabel(AddEvent add, CancelIndicator cancel) {
		AddEventDescription.Outcome outcome = adds.outcome(add, cancel);
		if (outcome == null) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		for (Map.Entry<InterruptPath, List<DeviceResult>> group : outcome.byPath().entrySet()) {
			String part = group.getValue().size() + " " + shortName(group.getKey());
			if (group.getKey() != InterruptPath.PROBE_FAILED) {
				IntSummaryStatistics slots = AddEventDescription.slotsOf(group.getValue());
				part += " (" + (slots.getMin() == slots.getMax() ? String.valueOf(slots.getMin())
						: slots.getMin() + "-" + slots.getMax()) + (slots.getMax() == 1 ? " slot" : " slots")
						+ (group.getValue().size() == 1 ? ")" : " each)");
			}
			parts.add(part);
		}
		return String.join(", ", parts) + "; " + outcome.freeAfter()
				+ (outcome.freeAfter() == 1 ? " free vector left" : " free vectors left");
	}

	/** `201 slots per CPU × 80 CPUs = 16080 usable, 15296 free at boot` */
	private String machineLabel(Machine machine, CancelIndicator cancel) {
		ScenarioOutcome boot;
		try {
			boot = simulations.boot(machine, cancel);
		} catch (ScenarioRunner.Cancelled e) {
			return null;
		}
		if (!boot.simulated()) {
			return null;
		}
		MatrixSnapshot start = boot.start();
		int online = start.onlineMaps();
		return start.usablePerCpu() + " slots per CPU \u00d7 " + online + (online == 1 ? " CPU" : " CPUs") + " = "
				+ (long) start.usablePerCpu() * online + " usable, " + start.globalAvailable() + " free at boot";
	}

	private static String shortName(InterruptPath path) {
		return switch (path) {
			case PER_QUEUE_MSIX_MANAGED -> "per-queue";
			case PER_QUEUE_MSIX_UNMANAGED -> "per-queue (not managed)";
			case SHARED_MSIX -> "shared";
			case INTX -> "INTx";
			case PROBE_FAILED -> "failed";
			case UNBOUND -> "unbound";
		};
	}

	/** End of the element's feature (its whole text when null), or -1. */
	private static int endOf(EObject object, EStructuralFeature feature) {
		INode node = feature == null ? NodeModelUtils.findActualNodeFor(object)
				: NodeModelUtils.findNodesForFeature(object, feature).stream().findFirst().orElse(null);
		if (node == null) {
			return -1;
		}
		ITextRegion region = node.getTextRegion();
		return region.getOffset() + region.getLength();
	}

	private static int offset(Document document, Position position, int otherwise) {
		if (position == null) {
			return otherwise;
		}
		try {
			return document.getOffSet(position);
		} catch (IndexOutOfBoundsException e) {
			// a client may ask for a range beyond the last line
			return otherwise == 0 ? 0 : document.getContents().length();
		}
	}
}
