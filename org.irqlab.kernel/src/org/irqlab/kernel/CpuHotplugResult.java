package org.irqlab.kernel;

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
        int restarted, List<KernelMessage> printed, MatrixCounters before, MatrixCounters after) {
    /** The kernel refused: the CPU stays as it was ({@code online} says how). */
    static CpuHotplugResult refused(int cpu, boolean online, int errno, List<KernelMessage> printed,
            MatrixCounters before, MatrixCounters after) {
        return new CpuHotplugResult(cpu, online, errno, 0, 0, 0, 0, printed, before, after);
    }

    /** The CPU went offline, its interrupts moved, shut down or broken. */
    static CpuHotplugResult wentOffline(int cpu, int moved, int shutDown, int broken, List<KernelMessage> printed,
            MatrixCounters before, MatrixCounters after) {
        return new CpuHotplugResult(cpu, false, 0, moved, shutDown, broken, 0, printed, before, after);
    }

    /** The CPU came online and {@code restarted} managed interrupts started again on it. */
    static CpuHotplugResult cameOnline(int cpu, int restarted, List<KernelMessage> printed, MatrixCounters before,
            MatrixCounters after) {
        return new CpuHotplugResult(cpu, true, 0, 0, 0, 0, restarted, printed, before, after);
    }

    /** The kernel's lines as dmesg shows them. */
    public List<String> messages() {
        return printed.stream().map(KernelMessage::text).toList();
    }

    public boolean refused() {
        return errno != 0;
    }
}
