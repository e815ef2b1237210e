package org.irqlab.dsl.kernel;

import java.util.Arrays;

/**
 * Interrupt load that exists before the first simulated event: boot-time vectors, other drivers'
 * interrupts and reservations. It can be given three ways, which may be combined:
 * <ul>
 * <li>{@link #placed(int)}: n non-managed vectors placed one at a time by the kernel's rule (the oracle
 * guests: 6 vectors, one each on CPUs 0-5);</li>
 * <li>per CPU: non-managed allocated, managed reserved and managed allocated counts;</li>
 * <li>a crash dump's global counters ({@link #fromCrashDump}), spread evenly over the online CPUs as
 * described there.</li>
 * </ul>
 * Plus the global reservation count (global_reserved) of never-activated reservation-mode interrupts.
 */
public final class BootLoad {
    private final int placedNonManaged;
    private final int reserved;
    private final int[] nonManaged;
    private final int[] managedReserved;
    private final int[] managedAllocated;
    private final long dumpGlobalAvailable;
    private final long dumpTotalAllocated;

    private BootLoad(int placed, int reserved, int[] nonManaged, int[] managedReserved, int[] managedAllocated,
            long dumpGlobalAvailable, long dumpTotalAllocated) {
        this.placedNonManaged = placed;
        this.reserved = reserved;
        this.nonManaged = nonManaged;
        this.managedReserved = managedReserved;
        this.managedAllocated = managedAllocated;
        this.dumpGlobalAvailable = dumpGlobalAvailable;
        this.dumpTotalAllocated = dumpTotalAllocated;
    }

    public static BootLoad none() {
        return new BootLoad(0, 0, null, null, null, -1, -1);
    }

    /** What the oracle's Debian guests show at boot: 6 placed vectors and 9 reservations. */
    public static BootLoad qemuGuestDefault() {
        return placed(6).withReserved(9);
    }

    /** {@code n} non-managed vectors, each placed on the online CPU with most available vectors (lowest first). */
    public static BootLoad placed(int n) {
        return new BootLoad(n, 0, null, null, null, -1, -1);
    }

    /**
     * Per-CPU load; arrays are indexed by CPU and may be shorter than the CPU count (missing = 0).
     * {@code managedAllocated[i]} must not exceed {@code managedReserved[i]}: an active managed vector
     * always sits on one of its own reservations.
     */
    public static BootLoad perCpu(int[] nonManagedAllocated, int[] managedReserved, int[] managedAllocated) {
        for (int i = 0; i < managedAllocated.length; i++) {
            int r = i < managedReserved.length ? managedReserved[i] : 0;
            if (managedAllocated[i] > r) {
                throw new IllegalArgumentException("cpu " + i + ": managed allocated exceeds managed reserved");
            }
        }
        return new BootLoad(0, 0, nonManagedAllocated.clone(), managedReserved.clone(), managedAllocated.clone(),
                -1, -1);
    }

    /** The same load on each of the first {@code cpus} CPUs. */
    public static BootLoad uniform(int cpus, int nonManagedAllocated, int managedReserved, int managedAllocated) {
        int[] a = new int[cpus];
        int[] r = new int[cpus];
        int[] m = new int[cpus];
        Arrays.fill(a, nonManagedAllocated);
        Arrays.fill(r, managedReserved);
        Arrays.fill(m, managedAllocated);
        return perCpu(a, r, m);
    }

    /**
     * Reconstructs per-CPU load from a crash dump's {@code global_available}, {@code global_reserved} and
     * {@code total_allocated}. A dump does not say how the load is split, so this assumes: every allocated
     * vector is non-managed; the remaining used slots (capacity - available - allocated) are managed
     * reservations not yet activated; both are spread evenly over the online CPUs in CPU order, the first
     * CPUs taking the remainder. For the incident (15593 / 409 on 80 CPUs of 201) that is 5 or 6 non-managed
     * vectors and 0 or 1 managed reservations per CPU (CPUs 0-8 carry 6, CPUs 0-77 one reservation).
     */
    public static BootLoad fromCrashDump(long globalAvailable, int globalReserved, long totalAllocated) {
        return new BootLoad(0, globalReserved, null, null, null, globalAvailable, totalAllocated);
    }

    /** Same load plus {@code count} global reservations (replaces the previous count). */
    public BootLoad withReserved(int count) {
        return new BootLoad(placedNonManaged, count, nonManaged, managedReserved, managedAllocated,
                dumpGlobalAvailable, dumpTotalAllocated);
    }

    /** Same load plus {@code n} vectors placed by the kernel's rule after the per-CPU load is in place. */
    public BootLoad withPlaced(int n) {
        return new BootLoad(n, reserved, nonManaged, managedReserved, managedAllocated, dumpGlobalAvailable,
                dumpTotalAllocated);
    }

    public int placedNonManaged() {
        return placedNonManaged;
    }

    public int reserved() {
        return reserved;
    }

    public boolean isCrashDump() {
        return dumpGlobalAvailable >= 0;
    }

    public long dumpGlobalAvailable() {
        return dumpGlobalAvailable;
    }

    public long dumpTotalAllocated() {
        return dumpTotalAllocated;
    }

    int nonManagedOn(int cpu) {
        return at(nonManaged, cpu);
    }

    int managedReservedOn(int cpu) {
        return at(managedReserved, cpu);
    }

    int managedAllocatedOn(int cpu) {
        return at(managedAllocated, cpu);
    }

    private static int at(int[] a, int i) {
        return a != null && i < a.length ? a[i] : 0;
    }
}
