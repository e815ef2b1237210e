package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.dsl.simulation.ScenarioOutcome;

/**
 * Compares a scenario's simulated end state with a captured host: the vector matrix per CPU (exact from
 * the VECTOR debugfs file, else estimated from /proc/interrupts as an import would) and the virtio and NVMe
 * devices, vector by vector. Devices numbered below the model's `first virtio` / `first nvme` were on the
 * host before the scenario: they are part of the machine's load and not compared one by one.
 */
public final class StateComparison {

	/** What the comparison found. */
	public record Result(List<Difference> differences, List<String> notes, int cpusCompared, int devicesCompared) {

		public boolean agree() {
			return differences.isEmpty();
		}
	}

	private static final Pattern NUMBERED = Pattern.compile("(virtio|nvme)(\\d+)");

	private final ScenarioOutcome outcome;
	private final HostCapture host;
	private final List<Difference> differences = new ArrayList<>();
	private final List<String> notes = new ArrayList<>();
	private int cpusCompared;
	private int devicesCompared;

	private StateComparison(ScenarioOutcome outcome, HostCapture host) {
		this.outcome = outcome;
		this.host = host;
	}

	/** @param outcome a simulated scenario ({@link ScenarioOutcome#simulated()}) */
	public static Result compare(ScenarioOutcome outcome, HostCapture host) {
		StateComparison comparison = new StateComparison(outcome, host);
		comparison.matrix();
		comparison.devices();
		return new Result(List.copyOf(comparison.differences), List.copyOf(comparison.notes), comparison.cpusCompared,
				comparison.devicesCompared);
	}

	// ---------------------------------------------------------------- matrix

	private void matrix() {
		MatrixSnapshot end = outcome.end();
		if (host.vector() != null) {
			VectorDebugfs vector = host.vector();
			value("matrix", "online CPUs", end.onlineMaps(), vector.onlineMaps());
			value("matrix", "global available", end.globalAvailable(), vector.globalAvailable());
			value("matrix", "global reserved", end.globalReserved(), vector.globalReserved());
			value("matrix", "total allocated", end.totalAllocated(), vector.totalAllocated());
			Map<Integer, int[]> machine = new TreeMap<>();
			for (VectorDebugfs.CpuRow row : vector.cpus()) {
				machine.put(row.cpu(), new int[] { row.available(), row.managed(), row.managedAllocated(), row.allocated() });
			}
			perCpu(end, machine, vector.withManagedAllocated() ? List.of("avl", "man", "mac", "act") : List.of("avl", "man", "act"),
					vector.withManagedAllocated() ? new int[] { 0, 1, 2, 3 } : new int[] { 0, 1, 3 });
		} else if (host.interrupts() != null) {
			int cpus = end.cpus().size();
			CpuSet online = CpuSet.of(host.interrupts().cpus());
			HostLoad estimate = LoadDerivation.fromInterrupts(host.interrupts(), host.affinities(), online, cpus);
			notes.add("no VECTOR file: the machine's per-CPU counts are estimated from " + host.interrupts().file()
					+ " (act and man only)");
			Map<Integer, int[]> machine = new TreeMap<>();
			for (int cpu : host.interrupts().cpus()) {
				if (cpu < cpus) {
					machine.put(cpu, new int[] { 0, estimate.managed()[cpu], 0,
							estimate.allocated()[cpu] + estimate.managedAllocated()[cpu] });
				}
			}
			perCpu(end, machine, List.of("man", "act"), new int[] { 1, 3 });
		}
	}

	/** Compares the chosen columns (0 avl, 1 man, 2 mac, 3 act) of every CPU both sides have online. */
	private void perCpu(MatrixSnapshot end, Map<Integer, int[]> machine, List<String> names, int[] columns) {
		List<ToIntFunction<MatrixSnapshot.CpuMap>> model = List.of(MatrixSnapshot.CpuMap::available,
				MatrixSnapshot.CpuMap::managed, MatrixSnapshot.CpuMap::managedAllocated, MatrixSnapshot.CpuMap::allocated);
		Map<List<Object>, List<Integer>> runs = new LinkedHashMap<>();
		for (Map.Entry<Integer, int[]> entry : machine.entrySet()) {
			int cpu = entry.getKey();
			boolean modelOnline = cpu < end.cpus().size() && end.cpu(cpu).online();
			if (!modelOnline) {
				runs.computeIfAbsent(List.of("online", "no", "yes"), k -> new ArrayList<>()).add(cpu);
				continue;
			}
			cpusCompared++;
			for (int i = 0; i < columns.length; i++) {
				int modelValue = model.get(columns[i]).applyAsInt(end.cpu(cpu));
				int machineValue = entry.getValue()[columns[i]];
				if (modelValue != machineValue) {
					runs.computeIfAbsent(List.of(names.get(i), modelValue, machineValue), k -> new ArrayList<>()).add(cpu);
				}
			}
		}
		for (MatrixSnapshot.CpuMap cpu : end.cpus()) {
			if (cpu.online() && !machine.containsKey(cpu.cpu())) {
				runs.computeIfAbsent(List.of("online", "yes", "no"), k -> new ArrayList<>()).add(cpu.cpu());
			}
		}
		runs.forEach((key, cpus) -> {
			CpuSet set = CpuSet.of(cpus.stream().mapToInt(Integer::intValue).toArray());
			differences.add(new Difference((cpus.size() == 1 ? "CPU " : "CPUs ") + set.toList(), key.get(0).toString(),
					key.get(1).toString(), key.get(2).toString()));
		});
	}

	private void value(String subject, String what, long model, long machine) {
		if (model != machine) {
			differences.add(new Difference(subject, what, String.valueOf(model), String.valueOf(machine)));
		}
	}

	// ---------------------------------------------------------------- devices

	private void devices() {
		Map<String, DeviceResult> model = new LinkedHashMap<>();
		for (DeviceResult device : outcome.simulation().devices()) {
			model.put(device.name(), device);
		}
		Map<String, PresentDevice> machine = new LinkedHashMap<>();
		List<String> before = new ArrayList<>();
		for (PresentDevice device : host.devices()) {
			if (presentAtBoot(device.name()) && !model.containsKey(device.name())) {
				before.add(device.name());
			} else {
				machine.put(device.name(), device);
			}
		}
		if (!before.isEmpty()) {
			notes.add(String.join(", ", before) + ": on the host before the scenario (numbered below the model's first"
					+ " virtio / first nvme), so in the machine's load; not compared one by one");
		}
		if (host.interrupts() == null) {
			if (!model.isEmpty()) {
				notes.add("no /proc/interrupts in the capture: devices not compared");
			}
			return;
		}
		List<String> names = new ArrayList<>(model.keySet());
		machine.keySet().stream().filter(n -> !model.containsKey(n)).forEach(names::add);
		names.sort(StateComparison::byKindAndNumber);
		for (String name : names) {
			devicesCompared++;
			device(name, model.get(name), machine.get(name));
		}
	}

	private boolean presentAtBoot(String name) {
		Matcher m = NUMBERED.matcher(name);
		if (!m.matches()) {
			return false;
		}
		int index = Integer.parseInt(m.group(2));
		return m.group(1).equals("virtio") ? index < outcome.machine().firstVirtioIndex()
				: index < outcome.machine().firstNvmeIndex();
	}

	private void device(String name, DeviceResult model, PresentDevice machine) {
		boolean modelHasInterrupts = model != null && model.path() != InterruptPath.PROBE_FAILED
				&& model.path() != InterruptPath.UNBOUND;
		if (model == null) {
			differences.add(new Difference(name, "present", "no", "yes (" + machine.path().description() + ")"));
			return;
		}
		if (machine == null) {
			if (modelHasInterrupts) {
				differences.add(new Difference(name, "present", "yes (" + pathOf(model) + ")", "no"));
			}
			return;
		}
		if (!modelHasInterrupts) {
			differences.add(new Difference(name, "interrupts", model.failed() ? "none: its probe fails" : "none: unbound",
					machine.path().description()));
			return;
		}
		if (!pathOf(model).equals(machine.path().description())) {
			differences.add(new Difference(name, "path", pathOf(model), machine.path().description()));
		}
		Map<String, VectorInfo> modelVectors = new LinkedHashMap<>();
		for (VectorInfo vector : model.vectors()) {
			if (vector.requested()) {
				modelVectors.put(vector.name(), vector);
			}
		}
		Map<String, PresentDevice.Vector> machineVectors = new LinkedHashMap<>();
		for (PresentDevice.Vector vector : machine.vectors()) {
			machineVectors.put(vector.action(), vector);
		}
		for (Map.Entry<String, VectorInfo> entry : modelVectors.entrySet()) {
			PresentDevice.Vector other = machineVectors.get(entry.getKey());
			if (other == null) {
				differences.add(new Difference(entry.getKey(), "present", "yes", "no"));
				continue;
			}
			VectorInfo mine = entry.getValue();
			if (other.affinity() != null && !Objects.equals(mine.affinity(), other.affinity())) {
				differences.add(new Difference(entry.getKey(), "affinity", mine.affinity().toList(), other.affinity().toList()));
			}
			if (other.effectiveCpu() >= 0 && mine.effectiveCpu() != other.effectiveCpu()) {
				differences.add(new Difference(entry.getKey(), "effective CPU", cpuText(mine.effectiveCpu()),
						cpuText(other.effectiveCpu())));
			}
		}
		for (String action : machineVectors.keySet()) {
			if (!modelVectors.containsKey(action)) {
				differences.add(new Difference(action, "present", "no", "yes"));
			}
		}
	}

	private static String cpuText(int cpu) {
		return cpu < 0 ? "none" : String.valueOf(cpu);
	}

	private static String pathOf(DeviceResult device) {
		return switch (device.path()) {
			case PER_QUEUE_MSIX_MANAGED, PER_QUEUE_MSIX_UNMANAGED -> PresentDevice.Path.PER_QUEUE.description();
			case SHARED_MSIX -> PresentDevice.Path.SHARED.description();
			case INTX -> PresentDevice.Path.INTX.description();
			case PROBE_FAILED -> "probe failed";
			case UNBOUND -> "unbound";
		};
	}

	private static int byKindAndNumber(String a, String b) {
		Matcher ma = NUMBERED.matcher(a);
		Matcher mb = NUMBERED.matcher(b);
		if (ma.matches() && mb.matches() && ma.group(1).equals(mb.group(1))) {
			return Integer.compare(Integer.parseInt(ma.group(2)), Integer.parseInt(mb.group(2)));
		}
		return a.compareTo(b);
	}
}
