package org.irqlab.kernel;

import java.util.EnumMap;
import java.util.Map;

/**
 * Answers "how many more of this device fit" by hot-adding copies on a copy of the simulation until one
 * fails to probe (or a limit is reached).
 */
public final class CapacityEstimator {
    private CapacityEstimator() {
    }

    /**
     * @param fitted         devices that probed successfully
     * @param byPath         how many of them ended on each interrupt path
     * @param firstDegraded  1-based number of the first device that did not get the first device's path,
     *                       0 if none
     * @param firstFailure   the first failing device's result, null when the limit was reached first
     */
    public record Estimate(int fitted, Map<InterruptPath, Integer> byPath, int firstDegraded,
            DeviceResult firstFailure, MatrixCounters end) {
    }

    public static Estimate howManyMore(Simulation sim, DeviceSpec spec, int limit) {
        Simulation s = sim.copy();
        Map<InterruptPath, Integer> byPath = new EnumMap<>(InterruptPath.class);
        InterruptPath firstPath = null;
        int firstDegraded = 0;
        for (int i = 1; i <= limit; i++) {
            DeviceResult r = s.addDevice(spec);
            if (r.failed()) {
                return new Estimate(i - 1, byPath, firstDegraded == 0 ? i : firstDegraded, r, s.counters());
            }
            byPath.merge(r.path(), 1, Integer::sum);
            if (firstPath == null) {
                firstPath = r.path();
            } else if (r.path() != firstPath && firstDegraded == 0) {
                firstDegraded = i;
            }
        }
        return new Estimate(limit, byPath, firstDegraded, null, s.counters());
    }
}
