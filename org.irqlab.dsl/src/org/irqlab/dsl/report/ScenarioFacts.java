package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.IrqbalanceResult;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.BindEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.simulation.DeviceTranslator;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.ScenarioOutcome;

/**
 * The figures every output of a report is made of, read once from a scenario's simulation: each probe,
 * the capacity after each simulated operation, and the numbers that explain the first degraded device.
 */
public final class ScenarioFacts {

	/**
	 * One probe: a device added, or bound again.
	 *
	 * @param type   the model's device type name ("dpu_disk")
	 * @param index  1-based number of the device within its `add` (1 for a bind)
	 * @param slots  vector slots the probe took from the matrix (global_available before minus after)
	 */
	public record DeviceRow(String name, String type, String driver, int index, InterruptPath path, int vectors,
			int errno, int line, int slots, DeviceResult result) {
	}

	/** Consecutive probes of one statement that ended alike: what the device table shows. */
	public record Run(DeviceRow first, DeviceRow last, int count, int minSlots, int maxSlots) {
		public boolean single() {
			return count == 1;
		}
	}

	/**
	 * global_available after one simulated operation (a probe, a removal, a CPU switched, an irqbalance pass).
	 *
	 * @param path the probe's interrupt path, or null for other operations
	 */
	public record CurvePoint(int step, int globalAvailable, InterruptPath path, String label, int line) {
	}

	/**
	 * Why devices lost their per-queue vectors, in figures.
	 *
	 * @param firstDegraded      the first device that did not get per-queue vectors
	 * @param costly             the first device that did get managed per-queue vectors, or null
	 * @param slotsPerDevice     what {@code costly} took from the matrix
	 * @param managedVectors     its managed queue vectors
	 * @param maskSlots          the sum of their affinity masks' sizes: one reserved slot per CPU and vector
	 * @param maskCpus           CPUs covered by the union of their affinity masks
	 * @param exhaustedCpus      online CPUs without a free vector when {@code firstDegraded} probed
	 * @param atDegradation      the matrix at that moment
	 */
	public record Cause(DeviceRow firstDegraded, DeviceRow costly, int slotsPerDevice, int managedVectors,
			int maskSlots, int maskCpus, List<Integer> exhaustedCpus, MatrixSnapshot atDegradation) {
	}

	private final ScenarioOutcome outcome;
	private final List<DeviceRow> devices;
	private final List<CurvePoint> curve;
	private final Cause cause;

	private ScenarioFacts(ScenarioOutcome outcome, List<DeviceRow> devices, List<CurvePoint> curve, Cause cause) {
		this.outcome = outcome;
		this.devices = devices;
		this.curve = curve;
		this.cause = cause;
	}

	public static ScenarioFacts of(ScenarioOutcome outcome) {
		if (!outcome.simulated()) {
			return new ScenarioFacts(outcome, List.of(), List.of(), null);
		}
		List<DeviceRow> devices = new ArrayList<>();
		List<CurvePoint> curve = new ArrayList<>();
		curve.add(new CurvePoint(0, outcome.start().globalAvailable(), null, "boot", 0));
		Cause cause = null;
		for (EventOutcome event : outcome.events()) {
			int line = lineOf(event.event());
			DeviceType type = typeOf(event);
			for (int i = 0; i < event.devices().size(); i++) {
				DeviceResult result = event.devices().get(i);
				curve.add(new CurvePoint(curve.size(), result.after().globalAvailable(),
						result.path() == InterruptPath.UNBOUND ? null : result.path(), result.name(), line));
				if (result.path() == InterruptPath.UNBOUND || type == null) {
					continue;
				}
				DeviceRow row = new DeviceRow(result.name(), type.getName(), driverOf(type),
						event.event() instanceof AddEvent ? i + 1 : 1, result.path(),
						result.vectors().size(), result.errno(), line,
						result.before().globalAvailable() - result.after().globalAvailable(), result);
				devices.add(row);
				if (cause == null && event.isFirstDegraded(i)) {
					cause = causeOf(row, devices, event.firstDegraded());
				}
			}
			for (CpuHotplugResult cpu : event.cpuChanges()) {
				curve.add(new CurvePoint(curve.size(), cpu.after().globalAvailable(), null,
						"CPU " + cpu.cpu() + (cpu.refused() ? " refused" : cpu.online() ? " online" : " offline"), line));
			}
			for (IrqbalanceResult balance : event.balance()) {
				curve.add(new CurvePoint(curve.size(), balance.after().globalAvailable(), null, "irqbalance pass",
						line));
			}
		}
		return new ScenarioFacts(outcome, List.copyOf(devices), List.copyOf(curve), cause);
	}

	private static Cause causeOf(DeviceRow degraded, List<DeviceRow> sofar, MatrixSnapshot matrix) {
		DeviceRow costly = null;
		for (DeviceRow row : sofar) {
			if (row.path() == InterruptPath.PER_QUEUE_MSIX_MANAGED && row.type().equals(degraded.type())) {
				costly = row;
				break;
			}
		}
		if (costly == null) {
			for (DeviceRow row : sofar) {
				if (row.path() == InterruptPath.PER_QUEUE_MSIX_MANAGED) {
					costly = row;
					break;
				}
			}
		}
		int managed = 0;
		int maskSlots = 0;
		org.irqlab.kernel.CpuSet mask = org.irqlab.kernel.CpuSet.empty();
		if (costly != null) {
			for (VectorInfo vector : costly.result().vectors()) {
				if (vector.managed()) {
					managed++;
					maskSlots += vector.affinity().size();
					mask = mask.or(vector.affinity());
				}
			}
		}
		List<Integer> exhausted = new ArrayList<>();
		for (MatrixSnapshot.CpuMap cpu : matrix.cpus()) {
			if (cpu.online() && cpu.available() == 0) {
				exhausted.add(cpu.cpu());
			}
		}
		return new Cause(degraded, costly, costly == null ? 0 : costly.slots(), managed, maskSlots, mask.size(),
				List.copyOf(exhausted), matrix);
	}

	private static DeviceType typeOf(EventOutcome event) {
		DeviceType type = null;
		if (event.event() instanceof AddEvent add) {
			type = add.getType();
		} else if (event.event() instanceof BindEvent bind && bind.getDevice() != null) {
			type = bind.getDevice().getType();
		}
		return type == null || type.eIsProxy() ? null : type;
	}

	static String driverOf(DeviceType type) {
		return switch (DeviceTranslator.typeOf(type)) {
			case VIRTIO_BLK -> "virtio_blk";
			case VIRTIO_NET -> "virtio_net";
			case NVME -> "nvme";
			case GENERIC_MSIX -> "msix";
		};
	}

	/** 1-based line of a statement in its file, 0 when it has none (a model built in memory). */
	public static int lineOf(EObject object) {
		ICompositeNode node = NodeModelUtils.getNode(object);
		return node == null ? 0 : node.getStartLine();
	}

	public ScenarioOutcome outcome() {
		return outcome;
	}

	public List<DeviceRow> devices() {
		return devices;
	}

	public List<CurvePoint> curve() {
		return curve;
	}

	/** Null when every device got per-queue vectors. */
	public Cause cause() {
		return cause;
	}

	/** Vector slots each online CPU offers to devices: the allocation range minus the system vectors in it. */
	public int usablePerCpu() {
		return outcome.start().usablePerCpu();
	}

	public long count(InterruptPath path) {
		return devices.stream().filter(d -> d.path() == path).count();
	}

	public long perQueue() {
		return count(InterruptPath.PER_QUEUE_MSIX_MANAGED) + count(InterruptPath.PER_QUEUE_MSIX_UNMANAGED);
	}

	public long degraded() {
		return count(InterruptPath.SHARED_MSIX) + count(InterruptPath.INTX) + count(InterruptPath.PROBE_FAILED);
	}

	/** Probes that got fewer interrupts (shared MSI-X or INTx) but did not fail. */
	public long fellBack() {
		return degraded() - count(InterruptPath.PROBE_FAILED);
	}

	/** Operations simulated: the curve's points after the start. */
	public int operations() {
		return curve.size() - 1;
	}

	/** The devices whose kernel messages explain the most: the first that degraded, the first that failed. */
	public List<DeviceRow> logged() {
		List<DeviceRow> rows = new ArrayList<>();
		if (cause != null) {
			rows.add(cause.firstDegraded());
		}
		devices.stream().filter(d -> d.path() == InterruptPath.PROBE_FAILED).findFirst()
				.filter(d -> !rows.contains(d)).ifPresent(rows::add);
		return rows;
	}

	/** Consecutive probes of the same statement with the same path, errno and vector count. */
	public List<Run> runs() {
		List<Run> runs = new ArrayList<>();
		DeviceRow first = null;
		DeviceRow last = null;
		int count = 0;
		int min = 0;
		int max = 0;
		for (DeviceRow row : devices) {
			if (first != null && alike(first, row) && row.index() == last.index() + 1) {
				last = row;
				count++;
				min = Math.min(min, row.slots());
				max = Math.max(max, row.slots());
				continue;
			}
			if (first != null) {
				runs.add(new Run(first, last, count, min, max));
			}
			first = row;
			last = row;
			count = 1;
			min = row.slots();
			max = row.slots();
		}
		if (first != null) {
			runs.add(new Run(first, last, count, min, max));
		}
		return runs;
	}

	private static boolean alike(DeviceRow a, DeviceRow b) {
		return a.line() == b.line() && a.path() == b.path() && a.errno() == b.errno() && a.vectors() == b.vectors()
				&& a.type().equals(b.type());
	}
}
