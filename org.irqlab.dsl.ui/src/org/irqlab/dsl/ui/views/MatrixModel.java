package org.irqlab.dsl.ui.views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.ScenarioOutcome;

/**
 * What the Vector Matrix view draws: one cell per CPU with its matrix counters at the end of a
 * scenario, and which device vectors sit on each CPU. Built off the UI thread.
 *
 * @param title    the scenario and machine, or why there is nothing to show
 * @param occupant for each CPU, the vectors activated on it ("virtio3-req.0  irq 50  vector 35  managed")
 */
public record MatrixModel(String title, List<Cell> cells, Map<Integer, List<String>> occupant) {

	public enum Metric {
		AVAILABLE("available"), MANAGED("managed (reserved)"), ALLOCATED("allocated");

		private final String label;

		Metric(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One CPU's map; usable is what the matrix could give out on it (its vector range minus system vectors). */
	public record Cell(int cpu, int node, boolean online, int available, int managed, int managedAllocated, int allocated,
			String vectors) {

		public int usable() {
			return available + managed + allocated - managedAllocated;
		}

		/** How much of the CPU the metric takes, 0 to 1; for `available`, how little is left. */
		public double pressure(Metric metric) {
			int usable = usable();
			if (usable <= 0) {
				return 1;
			}
			return switch (metric) {
				case AVAILABLE -> 1 - (double) available / usable;
				case MANAGED -> (double) managed / usable;
				case ALLOCATED -> (double) allocated / usable;
			};
		}

		public int value(Metric metric) {
			return switch (metric) {
				case AVAILABLE -> available;
				case MANAGED -> managed;
				case ALLOCATED -> allocated;
			};
		}
	}

	public static MatrixModel empty(String why) {
		return new MatrixModel(why, List.of(), Map.of());
	}

	public static MatrixModel of(ScenarioOutcome outcome) {
		if (!outcome.simulated()) {
			return empty("scenario " + outcome.scenario().getName() + " cannot be simulated: " + outcome.problem());
		}
		MachineSpec machine = outcome.machine();
		MatrixSnapshot end = outcome.end();
		List<Cell> cells = new ArrayList<>(end.cpus().size());
		for (MatrixSnapshot.CpuMap cpu : end.cpus()) {
			cells.add(new Cell(cpu.cpu(), machine.nodeOf(cpu.cpu()), cpu.online(), cpu.available(), cpu.managed(),
					cpu.managedAllocated(), cpu.allocated(), cpu.vectors()));
		}
		String title = "scenario " + outcome.scenario().getName() + " on " + outcome.scenario().getMachine().getName()
				+ ", at its end: " + cells.size() + " CPUs, " + Math.max(1, machine.nrNodeIds()) + " NUMA node"
				+ (machine.nrNodeIds() == 1 ? "" : "s") + ", global_available " + end.globalAvailable();
		return new MatrixModel(title, List.copyOf(cells), occupants(outcome));
	}

	/** The last state of every device interrupt, by the CPU whose vector it holds. */
	private static Map<Integer, List<String>> occupants(ScenarioOutcome outcome) {
		Map<Integer, VectorInfo> byIrq = new LinkedHashMap<>();
		for (EventOutcome event : outcome.events()) {
			for (DeviceResult device : event.devices()) {
				for (VectorInfo vector : device.vectors()) {
					byIrq.put(vector.irq(), vector);
				}
			}
		}
		Map<Integer, List<String>> result = new HashMap<>();
		for (VectorInfo vector : byIrq.values()) {
			if (vector.effectiveCpu() >= 0) {
				result.computeIfAbsent(vector.effectiveCpu(), cpu -> new ArrayList<>())
						.add(vector.name() + "  irq " + vector.irq() + "  vector " + vector.vector()
								+ (vector.managed() ? "  managed" : "") + "  mask " + vector.affinity().toList());
			}
		}
		return result;
	}

	public String describe(int cpu) {
		if (cpu < 0 || cpu >= cells.size()) {
			return "";
		}
		Cell cell = cells.get(cpu);
		StringBuilder text = new StringBuilder();
		text.append("CPU ").append(cell.cpu()).append(" (node ").append(cell.node()).append(cell.online() ? ", online" : ", offline")
				.append("): available ").append(cell.available()).append(", managed reserved ").append(cell.managed())
				.append(" (").append(cell.managedAllocated()).append(" in use), allocated ").append(cell.allocated())
				.append(" of ").append(cell.usable()).append(" usable\n");
		text.append("vectors in use: ").append(cell.vectors().isEmpty() ? "none" : cell.vectors()).append('\n');
		List<String> vectors = occupant.getOrDefault(cpu, List.of());
		text.append(vectors.size()).append(" device vector").append(vectors.size() == 1 ? "" : "s")
				.append(" of this scenario on this CPU").append(vectors.isEmpty() ? "" : ":").append('\n');
		for (String each : vectors) {
			text.append("  ").append(each).append('\n');
		}
		int others = cell.allocated() - vectors.size();
		if (others > 0) {
			text.append("  and ").append(others).append(" allocated before the scenario (the machine's load)\n");
		}
		return text.toString();
	}
}
