package org.irqlab.dsl.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.KernelRule;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.KernelVersion;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.RuleDecision;
import org.irqlab.dsl.model.CpuSetSetting;
import org.irqlab.dsl.model.CpusSetting;
import org.irqlab.dsl.model.CrashCounter;
import org.irqlab.dsl.model.CrashCounterKind;
import org.irqlab.dsl.model.CrashCountersSetting;
import org.irqlab.dsl.model.IntxLinesSetting;
import org.irqlab.dsl.model.IrqbalanceSetting;
import org.irqlab.dsl.model.KernelSetting;
import org.irqlab.dsl.model.LoadItem;
import org.irqlab.dsl.model.LoadKind;
import org.irqlab.dsl.model.LoadSetting;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.MachineSetting;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.NodeSetting;
import org.irqlab.dsl.model.NodesSetting;
import org.irqlab.dsl.model.SmtSetting;
import org.irqlab.dsl.model.SystemVectorsSetting;
import org.irqlab.dsl.simulation.CpuLists;
import org.irqlab.dsl.simulation.MachineTranslator;

/** A machine must describe hardware the kernel could boot on. */
public class MachineValidator extends IrqLabCheckBase {

	private static final int MAX_CPUS = MachineSpec.MAX_CPUS;
	private static final int VECTORS_PER_CPU = org.irqlab.kernel.MachineSpec.VECTORS_PER_CPU;

	/** Settings that make sense once per machine. */
	private static final List<EClass> SINGLE_SETTINGS = List.of(Literals.KERNEL_SETTING, Literals.CPUS_SETTING,
			Literals.NODES_SETTING, Literals.SMT_SETTING, Literals.SYSTEM_VECTORS_SETTING,
			Literals.CRASH_COUNTERS_SETTING, Literals.IRQBALANCE_SETTING);

	@Check
	public void machineHasCpus(Machine machine) {
		if (machine.getSettings().stream().noneMatch(CpusSetting.class::isInstance)) {
			error("machine " + machine.getName() + " needs a `cpus N` setting", machine, Literals.ELEMENT__NAME,
					IssueCodes.MACHINE_WITHOUT_CPUS);
		}
	}

	@Check
	public void kernelIsOneIrqLabModels(KernelSetting kernel) {
		String text = MachineTranslator.textOf(kernel);
		if (text == null) {
			return;
		}
		KernelVersion.Parsed parsed = KernelVersion.parse(text);
		if (!parsed.ok()) {
			error(parsed.error(), kernel, kernel.getQuoted() != null ? Literals.KERNEL_SETTING__QUOTED
					: Literals.KERNEL_SETTING__VERSION, IssueCodes.UNKNOWN_KERNEL);
		}
	}

	@Check
	public void kernelRulesAreModelled(KernelSetting kernel) {
		KernelRules rules = MachineTranslator.rulesOf(kernel);
		if (rules == null || !(kernel.eContainer() instanceof Machine machine)) {
			return;
		}
		EStructuralFeature feature = kernel.getQuoted() != null ? Literals.KERNEL_SETTING__QUOTED
				: Literals.KERNEL_SETTING__VERSION;
		if (!rules.spreadsByNodeRatio() && hasSeveralNodes(machine)) {
			RuleDecision ratio = rules.decision(KernelRule.NODE_RATIO);
			warning("kernel " + rules.version().describe() + " spreads queue vectors over NUMA nodes by the rule before "
					+ ratio.rule().firstReleaseText() + " (" + ratio.rule().id() + ", " + ratio.rule().commit() + ": "
					+ ratio.why() + "), which IrqLab does not model: the queue masks below follow the later rule, so"
					+ " which CPUs each queue gets may differ on this kernel; the slot counts do not", kernel, feature,
					IssueCodes.KERNEL_RULE_NOT_MODELLED, ratio.rule().id());
		}
		if (rules.version().base() > KernelVersion.NEWEST_CHECKED) {
			warning("kernel " + rules.version().describe() + " is newer than the releases whose interrupt rules IrqLab's"
					+ " table has checked (up to v" + KernelVersion.NEWEST_CHECKED / 1000 + "."
					+ KernelVersion.NEWEST_CHECKED % 1000 + "); it is simulated with those rules, and any later change is"
					+ " not in the result", kernel, feature, IssueCodes.KERNEL_RULE_NOT_MODELLED, "newer");
		}
	}

	private static boolean hasSeveralNodes(Machine machine) {
		long nodeSettings = machine.getSettings().stream().filter(NodeSetting.class::isInstance).count();
		return nodeSettings > 1 || machine.getSettings().stream()
				.anyMatch(s -> s instanceof NodesSetting nodes && nodes.getCount() > 1);
	}

	@Check
	public void cpuCountIsPossible(CpusSetting cpus) {
		if (isWritten(cpus, Literals.CPUS_SETTING__COUNT) && !MachineSpec.CPUS.contains(cpus.getCount())) {
			error("a machine has " + MachineSpec.CPUS.min() + " to " + MachineSpec.CPUS.max() + " CPUs", cpus, Literals.CPUS_SETTING__COUNT,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void settingsAppearOnce(Machine machine) {
		Map<EClass, MachineSetting> seen = new HashMap<>();
		for (MachineSetting setting : machine.getSettings()) {
			if (SINGLE_SETTINGS.contains(setting.eClass()) && seen.putIfAbsent(setting.eClass(), setting) != null) {
				error("this setting is already given above; a machine has one", setting, null,
						IssueCodes.DUPLICATE_SETTING);
			}
		}
	}

	@Check
	public void nodeCpusAreOnTheMachine(NodeSetting node) {
		checkCpuList(node, Literals.NODE_SETTING__CPUS, node.getCpus());
	}

	@Check
	public void presentAndOnlineCpusAreOnTheMachine(CpuSetSetting set) {
		checkCpuList(set, Literals.CPU_SET_SETTING__CPUS, set.getCpus());
	}

	@Check
	public void loadCpusAreOnTheMachine(LoadSetting load) {
		if (load.getCpus() != null) {
			checkCpuList(load, Literals.LOAD_SETTING__CPUS, load.getCpus());
		}
	}

	@Check
	public void bannedCpusAreOnTheMachine(IrqbalanceSetting irqbalance) {
		if (irqbalance.getBanned() != null) {
			checkCpuList(irqbalance, Literals.IRQBALANCE_SETTING__BANNED, irqbalance.getBanned());
		}
	}

	@Check
	public void evenNodesFitTheCpus(NodesSetting nodes) {
		int cpus = MachineTranslator.cpuCountOf((Machine) nodes.eContainer());
		if (isWritten(nodes, Literals.NODES_SETTING__COUNT) && (nodes.getCount() < 1 || (cpus > 0 && nodes.getCount() > cpus))) {
			error("a machine has between 1 node and one node per CPU", nodes, Literals.NODES_SETTING__COUNT,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void nodesDoNotOverlap(Machine machine) {
		List<NodeSetting> nodes = machine.getSettings().stream().filter(NodeSetting.class::isInstance)
				.map(NodeSetting.class::cast).toList();
		boolean[] owned = new boolean[MAX_CPUS];
		Map<Integer, NodeSetting> ids = new HashMap<>();
		for (NodeSetting node : nodes) {
			if (ids.putIfAbsent(node.getId(), node) != null) {
				error("node " + node.getId() + " is already defined", node, Literals.NODE_SETTING__ID,
						IssueCodes.DUPLICATE_SETTING);
			}
			List<Integer> overlap = claim(owned, node.getCpus());
			if (!overlap.isEmpty()) {
				error("CPU " + overlap.get(0) + " is already in another node", node, Literals.NODE_SETTING__CPUS,
						IssueCodes.NODES_OVERLAP);
			}
		}
	}

	@Check
	public void everyCpuIsInANode(Machine machine) {
		List<NodeSetting> nodes = machine.getSettings().stream().filter(NodeSetting.class::isInstance)
				.map(NodeSetting.class::cast).toList();
		int cpus = MachineTranslator.cpuCountOf(machine);
		if (nodes.isEmpty() || cpus < 1 || cpus > MAX_CPUS) {
			return;
		}
		boolean[] owned = new boolean[MAX_CPUS];
		for (NodeSetting node : nodes) {
			claim(owned, node.getCpus());
		}
		List<Integer> orphans = new ArrayList<>();
		for (int cpu = 0; cpu < cpus; cpu++) {
			if (!owned[cpu]) {
				orphans.add(cpu);
			}
		}
		if (!orphans.isEmpty()) {
			error("CPU" + (orphans.size() > 1 ? "s " : " ") + CpuSet.of(orphans.stream().mapToInt(Integer::intValue).toArray()).toList()
					+ " belong to no node: every possible CPU needs one", machine, Literals.ELEMENT__NAME,
					IssueCodes.CPUS_WITHOUT_NODE);
		}
	}

	@Check
	public void nodesAreEitherEvenOrExplicit(Machine machine) {
		boolean even = machine.getSettings().stream().anyMatch(NodesSetting.class::isInstance);
		for (MachineSetting setting : machine.getSettings()) {
			if (even && setting instanceof NodeSetting node) {
				error("`nodes N` already splits the CPUs evenly; use either it or `node` lines", node, null,
						IssueCodes.DUPLICATE_SETTING);
			}
		}
	}

	@Check
	public void smtDividesTheCpus(SmtSetting smt) {
		int cpus = MachineTranslator.cpuCountOf((Machine) smt.eContainer());
		if (isWritten(smt, Literals.SMT_SETTING__THREADS)
				&& (!MachineSpec.SMT_THREADS.contains(smt.getThreads()) || (cpus > 0 && cpus % smt.getThreads() != 0))) {
			error("SMT needs " + MachineSpec.SMT_THREADS.min() + " to " + MachineSpec.SMT_THREADS.max()
					+ " threads per core, dividing the CPU count", smt, Literals.SMT_SETTING__THREADS,
					IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	@Check
	public void systemVectorsAreVectors(SystemVectorsSetting system) {
		for (int i = 0; i < system.getVectors().size(); i++) {
			int vector = system.getVectors().get(i);
			if (!MachineSpec.VECTOR.contains(vector)) {
				error("x86 vectors are " + MachineSpec.VECTOR.min() + " to " + MachineSpec.VECTOR.max(), system, Literals.SYSTEM_VECTORS_SETTING__VECTORS, i,
						IssueCodes.VALUE_OUT_OF_RANGE);
			}
		}
	}

	@Check
	public void globalLoadIsNotPerCpu(LoadSetting load) {
		for (LoadItem item : load.getItems()) {
			boolean global = item.getKind() == LoadKind.PLACED || item.getKind() == LoadKind.RESERVED;
			if (global && load.getCpus() != null) {
				error("`" + item.getKind().getLiteral() + "` counts for the whole machine: put it in a `load { }` without `on`",
						item, Literals.LOAD_ITEM__KIND, IssueCodes.LOAD_SCOPE_MISMATCH);
			} else if (!global && load.getCpus() == null) {
				error("`" + item.getKind().getLiteral() + "` counts per CPU: say on which, as in `load on 0-79 { ... }`",
						item, Literals.LOAD_ITEM__KIND, IssueCodes.LOAD_SCOPE_MISMATCH);
			}
		}
	}

	@Check
	public void placedNodeIsANodeOfTheMachine(LoadItem item) {
		if (!item.isOnNode()) {
			return;
		}
		if (item.getKind() != LoadKind.PLACED) {
			error("only `placed` interrupts sit on a node (their vectors go to its CPUs first); `"
					+ item.getKind().getLiteral() + "` has none", item, Literals.LOAD_ITEM__ON_NODE,
					IssueCodes.LOAD_SCOPE_MISMATCH);
			return;
		}
		EObject container = item.eContainer() == null ? null : item.eContainer().eContainer();
		if (!(container instanceof Machine machine)) {
			return;
		}
		List<Integer> nodes = nodeIdsOf(machine);
		if (!nodes.contains(item.getNode())) {
			error("machine " + machine.getName() + " has no node " + item.getNode() + " (its nodes: "
					+ CpuSet.of(nodes.stream().mapToInt(Integer::intValue).toArray()).toList() + ")", item,
					Literals.LOAD_ITEM__NODE, IssueCodes.VALUE_OUT_OF_RANGE);
		}
	}

	/** The machine's node ids: 0..N-1 for `nodes N`, the ids of its `node` lines, else node 0 alone. */
	private static List<Integer> nodeIdsOf(Machine machine) {
		List<Integer> ids = new ArrayList<>();
		for (MachineSetting setting : machine.getSettings()) {
			if (setting instanceof NodesSetting even) {
				for (int node = 0; node < even.getCount(); node++) {
					ids.add(node);
				}
				return ids;
			}
			if (setting instanceof NodeSetting node) {
				ids.add(node.getId());
			}
		}
		return ids.isEmpty() ? List.of(0) : ids;
	}

	@Check
	public void intxLinesAreLines(IntxLinesSetting lines) {
		for (int i = 0; i < lines.getLines().size(); i++) {
			int line = lines.getLines().get(i);
			if (!DeviceSpec.INTX_LINE.contains(line)) {
				error("an INTx line is " + DeviceSpec.INTX_LINE.min() + " to " + DeviceSpec.INTX_LINE.max()
						+ " (irq 0 is the timer's)", lines,
						Literals.INTX_LINES_SETTING__LINES, i, IssueCodes.VALUE_OUT_OF_RANGE);
			} else if (lines.getLines().indexOf(line) < i) {
				error("line " + line + " is already named", lines, Literals.INTX_LINES_SETTING__LINES, i,
						IssueCodes.DUPLICATE_SETTING);
			}
		}
	}

	@Check
	public void crashCountersAreComplete(CrashCountersSetting crash) {
		for (CrashCounterKind needed : List.of(CrashCounterKind.GLOBAL_AVAILABLE, CrashCounterKind.TOTAL_ALLOCATED)) {
			if (crash.getCounters().stream().map(CrashCounter::getKind).noneMatch(needed::equals)) {
				error("a crash dump's counters need " + needed.getLiteral(), crash, null, IssueCodes.CRASH_COUNTER_MISSING,
						needed.getLiteral());
			}
		}
	}

	private void checkCpuList(EObject owner, EStructuralFeature feature, String cpuList) {
		int cpus = MachineTranslator.cpuCountOf(machineOf(owner));
		try {
			int highest = CpuLists.highest(cpuList);
			if (cpus > 0 && highest >= cpus) {
				error("CPU " + highest + " is outside machine " + machineOf(owner).getName() + " (CPUs 0-" + (cpus - 1) + ")",
						owner, feature, IssueCodes.CPU_OUT_OF_RANGE);
			}
		} catch (IllegalArgumentException e) {
			error(e.getMessage(), owner, feature, IssueCodes.MALFORMED_CPU_LIST);
		}
	}

	private static Machine machineOf(EObject object) {
		EObject current = object;
		while (current != null && !(current instanceof Machine)) {
			current = current.eContainer();
		}
		return (Machine) current;
	}

	/** Marks the list's CPUs as owned and returns those that were owned already. */
	private static List<Integer> claim(boolean[] owned, String cpuList) {
		List<Integer> overlap = new ArrayList<>();
		try {
			for (CpuLists.Range range : CpuLists.ranges(cpuList)) {
				for (int cpu = range.first(); cpu <= Math.min(range.last(), owned.length - 1); cpu++) {
					if (owned[cpu]) {
						overlap.add(cpu);
					}
					owned[cpu] = true;
				}
			}
		} catch (IllegalArgumentException e) {
			// reported by the CPU list check
		}
		return overlap;
	}
}
