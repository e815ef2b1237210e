package org.irqlab.dsl.simulation;

import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.BalanceEvent;
import org.irqlab.dsl.model.BindEvent;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.model.RemoveEvent;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.Scenario;

/**
 * Refuses, before it starts, a simulation that would keep the editor busy. The work is estimated in
 * units of about 2 to 7 ns on this project's machines: a hot-add costs a fixed part (the device, its
 * names, its kernel log) plus the CPUs times the vectors that are placed by a search over the CPUs
 * (every non-managed vector; managed queue vectors together count once, their masks partition the
 * CPUs); a CPU going offline or an irqbalance pass visits every vector, at most 256 per CPU.
 */
public final class SimulationBudget {

	/** The 8192-CPU, 4096-device model (84M) fits; a budget's worth takes 0.2 to 1 s to simulate. */
	public static final long DEFAULT_WORK = 128L * 1024 * 1024;

	/** What an operation costs whatever the machine, as many units as placing a vector on 4096 CPUs. */
	static final long FIXED_COST = 4096;

	/** Vectors a CPU holds at most: what a CPU offline or an irqbalance pass may have to visit per CPU. */
	static final long VECTORS_PER_CPU = MachineSpec.VECTORS_PER_CPU;

	private final long maxWork;

	public SimulationBudget(long maxWork) {
		this.maxWork = maxWork;
	}

	/** The bound `irqlab check/report --budget` sets for its run; the editor never changes it. */
	private static volatile long commandLineWork = DEFAULT_WORK;

	/** The bound in force: {@link #DEFAULT_WORK} unless a command line run raised or lowered it. */
	public static SimulationBudget standard() {
		return new SimulationBudget(commandLineWork);
	}

	/** The work units this budget allows. */
	public long maxWork() {
		return maxWork;
	}

	/**
	 * Makes {@code work} the bound of {@link #standard()} until the returned handle is closed: the
	 * command line's --budget, for the run's simulations, what-ifs and headroom searches alike.
	 */
	public static AutoCloseable overrideForCommandLine(long work) {
		if (work < 1) {
			throw new IllegalArgumentException("a budget is at least 1 unit of work");
		}
		long previous = commandLineWork;
		commandLineWork = work;
		return () -> commandLineWork = previous;
	}

	/** @return why the scenario is too large to simulate, or null when it fits */
	public String check(Scenario scenario) {
		long cpus = MachineTranslator.cpuCountOf(scenario.getMachine());
		long work = cpus > 0 ? work(scenario.getEvents(), cpus) : 0;
		if (work > maxWork) {
			return "scenario " + scenario.getName() + " needs " + (work == Long.MAX_VALUE ? "too much" : "about " + work)
					+ " units of work on " + cpus + " CPUs: more than IrqLab simulates while you edit (at most " + maxWork
					+ "; a device costs the CPUs times the vectors it places, a CPU offline or irqbalance pass the CPUs"
					+ " times 256); split it into smaller scenarios, or on the command line raise the bound with --budget "
					+ suggestedBudget(work);
		}
		return null;
	}

	/** A round --budget that covers {@code work}: the next power of two, in units. */
	static String suggestedBudget(long work) {
		return work == Long.MAX_VALUE || work > (1L << 62) ? "(no bound covers it)" : String.valueOf(Long.highestOneBit(work) << 1);
	}

	/** Work units of one probe of {@code type} on {@code cpus} CPUs (hot-add or bind). */
	public static long deviceCost(DeviceType type, long cpus) {
		return saturatingAdd(saturatingMultiply(cpus, 1 + placedVectors(type)), FIXED_COST);
	}

	// Shared MSI-X, the fallback of every driver here, places 2 vectors: no device costs less.
	private static long placedVectors(DeviceType type) {
		if (type == null || type.eIsProxy()) {
			return 2;
		}
		DeviceSpec spec = DeviceTranslator.translate(type);
		long queues = spec.queues();
		long placed = switch (spec.type()) {
			case VIRTIO_NET -> Boolean.TRUE.equals(spec.managed()) ? 2 : 2 * queues + 1;
			case VIRTIO_BLK, NVME -> Boolean.FALSE.equals(spec.managed()) ? queues + 1 : 2;
			case GENERIC_MSIX -> Boolean.TRUE.equals(spec.managed()) ? 1 + spec.preVectors() + spec.postVectors()
					: queues;
		};
		return Math.max(2, placed);
	}

	/** An `add` of several NVMe controllers, whose probes overlap: the runner plays it in two orders. */
	static boolean probesAsynchronously(AddEvent add) {
		return add.getCount() > 1 && add.getType() != null && !add.getType().eIsProxy()
				&& DeviceTranslator.translate(add.getType()).type() == org.irqlab.kernel.DeviceKind.NVME;
	}

	private static long work(Iterable<Event> events, long cpus) {
		long total = 0;
		long step = saturatingAdd(saturatingMultiply(cpus, VECTORS_PER_CPU), FIXED_COST);
		for (Event event : events) {
			long own;
			if (event instanceof RepeatEvent repeat) {
				// an empty pass still costs a step: nested empty repeats of 2^31 would otherwise pass as free
				own = saturatingMultiply(Math.max(0, repeat.getTimes()), Math.max(FIXED_COST, work(repeat.getEvents(), cpus)));
			} else if (event instanceof AddEvent add) {
				own = saturatingMultiply(Math.max(1, add.getCount()), deviceCost(add.getType(), cpus));
				if (probesAsynchronously(add)) {
					// played twice, one by one and all at once, the second time on a copy of the machine
					own = saturatingAdd(saturatingMultiply(own, 2), step);
				}
			} else if (event instanceof RemoveEvent remove) {
				own = saturatingMultiply(Math.max(1, remove.getCount()), cpus + FIXED_COST);
			} else if (event instanceof BindEvent bind) {
				own = deviceCost(bind.getDevice() == null || bind.getDevice().eIsProxy() ? null : bind.getDevice().getType(),
						cpus);
			} else if (event instanceof CpuEvent cpu) {
				own = saturatingMultiply(cpuCount(cpu.getCpus()), step);
			} else if (event instanceof BalanceEvent balance) {
				own = saturatingMultiply(Math.max(1, balance.getPasses()), step);
			} else {
				own = FIXED_COST;
			}
			total = saturatingAdd(total, own);
		}
		return total;
	}

	private static long cpuCount(String cpuList) {
		try {
			return cpuList == null ? 1 : CpuLists.count(cpuList);
		} catch (IllegalArgumentException e) {
			return 1;
		}
	}

	private static long saturatingMultiply(long a, long b) {
		long high = Math.multiplyHigh(a, b);
		long product = a * b;
		return (high != 0 || product < 0) ? Long.MAX_VALUE : product;
	}

	private static long saturatingAdd(long a, long b) {
		long sum = a + b;
		return sum < 0 ? Long.MAX_VALUE : sum;
	}
}
