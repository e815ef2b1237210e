package org.irqlab.dsl.kernel;

import java.util.List;

/**
 * Outcome of taking a CPU offline or bringing it online.
 *
 * @param errno       0, or why the kernel refused (-ENOSPC: vectors would not fit elsewhere)
 * @param moved       interrupts moved to other CPUs
 * @param shutDown    managed interrupts shut down because their whole mask went offline
 * @param broken      interrupts whose affinity had to be broken (no online CPU left in it)
 * @param restarted   managed interrupts started again when the CPU came online
 */
public record CpuHotplugResult(int cpu, boolean online, int errno, int moved, int shutDown, int broken,
        int restarted, List<String> messages, MatrixCounters before, MatrixCounters after) {
    public boolean refused() {
        return errno != 0;
    }
}
