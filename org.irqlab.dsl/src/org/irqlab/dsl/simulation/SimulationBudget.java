package org.irqlab.dsl.simulation;

import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.BalanceEvent;
import org.irqlab.dsl.model.CpuEvent;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.model.RemoveEvent;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.Scenario;

/**
 * Refuses, before it starts, a simulation that would keep the editor busy. The work grows with the
 * number of operations (devices added or removed, CPUs switched, irqbalance passes) times the CPUs,
 * since a managed device touches every CPU.
 */
public final class SimulationBudget {

	/** Operations x CPUs: the 8192-CPU, 4096-device model fits, with room for a few more events. */
	public static final long DEFAULT_WORK = 64L * 1024 * 1024;

	private final long maxWork;

	public SimulationBudget(long maxWork) {
		this.maxWork = maxWork;
	}

	public static SimulationBudget standard() {
		return new SimulationBudget(DEFAULT_WORK);
	}

	/** @return why the scenario is too large to simulate, or null when it fits */
	public String check(Scenario scenario) {
		long cpus = MachineTranslator.cpuCountOf(scenario.getMachine());
		long operations = operations(scenario.getEvents(), 1);
		if (operations > 0 && cpus > 0 && operations > maxWork / cpus) {
			return "scenario " + scenario.getName() + " makes " + (operations == Long.MAX_VALUE ? "too many" : operations)
					+ " device or CPU operations on " + cpus + " CPUs: more than IrqLab simulates while you edit"
					+ " (operations x CPUs <= " + maxWork + "); split it into smaller scenarios";
		}
		return null;
	}

	private static long operations(Iterable<Event> events, long times) {
		long total = 0;
		for (Event event : events) {
			long own;
			if (event instanceof RepeatEvent repeat) {
				own = operations(repeat.getEvents(), Math.max(0, repeat.getTimes()));
			} else if (event instanceof AddEvent add) {
				own = Math.max(1, add.getCount());
			} else if (event instanceof RemoveEvent remove) {
				own = Math.max(1, remove.getCount());
			} else if (event instanceof CpuEvent cpu) {
				own = cpuCount(cpu.getCpus());
			} else if (event instanceof BalanceEvent balance) {
				own = Math.max(1, balance.getPasses());
			} else {
				own = 1;
			}
			total = saturatingAdd(total, saturatingMultiply(times, own));
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
