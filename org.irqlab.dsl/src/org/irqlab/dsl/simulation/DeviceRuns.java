package org.irqlab.dsl.simulation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.irqlab.dsl.kernel.DeviceResult;
import org.irqlab.dsl.kernel.InterruptPath;

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

	private DeviceRuns(Map<InterruptPath, Run> runs) {
		this.runs = runs;
	}

	public static DeviceRuns of(EventOutcome event) {
		Map<InterruptPath, Run> runs = new EnumMap<>(InterruptPath.class);
		List<DeviceResult> devices = event.devices();
		for (int i = 0; i < devices.size(); i++) {
			DeviceResult device = devices.get(i);
			int number = event.firstIndex() + i;
			runs.merge(device.path(), new Run(device.path(), number, number, 1, device),
					(old, single) -> new Run(old.path(), old.first(), number, old.count() + 1, old.sample()));
		}
		return new DeviceRuns(runs);
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
