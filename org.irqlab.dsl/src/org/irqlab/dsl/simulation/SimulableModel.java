package org.irqlab.dsl.simulation;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.CpuSetSetting;
import org.irqlab.dsl.model.CrashCounter;
import org.irqlab.dsl.model.CrashCountersSetting;
import org.irqlab.dsl.model.DeviceNodeSetting;
import org.irqlab.dsl.model.DeviceSetting;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.DriverParameter;
import org.irqlab.dsl.model.FirstNumberSetting;
import org.irqlab.dsl.model.IntxLinesSetting;
import org.irqlab.dsl.model.IntxSetting;
import org.irqlab.dsl.model.IrqbalanceSetting;
import org.irqlab.dsl.model.LoadItem;
import org.irqlab.dsl.model.LoadSetting;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.MachineSetting;
import org.irqlab.dsl.model.NodeSetting;
import org.irqlab.dsl.model.NodesSetting;
import org.irqlab.dsl.model.QueuesSetting;
import org.irqlab.dsl.model.RemoveEvent;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.ReservedVectorsSetting;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.model.SmtSetting;
import org.irqlab.dsl.model.SystemVectorsSetting;
import org.irqlab.dsl.parser.RepeatNesting;

/**
 * Refuses, before translation, a scenario whose machine or device types hold values no kernel would
 * boot with: CPU lists beyond the machine, 0 or 2^31 queues, vectors above 255. The validator reports
 * each of them on its own setting; simulating anyway would ask the simulator for bitmaps of 2^31 CPUs
 * or billions of queues, which ends in an exception or an editor that never answers.
 */
public final class SimulableModel {

	private static final int MAX_QUEUES = DeviceSpec.MAX_QUEUES;
	private static final int VECTORS = MachineSpec.VECTORS_PER_CPU;
	/** Far above any first dynamic irq or device index of a real boot; the simulator's tables start there. */
	static final int MAX_FIRST_NUMBER = 65535;

	private SimulableModel() {
	}

	/** @return why the scenario cannot be simulated as written, or null when it can */
	public static String check(Scenario scenario) {
		Machine machine = scenario.getMachine();
		String problem = machine(machine);
		if (problem != null) {
			return "scenario " + scenario.getName() + " is not simulated until machine " + machine.getName()
					+ " is fixed: " + problem;
		}
		// before anything walks the events recursively: the body of a repeat nested too deep was not even read
		if (RepeatNesting.deepest(scenario) > RepeatNesting.MAX_DEPTH) {
			return "scenario " + scenario.getName() + " is not simulated until its repeat blocks nest at most "
					+ RepeatNesting.MAX_DEPTH + " deep";
		}
		int cpus = MachineTranslator.cpuCountOf(machine);
		Set<DeviceType> types = new LinkedHashSet<>();
		for (EObject each : (Iterable<EObject>) scenario::eAllContents) {
			if (each instanceof CpuEvent event && (problem = cpuList(event.getCpus(), cpus)) != null) {
				return "scenario " + scenario.getName() + " is not simulated until its CPU events are fixed: " + problem;
			}
			if (each instanceof AddEvent add && add.getType() != null && !add.getType().eIsProxy()) {
				types.add(add.getType());
			}
			if (each instanceof RemoveEvent remove && remove.getType() != null && !remove.getType().eIsProxy()) {
				types.add(remove.getType());
			}
		}
		for (DeviceType type : types) {
			if ((problem = deviceType(type)) != null) {
				return "scenario " + scenario.getName() + " is not simulated until device type " + type.getName()
						+ " is fixed: " + problem;
			}
		}
		return null;
	}

	private static String machine(Machine machine) {
		int cpus = MachineTranslator.cpuCountOf(machine);
		if (!MachineSpec.CPUS.contains(cpus)) {
			return MachineSpec.CPUS.outside(cpus);
		}
		for (MachineSetting setting : machine.getSettings()) {
			String problem = machineSetting(setting, cpus);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static String machineSetting(MachineSetting setting, int cpus) {
		if (setting instanceof NodesSetting nodes) {
			return within("nodes", nodes.getCount(), 1, cpus);
		}
		if (setting instanceof NodeSetting node) {
			String problem = within("node", node.getId(), 0, cpus - 1);
			return problem != null ? problem : cpuList(node.getCpus(), cpus);
		}
		if (setting instanceof CpuSetSetting set) {
			return cpuList(set.getCpus(), cpus);
		}
		if (setting instanceof SmtSetting smt) {
			String problem = MachineSpec.SMT_THREADS.outside(smt.getThreads());
			return problem != null || cpus % smt.getThreads() == 0 ? problem
					: "smt " + smt.getThreads() + " does not divide " + cpus + " CPUs";
		}
		if (setting instanceof SystemVectorsSetting system) {
			for (int vector : system.getVectors()) {
				String problem = MachineSpec.VECTOR.outside(vector);
				if (problem != null) {
					return problem;
				}
			}
		}
		if (setting instanceof LoadSetting load) {
			return load(load, cpus);
		}
		if (setting instanceof CrashCountersSetting crash) {
			for (CrashCounter counter : crash.getCounters()) {
				String problem = within(counter.getKind().getLiteral(), counter.getValue(), 0, cpus * VECTORS);
				if (problem != null) {
					return problem;
				}
			}
		}
		if (setting instanceof IntxLinesSetting intx) {
			for (int line : intx.getLines()) {
				String problem = DeviceSpec.INTX_LINE.outside(line);
				if (problem != null) {
					return problem;
				}
			}
		}
		if (setting instanceof IrqbalanceSetting irqbalance && irqbalance.getBanned() != null) {
			return cpuList(irqbalance.getBanned(), cpus);
		}
		if (setting instanceof FirstNumberSetting first) {
			return within("first " + first.getKind().getLiteral(), first.getValue(), 0, MAX_FIRST_NUMBER);
		}
		return null;
	}

	private static String load(LoadSetting load, int cpus) {
		if (load.getCpus() != null) {
			String problem = cpuList(load.getCpus(), cpus);
			if (problem != null) {
				return problem;
			}
		}
		for (LoadItem item : load.getItems()) {
			int most = switch (item.getKind()) {
				case PLACED, RESERVED -> cpus * VECTORS;
				case ALLOCATED, MANAGED, MANAGED_ALLOCATED -> VECTORS;
			};
			String problem = within(item.getKind().getLiteral(), item.getCount(), 0, most);
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static String deviceType(DeviceType type) {
		for (DeviceSetting setting : type.getSettings()) {
			String problem = null;
			if (setting instanceof QueuesSetting queues) {
				problem = DeviceSpec.QUEUES.outside(queues.getCount());
			} else if (setting instanceof DeviceNodeSetting node && !node.isNone()) {
				problem = MachineSpec.NUMA_NODE.outside(node.getNode());
			} else if (setting instanceof IntxSetting intx && !intx.isNone()) {
				problem = DeviceSpec.INTX_LINE.outside(intx.getLine());
			} else if (setting instanceof DriverParameter parameter) {
				problem = within(parameter.getKind().getLiteral(), parameter.getValue(), 0, MAX_QUEUES);
			} else if (setting instanceof ReservedVectorsSetting vectors) {
				problem = within(vectors.getKind().getLiteral(), vectors.getCount(), 0, MAX_QUEUES);
			}
			if (problem != null) {
				return problem;
			}
		}
		return null;
	}

	private static String cpuList(String list, int cpus) {
		if (list == null) {
			return null;
		}
		try {
			int highest = CpuLists.highest(list);
			return highest < cpus ? null : "CPU " + highest + " of " + list + " is outside CPUs 0-" + (cpus - 1);
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}

	private static String within(String what, long value, long first, long last) {
		return value >= first && value <= last ? null : what + " " + value + " is outside " + first + "-" + last;
	}
}
