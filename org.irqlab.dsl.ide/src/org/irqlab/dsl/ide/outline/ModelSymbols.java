package org.irqlab.dsl.ide.outline;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.irqlab.dsl.model.CpusSetting;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Element;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.model.KernelSetting;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.MachineSetting;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.MachineTranslator;

/**
 * The outline of a model: machines, device types, scenarios and their events. The Eclipse Outline
 * view and the language server's document symbols are both built from it.
 */
public class ModelSymbols {

	public enum Kind {
		MACHINE, DEVICE_TYPE, SCENARIO, EVENT
	}

	/**
	 * @param offset     where the whole element starts
	 * @param nameOffset where its name (or, for events, its first word) starts: what selecting it highlights
	 */
	public record Symbol(String name, String detail, Kind kind, int offset, int length, int nameOffset, int nameLength,
			List<Symbol> children) {
	}

	public List<Symbol> of(XtextResource resource) {
		List<Symbol> result = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
			return result;
		}
		for (Element element : model.getElements()) {
			if (element.getName() == null) {
				continue;
			}
			if (element instanceof Machine machine) {
				result.add(named(machine, Kind.MACHINE, machineDetail(machine), List.of()));
			} else if (element instanceof DeviceType type) {
				result.add(named(type, Kind.DEVICE_TYPE, type.getDriver().getLiteral(), List.of()));
			} else if (element instanceof Scenario scenario) {
				String on = scenario.getMachine() == null || scenario.getMachine().eIsProxy() ? ""
						: "on " + scenario.getMachine().getName();
				result.add(named(scenario, Kind.SCENARIO, on, events(scenario.getEvents())));
			}
		}
		return result;
	}

	private static List<Symbol> events(List<Event> events) {
		List<Symbol> result = new ArrayList<>();
		for (Event event : events) {
			INode node = NodeModelUtils.findActualNodeFor(event);
			if (node == null) {
				continue;
			}
			List<Symbol> children = event instanceof RepeatEvent repeat ? events(repeat.getEvents()) : List.of();
			String name = event instanceof RepeatEvent repeat ? "repeat " + repeat.getTimes()
					: NodeModelUtils.getTokenText(node);
			result.add(new Symbol(name, "", Kind.EVENT, node.getOffset(), node.getLength(), node.getOffset(),
					Math.min(node.getLength(), name.length()), children));
		}
		return result;
	}

	private static Symbol named(EObject element, Kind kind, String detail, List<Symbol> children) {
		INode node = NodeModelUtils.findActualNodeFor(element);
		List<INode> names = NodeModelUtils.findNodesForFeature(element, Literals.ELEMENT__NAME);
		INode name = names.isEmpty() ? node : names.get(0);
		return new Symbol(NodeModelUtils.getTokenText(name), detail, kind, node.getOffset(), node.getLength(),
				name.getOffset(), name.getLength(), children);
	}

	private static String machineDetail(Machine machine) {
		List<String> parts = new ArrayList<>();
		for (MachineSetting setting : machine.getSettings()) {
			if (setting instanceof KernelSetting kernel) {
				parts.add(String.valueOf(MachineTranslator.textOf(kernel)));
			} else if (setting instanceof CpusSetting cpus) {
				parts.add(cpus.getCount() + " CPUs");
			}
		}
		return String.join(", ", parts);
	}
}
