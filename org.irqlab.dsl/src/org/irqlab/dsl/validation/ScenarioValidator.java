package org.irqlab.dsl.validation;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Check;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.RemoveEvent;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.parser.RepeatNesting;
import org.irqlab.dsl.simulation.CpuLists;
import org.irqlab.dsl.simulation.MachineTranslator;

/** A scenario's events must be things one can do to the machine. */
public class ScenarioValidator extends IrqLabCheckBase {

	@Check
	public void addAddsDevices(AddEvent add) {
		if (isWritten(add, Literals.ADD_EVENT__COUNT) && add.getCount() < 1) {
			error("an `add` adds at least one device", add, Literals.ADD_EVENT__COUNT, IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void namedAddAddsOneDevice(AddEvent add) {
		if (add.getName() != null && add.getCount() > 1) {
			error("a named device is one device: drop the count or the name", add, Literals.ADD_EVENT__NAME,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void removeRemovesDevices(RemoveEvent remove) {
		if (isWritten(remove, Literals.REMOVE_EVENT__COUNT) && remove.getCount() < 1) {
			error("a `remove` removes at least one device", remove, Literals.REMOVE_EVENT__COUNT,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void repeatRepeats(RepeatEvent repeat) {
		if (isWritten(repeat, Literals.REPEAT_EVENT__TIMES) && repeat.getTimes() < 1) {
			error("a `repeat` runs its events at least once", repeat, Literals.REPEAT_EVENT__TIMES,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	/**
	 * The parser did not read the body of a repeat nested deeper than the limit (see RepeatNesting):
	 * the outermost such repeat gets the error, on its keyword.
	 */
	@Check
	public void repeatsNestAtMostTheLimit(RepeatEvent repeat) {
		if (!RepeatNesting.isOutermostTooDeep(repeat)) {
			return;
		}
		String message = "repeat blocks nest at most " + RepeatNesting.MAX_DEPTH + " deep";
		String limit = Integer.toString(RepeatNesting.MAX_DEPTH);
		ICompositeNode node = NodeModelUtils.getNode(repeat);
		if (node != null) {
			for (ILeafNode leaf : node.getLeafNodes()) {
				if (!leaf.isHidden()) {
					acceptError(message, repeat, leaf.getOffset(), leaf.getLength(), IssueCodes.REPEAT_NESTED_TOO_DEEP, limit);
					return;
				}
			}
		}
		error(message, repeat, null, IssueCodes.REPEAT_NESTED_TOO_DEEP, limit);
	}

	@Check
	public void hotplugCpusAreOnTheMachine(CpuEvent event) {
		Machine machine = scenarioOf(event).getMachine();
		if (machine == null || machine.eIsProxy()) {
			return;
		}
		int cpus = MachineTranslator.cpuCountOf(machine);
		try {
			int highest = CpuLists.highest(event.getCpus());
			if (cpus > 0 && highest >= cpus) {
				error("CPU " + highest + " is outside machine " + machine.getName() + " (CPUs 0-" + (cpus - 1) + ")",
						event, Literals.CPU_EVENT__CPUS, IssueCodes.CPU_OUT_OF_RANGE);
			}
		} catch (IllegalArgumentException e) {
			error(e.getMessage(), event, Literals.CPU_EVENT__CPUS, IssueCodes.MALFORMED_CPU_LIST);
		}
	}

	static Scenario scenarioOf(org.eclipse.emf.ecore.EObject object) {
		org.eclipse.emf.ecore.EObject current = object;
		while (current != null && !(current instanceof Scenario)) {
			current = current.eContainer();
		}
		return (Scenario) current;
	}
}
