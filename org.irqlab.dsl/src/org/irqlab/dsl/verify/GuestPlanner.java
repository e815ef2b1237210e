package org.irqlab.dsl.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.emf.ecore.EObject;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.BalanceEvent;
import org.irqlab.dsl.model.BindAction;
import org.irqlab.dsl.model.BindEvent;
import org.irqlab.dsl.model.CpuAction;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.CpuSetSetting;
import org.irqlab.dsl.model.CrashCountersSetting;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.MachineSetting;
import org.irqlab.dsl.model.RemoveEvent;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.model.SmtSetting;
import org.irqlab.dsl.model.SwitchSetting;
import org.irqlab.dsl.model.SystemVectorsSetting;
import org.irqlab.dsl.simulation.DeviceTranslator;
import org.irqlab.dsl.simulation.MachineTranslator;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.MachineSpec;

/**
 * Turns a scenario into a guest and its init steps, or says why QEMU cannot be that machine. A model that
 * cannot be verified is refused as a whole, with every reason, rather than verified in part.
 */
public final class GuestPlanner {

	/** QEMU's pc machine: at most 255 vCPUs without an IOMMU for x2APIC. */
	public static final int MAX_GUEST_CPUS = 255;
	/** Bridges on the root bus (slots 2-25), leaving slots 0 and 1 to the host bridge and the PIIX3. */
	public static final int MAX_BRIDGES = 24;

	/** The outcome: a plan, or the reasons there is none. */
	public record Result(GuestPlan plan, List<String> reasons) {
		public boolean verifiable() {
			return plan != null;
		}
	}

	private final List<String> reasons = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();
	private final List<GuestDevice> devices = new ArrayList<>();
	private final List<GuestStep> steps = new ArrayList<>();
	private final Map<DeviceType, DeviceSpec> specs = new HashMap<>();
	private final Map<AddEvent, Integer> namedDevices = new HashMap<>();
	private final Map<String, Integer> moduleParameters = new LinkedHashMap<>();
	/** Devices added and not removed, in add order. */
	private final List<Integer> present = new ArrayList<>();

	private GuestPlanner() {
	}

	public static Result plan(Scenario scenario) {
		return new GuestPlanner().planFor(scenario);
	}

	private Result planFor(Scenario scenario) {
		Machine machine = scenario.getMachine();
		if (machine == null || machine.eIsProxy()) {
			return new Result(null, List.of("the scenario's machine is not defined"));
		}
		MachineSpec spec;
		try {
			spec = MachineTranslator.translate(machine);
		} catch (IllegalArgumentException e) {
			return new Result(null, List.of("machine " + machine.getName() + " cannot boot as written: " + e.getMessage()));
		}
		checkMachine(machine, spec);
		for (Event event : scenario.getEvents()) {
			walk(event);
		}
		if (devices.isEmpty()) {
			reasons.add("the scenario adds no device: there is nothing to compare");
		}
		if (!reasons.isEmpty()) {
			return new Result(null, List.copyOf(reasons));
		}
		List<String> parameters = new ArrayList<>();
		moduleParameters.forEach((parameter, value) -> parameters.add(parameter + "=" + value));
		return new Result(new GuestPlan(scenario.getName(), spec, List.copyOf(devices), List.copyOf(steps),
				List.copyOf(parameters), List.copyOf(notes)), List.of());
	}

	private void checkMachine(Machine machine, MachineSpec spec) {
		if (spec.nrCpuIds() > MAX_GUEST_CPUS) {
			reasons.add("machine " + machine.getName() + " has " + spec.nrCpuIds() + " CPUs; QEMU's pc machine boots at most "
					+ MAX_GUEST_CPUS);
		}
		for (MachineSetting setting : machine.getSettings()) {
			if (setting instanceof CrashCountersSetting) {
				reasons.add(line(setting) + "the load comes from a crash dump's counters, which no guest can be booted into");
			} else if (setting instanceof CpuSetSetting) {
				reasons.add(line(setting) + "a guest boots with all its CPUs present and online; `present` and `online`"
						+ " cannot be given to it");
			} else if (setting instanceof SystemVectorsSetting) {
				reasons.add(line(setting) + "system vectors are the guest kernel's own; they cannot be set");
			} else if (setting instanceof SwitchSetting) {
				reasons.add(line(setting) + "reservation mode and interrupt remapping are decided by the guest kernel and"
						+ " its (absent) IOMMU; remove the setting to verify the kernel's default");
			} else if (setting instanceof SmtSetting smt && smt.getThreads() > 1 && !smt.isAdjacent()) {
				reasons.add(line(setting) + "QEMU numbers hyperthreads adjacently (siblings 2k and 2k+1): write `smt "
						+ smt.getThreads() + " adjacent` to verify, or verify without `smt`");
			}
		}
		if (spec.nrNodeIds() > 1 && spec.nodeCpus(spec.nrNodeIds() - 1).isEmpty()) {
			reasons.add("a NUMA node without CPUs cannot be given to QEMU");
		}
	}

	private void walk(Event event) {
		if (event instanceof RepeatEvent repeat) {
			for (int i = 0; i < repeat.getTimes(); i++) {
				for (Event each : repeat.getEvents()) {
					walk(each);
				}
			}
		} else if (event instanceof AddEvent add) {
			add(add);
		} else if (event instanceof BindEvent bind) {
			bind(bind);
		} else if (event instanceof CpuEvent cpu) {
			hotplug(cpu);
		} else if (event instanceof RemoveEvent remove) {
			remove(remove);
		} else if (event instanceof BalanceEvent balance) {
			refuseOnce(balance, "irqbalance does not run in the guest: `balance` events cannot be verified");
		}
	}

	private final java.util.Set<EObject> refused = new java.util.HashSet<>();

	private void refuseOnce(EObject event, String reason) {
		if (refused.add(event)) {
			reasons.add(line(event) + reason);
		}
	}

	private void add(AddEvent add) {
		DeviceType type = add.getType();
		if (type == null || type.eIsProxy()) {
			refuseOnce(add, "the device type is not defined");
			return;
		}
		DeviceSpec spec = specs.computeIfAbsent(type, DeviceTranslator::translate);
		if (!checkDevice(add, type, spec)) {
			return;
		}
		int count = add.getCount() > 0 ? add.getCount() : 1;
		// nvme probes asynchronously: the controllers of one add are probed all at once, as the kernel does
		boolean together = count > 1 && spec.type() == DeviceKind.NVME;
		int first = devices.size();
		for (int i = 0; i < count; i++) {
			int index = devices.size();
			if (index >= MAX_BRIDGES * GuestDevice.SLOTS_PER_BRIDGE) {
				refuseOnce(add, "more than " + MAX_BRIDGES * GuestDevice.SLOTS_PER_BRIDGE
						+ " devices do not fit behind the guest's PCI bridges");
				return;
			}
			devices.add(new GuestDevice(index, type.getName(), spec, 1 + index / GuestDevice.SLOTS_PER_BRIDGE,
					index % GuestDevice.SLOTS_PER_BRIDGE));
			present.add(index);
			if (together) {
				continue;
			}
			String label = "add " + type.getName() + (count > 1 ? " (" + (i + 1) + " of " + count + ")" : "");
			steps.add(new GuestStep(GuestStep.Action.PROBE, index, -1, lineOf(add), label));
		}
		if (together && devices.size() > first) {
			steps.add(new GuestStep(GuestStep.Action.PROBE_TOGETHER, first, devices.size() - first, -1, lineOf(add),
					"add " + (devices.size() - first) + " x " + type.getName() + " (probed together)"));
		}
		if (add.getName() != null) {
			namedDevices.put(add, devices.size() - 1);
		}
	}

	private boolean checkDevice(AddEvent add, DeviceType type, DeviceSpec spec) {
		if (spec.type() == DeviceKind.GENERIC_MSIX) {
			refuseOnce(add, "device type " + type.getName() + " is a generic `msix` device: QEMU has no such device");
			return false;
		}
		if (spec.numaNode() >= 0 && notes.stream().noneMatch(n -> n.startsWith("device type " + type.getName() + " "))) {
			notes.add("device type " + type.getName() + " says `numa " + spec.numaNode() + "`, but the PCI devices of QEMU's"
					+ " pc machine have no NUMA node: the guest is `numa none`, and where that matters the two disagree");
		}
		switch (spec.type()) {
			case VIRTIO_BLK -> {
				parameter(add, "virtio_blk num_request_queues", spec.numRequestQueues());
				parameter(add, "virtio_blk poll_queues", spec.pollQueues());
			}
			case NVME -> {
				parameter(add, "nvme write_queues", spec.writeQueues());
				parameter(add, "nvme poll_queues", spec.pollQueues());
			}
			default -> {
			}
		}
		return true;
	}

	/** Module parameters hold for every device of the driver: all types must agree on them. */
	private void parameter(AddEvent add, String parameter, int value) {
		Integer earlier = moduleParameters.putIfAbsent(parameter, value);
		if (earlier != null && earlier != value) {
			refuseOnce(add, parameter + " is a module parameter, the same for every device; the model's types"
					+ " give it both " + earlier + " and " + value);
		}
	}

	// the guest removes the function through sysfs (pci_stop_and_remove_bus_device), as a hot-remove does without ACPI
	private void remove(RemoveEvent remove) {
		if (remove.getDevice() != null) {
			Integer index = namedDevices.remove(remove.getDevice());
			if (index != null) {
				present.remove(index);
				steps.add(new GuestStep(GuestStep.Action.REMOVE, index, -1, lineOf(remove),
						"remove " + remove.getDevice().getName()));
			}
			return;
		}
		DeviceType type = remove.getType();
		List<Integer> ofType = new ArrayList<>();
		for (int index : present) {
			if (type != null && devices.get(index).typeName().equals(type.getName())) {
				ofType.add(index);
			}
		}
		for (int i = 0; i < remove.getCount() && !ofType.isEmpty(); i++) {
			int index = ofType.remove(ofType.size() - 1);
			present.remove(Integer.valueOf(index));
			namedDevices.values().remove(index);
			steps.add(new GuestStep(GuestStep.Action.REMOVE, index, -1, lineOf(remove),
					"remove " + type.getName() + " (" + (i + 1) + " of " + remove.getCount() + ")"));
		}
	}

	private void bind(BindEvent bind) {
		Integer index = namedDevices.get(bind.getDevice());
		if (index == null) {
			return;
		}
		GuestStep.Action action = bind.getAction() == BindAction.BIND ? GuestStep.Action.BIND : GuestStep.Action.UNBIND;
		steps.add(new GuestStep(action, index, -1, lineOf(bind),
				bind.getAction().getLiteral() + " " + bind.getDevice().getName()));
	}

	private void hotplug(CpuEvent event) {
		boolean offline = event.getAction() == CpuAction.OFFLINE;
		for (int cpu : CpuSet.parse(event.getCpus()).toArray()) {
			if (cpu == 0) {
				refuseOnce(event, "CPU 0 cannot be taken offline in an x86 guest");
				continue;
			}
			steps.add(new GuestStep(offline ? GuestStep.Action.OFFLINE : GuestStep.Action.ONLINE, -1, cpu, lineOf(event),
					(offline ? "offline " : "online ") + cpu));
		}
	}

	private static int lineOf(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		return node == null ? 0 : node.getStartLine();
	}

	private static String line(EObject object) {
		return "line " + lineOf(object) + ": ";
	}
}
