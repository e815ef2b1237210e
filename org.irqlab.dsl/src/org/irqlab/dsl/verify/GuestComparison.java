package org.irqlab.dsl.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.simulation.MachineTranslator;
import org.irqlab.kernel.AsyncProbeBounds;
import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRule;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.KernelVersion;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.irqlab.kernel.VectorInfo;

/**
 * Simulates a plan's steps from the guest's own boot state and compares, after boot and after every step,
 * the matrix counters and every interrupt of every device (path, names, IRQ, affinity, effective CPU).
 */
final class GuestComparison {

	private static final Pattern PROBE_FAILED = Pattern.compile("probe of (\\S+) failed with error (-\\d+)");

	private final GuestPlan plan;
	private final GuestObservation guest;
	private final List<Difference> differences = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();
	private final Map<Integer, String> simulatedNames = new LinkedHashMap<>();
	/** The guest devices (handle or name) whose last probe failed, as of the state being compared. */
	private final java.util.Set<String> failedProbes = new java.util.HashSet<>();
	private long interruptsCompared;
	/** Devices probed together (NVMe): compared by how many end on each path, not one by one. */
	private final java.util.Set<Integer> countedTogether = new java.util.HashSet<>();
	private final List<VerifyResult.Together> together = new ArrayList<>();
	/**
	 * Set once controllers probed together ended otherwise than the one-by-one simulation: from then on the two
	 * states differ by which controllers hold which vectors, so counters and interrupts are no longer compared.
	 */
	private String divergedAt;

	private GuestComparison(GuestPlan plan, GuestObservation guest) {
		this.plan = plan;
		this.guest = guest;
	}

	static VerifyResult compare(GuestPlan plan, Machine machine, GuestObservation guest, String origin, String accel,
			long seconds) {
		return new GuestComparison(plan, guest).run(machine, origin, accel, seconds);
	}

	/**
	 * The rules of the kernel the guest booted, read from its release, so that verify checks IrqLab's model of
	 * that very kernel; the model's own `kernel` when the release is not one IrqLab reads.
	 */
	private KernelRules rulesOfTheBootedKernel(Machine machine) {
		KernelRules model = MachineTranslator.profileOf(machine);
		if (guest.release == null || !KernelVersion.parse(guest.release).ok()) {
			return model;
		}
		KernelRules booted = KernelRules.of(guest.release);
		List<String> differ = new ArrayList<>();
		for (KernelRule rule : KernelRule.values()) {
			if (booted.has(rule) != model.has(rule)) {
				differ.add(rule.id());
			}
		}
		notes.add("simulated with the rules of the booted kernel, " + booted.version().describe()
				+ (differ.isEmpty() ? ", which are the model's `kernel " + model.id() + "`'s"
						: "; the model's `kernel " + model.id() + "` differs in " + String.join(", ", differ)));
		return booted;
	}

	private VerifyResult run(Machine machine, String origin, String accel, long seconds) {
		notes.addAll(plan.notes());
		if (!guest.released.isEmpty()) {
			notes.add("built-in drivers probed " + guest.released.size() + " device" + (guest.released.size() == 1 ? "" : "s")
					+ " during boot (" + String.join(", ", guest.released) + "); the init unbound them before reading the"
					+ " boot state, so the scenario probes them in its order");
		}
		GuestObservation.State boot = guest.state("boot");
		compareShape();
		int[] bootLoad = bootCpuLoad(boot);
		MatrixCounters bootCounters = boot.counters;
		MachineSpec spec = MachineTranslator.translate(machine,
				BootLoad.none().withIoapicInterrupts(bootLoad).withReserved(bootCounters.globalReserved()),
				rulesOfTheBootedKernel(machine));
		Simulation simulation = new Simulation(spec);
		compareCounters(0, "boot", bootCounters, simulation.counters());
		compareModelLoad(machine, bootLoad, bootCounters);
		List<VerifyResult.Step> steps = new ArrayList<>();
		MatrixCounters known = bootCounters;
		for (int i = 0; i < plan.steps().size(); i++) {
			GuestStep step = plan.steps().get(i);
			GuestObservation.State state = guest.state(String.valueOf(i + 1));
			if (state == null) {
				break;
			}
			MatrixCounters before = simulation.counters();
			AsyncProbeBounds bounds = step.action() == GuestStep.Action.PROBE_TOGETHER
					? simulation.asyncProbeBounds(plan.devices().get(step.device()).spec(), step.count())
					: null;
			DeviceResult result = apply(simulation, step);
			noteProbeResults(state);
			String where = "line " + step.line() + ": " + step.label();
			MatrixCounters observed = state.counters != null ? state.counters : known;
			if (step.action() == GuestStep.Action.OFFLINE && state.counters == null) {
				observed = null;
			}
			known = observed;
			String device = null;
			String guestPath = null;
			String simulatedPath = null;
			if (bounds != null) {
				VerifyResult.Together counted = compareTogether(i + 1, where, state, step, bounds);
				device = counted.count() + " " + guest.deviceName(step.device()).replaceAll("\\d+$", "");
				guestPath = counted.guestPerQueue() + " per_vq_msix";
				simulatedPath = counted.fewest() == counted.most() ? counted.most() + " per_vq_msix"
						: counted.fewest() + "-" + counted.most() + " per_vq_msix";
			}
			boolean otherCount = bounds != null && divergedAt == null
					&& together.get(together.size() - 1).guestPerQueue() != bounds.most();
			MatrixCounters predicted = otherCount
					? countersOfTheGuestsCount(before, simulation, step, together.get(together.size() - 1).guestPerQueue())
					: simulation.counters();
			if (observed != null && divergedAt == null) {
				compareCounters(i + 1, where, observed, predicted);
			}
			if (otherCount) {
				divergedAt = where;
				notes.add("after " + where + " the guest's controllers probed together ended otherwise than the one-by-one"
						+ " simulation (" + together.get(together.size() - 1).guestPerQueue() + " with per-queue vectors, IrqLab "
						+ bounds.most() + " in that order): the counters of that step are compared with what the guest's"
						+ " count takes (each controller with per-queue vectors as many as IrqLab gives one, one on a single vector"
						+ " one, a failed one none); which controllers hold which vectors differs, so from there on only the count and"
						+ " the devices' paths are compared, not the matrix counters or each interrupt");
			}
			if (step.touchesDevice() && bounds == null) {
				device = guest.deviceName(step.device());
				guestPath = guestPath(state, step.device());
				simulatedPath = result == null ? null : result.path().oracleName();
			}
			for (Map.Entry<Integer, String> each : simulatedNames.entrySet()) {
				if (!countedTogether.contains(each.getKey())) {
					compareDevice(i + 1, where, state, each.getKey(), simulation.device(each.getValue()));
				}
			}
			steps.add(new VerifyResult.Step(i + 1, step, observed, predicted, device, guestPath, simulatedPath));
		}
		if (!guest.finished) {
			differences.add(new Difference(steps.size(), "guest", "init", "run",
					guest.failure != null ? "stopped: " + guest.failure : "stopped after step " + steps.size(), "all steps"));
		}
		return new VerifyResult(plan, guest.release, origin, accel, seconds, bootLoad, bootCounters,
				List.copyOf(steps), List.copyOf(differences), List.copyOf(notes), interruptsCompared, List.copyOf(together));
	}

	private void compareShape() {
		String cpus = plan.cpus() == 1 ? "0" : "0-" + (plan.cpus() - 1);
		if (!Objects.equals(guest.onlineCpus, cpus)) {
			differences.add(new Difference(0, "boot", "guest", "online CPUs", guest.onlineCpus, cpus));
		}
		if (plan.nodes() > 1) {
			for (int node = 0; node < plan.nodes(); node++) {
				String expected = plan.nodeCpus(node).toList();
				if (!Objects.equals(guest.nodes.get(node), expected)) {
					differences.add(new Difference(0, "boot", "node " + node, "CPUs", guest.nodes.get(node), expected));
				}
			}
		}
	}

	/**
	 * The guest's non-managed vectors per CPU at boot: each IO-APIC interrupt with a handler holds one
	 * vector on its effective CPU. Lines without a handler only hold a reservation (global_reserved).
	 */
	private int[] bootCpuLoad(GuestObservation.State boot) {
		int[] load = new int[plan.cpus()];
		int counted = 0;
		for (GuestObservation.Interrupt interrupt : boot.interrupts.values()) {
			if (interrupt.ioapic() && interrupt.effectiveCpu() >= 0 && interrupt.effectiveCpu() < load.length) {
				load[interrupt.effectiveCpu()]++;
				counted++;
			}
		}
		if (counted != boot.counters.totalAllocated()) {
			notes.add("at boot the guest's IO-APIC interrupts account for " + counted + " vectors, its matrix for "
					+ boot.counters.totalAllocated() + ": the simulation starts from the interrupts' CPUs");
		}
		return load;
	}

	/**
	 * Whether the model's own `load` boots into what the guest booted into: not a difference (the steps are
	 * simulated from the guest's state either way), but what tells the user the model's load can be trusted.
	 */
	private void compareModelLoad(Machine machine, int[] guestLoad, MatrixCounters guestCounters) {
		MatrixSnapshot model;
		try {
			model = new Simulation(MachineTranslator.translate(machine)).snapshot();
		} catch (IllegalArgumentException e) {
			return;
		}
		int[] modelLoad = new int[guestLoad.length];
		for (MatrixSnapshot.CpuMap cpu : model.cpus()) {
			if (cpu.cpu() < modelLoad.length) {
				modelLoad[cpu.cpu()] = cpu.allocated();
			}
		}
		String guest = perCpu(guestLoad) + ", " + guestCounters.globalReserved() + " reserved";
		String written = perCpu(modelLoad) + ", " + model.globalReserved() + " reserved";
		notes.add(guest.equals(written)
				? "the model's `load` boots as the guest did: non-managed vectors per CPU " + guest
				: "the model's `load` boots with non-managed vectors per CPU " + written + "; the guest booted with "
						+ guest + " (the steps are simulated from the guest's)");
	}

	private static String perCpu(int[] load) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < Math.min(load.length, 16); i++) {
			text.append(i == 0 ? "" : " ").append(load[i]);
		}
		return load.length > 16 ? text + " ..." : text.toString();
	}

	private DeviceResult apply(Simulation simulation, GuestStep step) {
		return switch (step.action()) {
			case PROBE -> {
				GuestDevice device = plan.devices().get(step.device());
				DeviceResult result = simulation.addDevice(device.spec());
				simulatedNames.put(step.device(), result.name());
				compareIntx(device);
				yield result;
			}
			case PROBE_TOGETHER -> {
				DeviceResult last = null;
				for (int index = step.device(); index < step.endDevice(); index++) {
					last = simulation.addDevice(plan.devices().get(index).spec());
					simulatedNames.put(index, last.name());
				}
				yield last;
			}
			case UNBIND -> simulation.unbind(simulatedNames.get(step.device()));
			case REMOVE -> simulation.removeDevice(simulatedNames.remove(step.device()));
			case BIND -> simulation.bind(simulatedNames.get(step.device()));
			case OFFLINE -> {
				simulation.offlineCpu(step.cpu());
				yield null;
			}
			case ONLINE -> {
				simulation.onlineCpu(step.cpu());
				yield null;
			}
		};
	}

	/**
	 * NVMe controllers probed together: which of them end with one vector varies from boot to boot, so the guest
	 * agrees when the number with per-queue vectors lies within IrqLab's bounds and every other one ends on the
	 * path IrqLab gives the unlucky ones.
	 */
	private VerifyResult.Together compareTogether(int number, String where, GuestObservation.State state, GuestStep step,
			AsyncProbeBounds bounds) {
		String perQueue = InterruptPath.PER_QUEUE_MSIX_MANAGED.oracleName();
		Map<String, Integer> paths = new java.util.TreeMap<>();
		int guestPerQueue = 0;
		for (int index = step.device(); index < step.endDevice(); index++) {
			countedTogether.add(index);
			String path = guestPath(state, index);
			if (path.equals(InterruptPath.UNBOUND.oracleName())) {
				// a controller just added that is not bound failed its probe; the kernel removed it, so its name
				// ("nvme188: Removing after probe failure") no longer leads to its PCI address
				path = InterruptPath.PROBE_FAILED.oracleName();
			}
			paths.merge(path, 1, Integer::sum);
			if (path.equals(perQueue)) {
				guestPerQueue++;
			} else if (bounds.othersPath() != null && !oneOf(path, bounds.otherPaths())) {
				differences.add(new Difference(number, where, guest.deviceName(index), "path", path,
						bounds.otherPaths().stream().map(InterruptPath::oracleName).collect(Collectors.joining(" or "))
								+ " (the path of a controller without per-queue vectors)"));
			}
		}
		String subject = "the " + step.count() + " NVMe controllers probed together";
		if (guestPerQueue < bounds.fewest() || guestPerQueue > bounds.most()) {
			differences.add(new Difference(number, where, subject, "with per-queue vectors",
					String.valueOf(guestPerQueue), bounds.fewest() == bounds.most() ? String.valueOf(bounds.most())
							: bounds.fewest() + " to " + bounds.most()));
		}
		VerifyResult.Together counted = new VerifyResult.Together(number, step.count(), guestPerQueue, bounds.fewest(),
				bounds.most(), java.util.Collections.unmodifiableMap(paths));
		together.add(counted);
		return counted;
	}

	/**
	 * The matrix counters after NVMe controllers probed together when {@code perQueue} of them got their queue
	 * vectors: each of them takes as many slots as a controller with per-queue vectors takes in the simulation
	 * (its managed vectors are all requested, so reserved and allocated alike), each controller the guest shows
	 * on one vector one, and one whose probe failed none.
	 */
	private MatrixCounters countersOfTheGuestsCount(MatrixCounters before, Simulation simulation, GuestStep step,
			int perQueue) {
		int vectorsPerQueue = 0;
		for (Map.Entry<Integer, String> each : simulatedNames.entrySet()) {
			if (each.getKey() >= step.device() && each.getKey() < step.endDevice()) {
				DeviceResult device = simulation.device(each.getValue());
				if (AsyncProbeBounds.perQueue(device)) {
					vectorsPerQueue = device.vectors().size();
					break;
				}
			}
		}
		Map<String, Integer> guestPaths = together.get(together.size() - 1).guestPaths();
		int oneVector = guestPaths.getOrDefault(InterruptPath.SHARED_MSIX.oracleName(), 0);
		int taken = perQueue * vectorsPerQueue + oneVector;
		return new MatrixCounters(before.globalAvailable() - taken, before.globalReserved(), before.totalAllocated() + taken,
				before.onlineMaps());
	}

	private static boolean oneOf(String oracleName, Set<InterruptPath> paths) {
		return paths.stream().anyMatch(p -> p.oracleName().equals(oracleName));
	}

	/** A model that gives a device another INTx line than the guest's matters once the device falls back to INTx. */
	private void compareIntx(GuestDevice device) {
		Integer line = guest.intxLines.get(device.index());
		DeviceSpec spec = device.spec();
		if (line != null && spec.intxLine() > 0 && line != spec.intxLine()) {
			String note = "device type " + device.typeName() + " says `intx " + spec.intxLine() + "`; the guest gave "
					+ guest.deviceName(device.index()) + " line " + line;
			notes.add(note);
		}
	}

	private void compareCounters(int step, String where, MatrixCounters guestCounters, MatrixCounters simulated) {
		if (guestCounters.globalAvailable() != simulated.globalAvailable()) {
			differences.add(new Difference(step, where, "matrix", "global_available",
					String.valueOf(guestCounters.globalAvailable()), String.valueOf(simulated.globalAvailable())));
		}
		if (guestCounters.globalReserved() != simulated.globalReserved()) {
			differences.add(new Difference(step, where, "matrix", "global_reserved",
					String.valueOf(guestCounters.globalReserved()), String.valueOf(simulated.globalReserved())));
		}
		if (guestCounters.totalAllocated() != simulated.totalAllocated()) {
			differences.add(new Difference(step, where, "matrix", "total_allocated",
					String.valueOf(guestCounters.totalAllocated()), String.valueOf(simulated.totalAllocated())));
		}
	}

	private void compareDevice(int step, String where, GuestObservation.State state, int index, DeviceResult simulated) {
		String guestName = guest.deviceName(index);
		String path = guestPath(state, index);
		if (!path.equals(simulated.path().oracleName())) {
			differences.add(new Difference(step, where, guestName, "path", path, simulated.path().oracleName()));
		}
		if (divergedAt != null) {
			return;
		}
		Map<String, GuestObservation.Interrupt> guestInterrupts = new LinkedHashMap<>();
		for (GuestObservation.Interrupt interrupt : state.interrupts.values()) {
			String part = partOf(interrupt.name(), guestName);
			if (part != null) {
				guestInterrupts.put(part, interrupt);
			}
		}
		Map<String, VectorInfo> simulatedInterrupts = new LinkedHashMap<>();
		for (VectorInfo vector : simulated.vectors()) {
			String part = partOf(vector.name(), simulated.name());
			if (vector.requested() && part != null) {
				simulatedInterrupts.put(part, vector);
			}
		}
		for (Map.Entry<String, VectorInfo> entry : simulatedInterrupts.entrySet()) {
			GuestObservation.Interrupt real = guestInterrupts.remove(entry.getKey());
			VectorInfo predicted = entry.getValue();
			String subject = guestName + entry.getKey();
			if (real == null) {
				differences.add(new Difference(step, where, subject, "interrupt", "absent", "IRQ " + predicted.irq()));
				continue;
			}
			interruptsCompared++;
			if (real.irq() != predicted.irq()) {
				differences.add(new Difference(step, where, subject, "IRQ", String.valueOf(real.irq()),
						String.valueOf(predicted.irq())));
			}
			if (!real.affinity().equals(predicted.affinity().toList())) {
				differences.add(new Difference(step, where, subject, "affinity", real.affinity(), predicted.affinity().toList()));
			}
			if (real.effectiveCpu() != predicted.effectiveCpu() && predicted.effectiveCpu() >= 0) {
				differences.add(new Difference(step, where, subject, "effective CPU", cpu(real.effectiveCpu()),
						cpu(predicted.effectiveCpu())));
			}
		}
		for (Map.Entry<String, GuestObservation.Interrupt> extra : guestInterrupts.entrySet()) {
			differences.add(new Difference(step, where, guestName + extra.getKey(), "interrupt",
					"IRQ " + extra.getValue().irq(), "absent"));
		}
	}

	private static String cpu(int cpu) {
		return cpu < 0 ? "none" : String.valueOf(cpu);
	}

	/** The part of an interrupt's name after its device's ("-req.0", "q3", "" for INTx), or null when not the device's. */
	static String partOf(String interrupt, String device) {
		if (device == null) {
			return null;
		}
		if (interrupt.contains(", ")) {
			// a line with several handlers: this device's own ones ("q0, nvme3q1" for nvme's one vector), or null
			List<String> own = new ArrayList<>();
			for (String action : interrupt.split(", ")) {
				if (partOfOne(action, device) != null) {
					own.add(action);
				}
			}
			return own.isEmpty() ? null : partOfOne(String.join(", ", own), device);
		}
		return partOfOne(interrupt, device);
	}

	private static String partOfOne(String interrupt, String device) {
		if (interrupt.equals(device)) {
			return "";
		}
		if (interrupt.startsWith(device + "-")) {
			return interrupt.substring(device.length());
		}
		if (device.startsWith("nvme") && interrupt.startsWith(device + "q")) {
			return interrupt.substring(device.length());
		}
		return null;
	}

	/** A device stays failed from its probe's failure line until a later state shows it bound. */
	private void noteProbeResults(GuestObservation.State state) {
		for (String line : state.kernelLines) {
			Matcher m = PROBE_FAILED.matcher(line);
			if (m.find()) {
				failedProbes.add(m.group(1));
			}
		}
		for (int index : state.bound) {
			failedProbes.remove(guest.handles.get(index));
			failedProbes.remove(guest.deviceName(index));
		}
	}

	/** How a guest device ends, in the oracle's words, read from its interrupts' names and the kernel's lines. */
	private String guestPath(GuestObservation.State state, int index) {
		String name = guest.deviceName(index);
		if (!state.bound.contains(index)) {
			return failedProbes.contains(guest.handles.get(index)) || failedProbes.contains(name)
					? InterruptPath.PROBE_FAILED.oracleName()
					: InterruptPath.UNBOUND.oracleName();
		}
		boolean perQueue = false;
		for (GuestObservation.Interrupt interrupt : state.interrupts.values()) {
			String part = partOf(interrupt.name(), name);
			if (part == null) {
				continue;
			}
			if (part.isEmpty()) {
				return InterruptPath.INTX.oracleName();
			}
			if (part.equals("-virtqueues") || part.contains(", ")) {
				// virtio's one vector for all queues, or nvme's for its admin and I/O queue
				return InterruptPath.SHARED_MSIX.oracleName();
			}
			if (part.startsWith("-req.") || part.startsWith("-input.") || part.startsWith("-output.")
					|| (part.startsWith("q") && !part.equals("q0"))) {
				perQueue = true;
			}
		}
		return perQueue ? InterruptPath.PER_QUEUE_MSIX_MANAGED.oracleName() : InterruptPath.SHARED_MSIX.oracleName();
	}

}
