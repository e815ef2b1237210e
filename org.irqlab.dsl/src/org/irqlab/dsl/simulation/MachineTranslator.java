package org.irqlab.dsl.simulation;

import java.util.stream.Collectors;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.IrqbalanceSettings;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.KernelVersion;
import org.irqlab.dsl.model.CpuSetSetting;
import org.irqlab.dsl.model.CpusSetting;
import org.irqlab.dsl.model.CrashCounter;
import org.irqlab.dsl.model.CrashCounterKind;
import org.irqlab.dsl.model.CrashCountersSetting;
import org.irqlab.dsl.model.FirstNumberSetting;
import org.irqlab.dsl.model.IntxLinesSetting;
import org.irqlab.dsl.model.IrqbalanceSetting;
import org.irqlab.dsl.model.KernelSetting;
import org.irqlab.dsl.model.LoadItem;
import org.irqlab.dsl.model.LoadSetting;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.MachineSetting;
import org.irqlab.dsl.model.NodeSetting;
import org.irqlab.dsl.model.NodesSetting;
import org.irqlab.dsl.model.SmtSetting;
import org.irqlab.dsl.model.SwitchSetting;
import org.irqlab.dsl.model.SystemVectorsSetting;

/** Turns a `machine` of the model into the simulator's machine description. */
public final class MachineTranslator {

	/** What a machine is when it says nothing about its kernel. */
	public static final KernelRules DEFAULT_PROFILE = KernelRules.V6_12;

	private MachineTranslator() {
	}

	public static KernelRules profileOf(Machine machine) {
		for (MachineSetting setting : machine.getSettings()) {
			if (setting instanceof KernelSetting kernel) {
				KernelRules rules = rulesOf(kernel);
				return rules != null ? rules : DEFAULT_PROFILE;
			}
		}
		return DEFAULT_PROFILE;
	}

	/** The kernel as the `kernel` setting writes it, without quotes; null while the setting is incomplete. */
	public static String textOf(KernelSetting kernel) {
		return kernel.getQuoted() != null ? kernel.getQuoted() : kernel.getVersion();
	}

	/**
	 * The simulator's rules for a `kernel` setting, or null when its text names no kernel IrqLab models (the
	 * validator reports why).
	 */
	public static KernelRules rulesOf(KernelSetting kernel) {
		String text = textOf(kernel);
		if (text == null || !KernelVersion.parse(text).ok()) {
			return null;
		}
		return KernelRules.of(text);
	}

	/**
	 * The node of the boot-time IO-APIC interrupts when `placed` names none: the legacy lines' descriptors
	 * live on the first online node (early_irq_init()), node 0 on every machine IrqLab describes.
	 */
	public static final int DEFAULT_PLACED_NODE = 0;

	/** The number of possible CPUs, 0 when the machine does not say. */
	public static int cpuCountOf(Machine machine) {
		for (MachineSetting setting : machine.getSettings()) {
			if (setting instanceof CpusSetting cpus) {
				return cpus.getCount();
			}
		}
		return 0;
	}

	/**
	 * @throws IllegalArgumentException when the machine cannot be simulated; the validator reports
	 *                                  the reason on the offending setting before this is reached
	 */
	public static org.irqlab.kernel.MachineSpec translate(Machine machine) {
		return translate(machine, null);
	}

	/**
	 * The machine with another boot load in place of its `load` and `crash` settings (a real guest's boot
	 * state, for verify); its `intx lines` still name which reservations are INTx lines.
	 *
	 * @param bootLoad the load to boot with, or null for the machine's own
	 */
	public static org.irqlab.kernel.MachineSpec translate(Machine machine, BootLoad bootLoad) {
		return translate(machine, bootLoad, profileOf(machine));
	}

	/**
	 * The machine under another kernel's rules (verify simulates with the rules of the kernel it booted).
	 *
	 * @param bootLoad the load to boot with, or null for the machine's own
	 */
	public static org.irqlab.kernel.MachineSpec translate(Machine machine, BootLoad bootLoad, KernelRules rules) {
		int cpus = cpuCountOf(machine);
		if (cpus < 1) {
			throw new IllegalArgumentException("machine " + machine.getName() + " has no `cpus` setting");
		}
		var builder = org.irqlab.kernel.MachineSpec.builder(rules, cpus);
		LoadAccumulator load = new LoadAccumulator(cpus);
		for (MachineSetting setting : machine.getSettings()) {
			apply(setting, builder, load);
		}
		builder.bootLoad(bootLoad == null ? load.toBootLoad() : load.withLines(bootLoad));
		return builder.build();
	}

	private static void apply(MachineSetting setting, org.irqlab.kernel.MachineSpec.Builder builder,
			LoadAccumulator load) {
		if (setting instanceof CpuSetSetting set) {
			CpuSet cpus = CpuSet.parse(set.getCpus());
			switch (set.getKind()) {
				case PRESENT -> builder.present(cpus);
				case ONLINE -> builder.online(cpus);
			}
		} else if (setting instanceof NodesSetting nodes) {
			builder.evenNodes(nodes.getCount());
		} else if (setting instanceof NodeSetting node) {
			builder.node(node.getId(), CpuSet.parse(node.getCpus()));
		} else if (setting instanceof SmtSetting smt) {
			if (smt.isAdjacent()) {
				builder.smtAdjacent(smt.getThreads());
			} else {
				builder.smtInterleaved(smt.getThreads());
			}
		} else if (setting instanceof SystemVectorsSetting system) {
			builder.systemVectors(system.getVectors().stream().map(String::valueOf).collect(Collectors.joining(",")));
		} else if (setting instanceof LoadSetting loadSetting) {
			load.add(loadSetting);
		} else if (setting instanceof CrashCountersSetting crash) {
			load.add(crash);
		} else if (setting instanceof IntxLinesSetting lines) {
			load.add(lines);
		} else if (setting instanceof IrqbalanceSetting irqbalance) {
			builder.irqbalance(irqbalanceOf(irqbalance));
		} else if (setting instanceof SwitchSetting flag) {
			switch (flag.getKind()) {
				case MSI_RESERVATION -> builder.msiReservationMode(flag.isEnabled());
				case INTERRUPT_REMAPPING -> builder.interruptRemapping(flag.isEnabled());
			}
		} else if (setting instanceof FirstNumberSetting first) {
			switch (first.getKind()) {
				case VIRTIO -> builder.firstVirtioIndex(first.getValue());
				case NVME -> builder.firstNvmeIndex(first.getValue());
				case IRQ -> builder.firstDynamicIrq(first.getValue());
			}
		}
	}

	private static IrqbalanceSettings irqbalanceOf(IrqbalanceSetting setting) {
		if (!setting.isEnabled()) {
			return IrqbalanceSettings.disabled();
		}
		CpuSet banned = setting.getBanned() == null ? CpuSet.empty() : CpuSet.parse(setting.getBanned());
		return IrqbalanceSettings.enabled(banned).withPowersave(setting.isPowersave());
	}

	/** Adds up the machine's `load` and `crash` settings into one boot load. */
	private static final class LoadAccumulator {
		private final int[] allocated;
		private final int[] managed;
		private final int[] managedAllocated;
		private boolean perCpu;
		private final java.util.List<Integer> placed = new java.util.ArrayList<>();
		private final java.util.List<Integer> placedNodes = new java.util.ArrayList<>();
		private int reserved;
		private CrashCountersSetting crash;
		private final java.util.List<Integer> intxLines = new java.util.ArrayList<>();

		LoadAccumulator(int cpus) {
			allocated = new int[cpus];
			managed = new int[cpus];
			managedAllocated = new int[cpus];
		}

		void add(LoadSetting load) {
			CpuSet cpus = load.getCpus() == null ? null : CpuSet.parse(load.getCpus());
			for (LoadItem item : load.getItems()) {
				switch (item.getKind()) {
					case PLACED -> {
						placed.add(item.getCount());
						placedNodes.add(item.isOnNode() ? item.getNode() : DEFAULT_PLACED_NODE);
					}
					case RESERVED -> reserved += item.getCount();
					case ALLOCATED -> addPerCpu(allocated, cpus, item.getCount());
					case MANAGED -> addPerCpu(managed, cpus, item.getCount());
					case MANAGED_ALLOCATED -> addPerCpu(managedAllocated, cpus, item.getCount());
				}
			}
		}

		void add(CrashCountersSetting counters) {
			crash = counters;
		}

		void add(IntxLinesSetting lines) {
			intxLines.addAll(lines.getLines());
		}

		private void addPerCpu(int[] counts, CpuSet cpus, int count) {
			if (cpus == null) {
				return;
			}
			perCpu = true;
			for (int cpu : cpus.toArray()) {
				if (cpu < counts.length) {
					counts[cpu] += count;
				}
			}
		}

		BootLoad toBootLoad() {
			BootLoad load;
			if (crash != null) {
				load = BootLoad.fromCrashDump(counter(CrashCounterKind.GLOBAL_AVAILABLE),
						(int) counter(CrashCounterKind.GLOBAL_RESERVED), counter(CrashCounterKind.TOTAL_ALLOCATED));
			} else if (perCpu) {
				load = BootLoad.perCpu(allocated, managed, managedAllocated);
			} else {
				load = BootLoad.none();
			}
			for (int i = 0; i < placed.size(); i++) {
				load = load.withPlaced(placed.get(i), placedNodes.get(i));
			}
			if (reserved > 0) {
				load = load.withReserved(reserved);
			}
			if (!intxLines.isEmpty()) {
				load = load.withReservedLines(intxLines.stream().distinct().mapToInt(Integer::intValue).toArray());
			}
			return load;
		}

		BootLoad withLines(BootLoad other) {
			return intxLines.isEmpty() ? other
					: other.withReservedLines(intxLines.stream().distinct().mapToInt(Integer::intValue).toArray());
		}

		private long counter(CrashCounterKind kind) {
			for (CrashCounter each : crash.getCounters()) {
				if (each.getKind() == kind) {
					return each.getValue();
				}
			}
			return 0;
		}
	}
}
