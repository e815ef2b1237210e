package org.irqlab.dsl.simulation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.InterruptPath;

/** The devices of one event, summed up per interrupt path: which numbers took it, and the first of them. */
public final class DeviceRuns {

	/**
	 * The devices of an event that ended on one path.
	 *
	 * @param first  1-based number, within the event, of the first such device
	 * @param last   number of the last such device
	 * @param count  how many; fewer than last - first + 1 when other paths came in between
	 * @param sample the first such device's result
	 */
	public record Run(InterruptPath path, int first, int last, int count, DeviceResult sample) {

		public boolean contiguous() {
			return count == last - first + 1;
		}

		public int errno() {
			return sample.errno();
		}
	}

	private final Map<InterruptPath, Run> runs;
	private final int total;

	private DeviceRuns(Map<InterruptPath, Run> runs, int total) {
		this.runs = runs;
		this.total = total;
	}

	public static DeviceRuns of(EventOutcome event) {
		return of(List.of(event));
	}

	/**
	 * The devices of every pass of one statement (an `add` inside a `repeat` runs once per pass),
	 * numbered 1, 2, ... in the order they were added.
	 */
	public static DeviceRuns of(List<EventOutcome> passes) {
		Map<InterruptPath, Run> runs = new EnumMap<>(InterruptPath.class);
		int number = 0;
		for (EventOutcome pass : passes) {
			for (DeviceResult device : pass.devices()) {
				int current = ++number;
				runs.merge(device.path(), new Run(device.path(), current, current, 1, device),
						(old, single) -> new Run(old.path(), old.first(), current, old.count() + 1, old.sample()));
			}
		}
		return new DeviceRuns(runs, number);
	}

	/** How many devices the statement added in all. */
	public int total() {
		return total;
	}

	public Run get(InterruptPath path) {
		return runs.get(path);
	}

	public Run firstFailed() {
		return runs.get(InterruptPath.PROBE_FAILED);
	}

	public Run firstShared() {
		return runs.get(InterruptPath.SHARED_MSIX);
	}

	public Run firstIntx() {
		return runs.get(InterruptPath.INTX);
	}

	public Map<InterruptPath, Run> all() {
		return runs;
	}
}
