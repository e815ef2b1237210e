package org.irqlab.kernel;

import java.util.Arrays;

/**
 * Interrupt load that exists before the first simulated event: boot-time vectors, other drivers'
 * interrupts and reservations. It can be given three ways, which may be combined:
 * <ul>
 * <li>{@link #placed(int)}: the n IO-APIC interrupts a booted machine runs (timer, keyboard, serial, rtc,
 * acpi, ...), the timer on the boot CPU and the others placed one at a time by the kernel's rule, on the
 * CPUs of their node first (the oracle guests: 6 vectors, one each on CPUs 0-5);</li>
 * <li>per CPU: non-managed allocated, managed reserved and managed allocated counts;</li>
 * <li>a crash dump's global counters ({@link #fromCrashDump}), spread evenly over the online CPUs as
 * described there.</li>
 * </ul>
 * Plus the global reservation count (global_reserved) of never-activated reservation-mode interrupts, some
 * of which may be named legacy IO-APIC lines ({@link #withReservedLines}).
 */
public final class BootLoad {
    private final int placedNonManaged;
    private final int reserved;
    private final int[] nonManaged;
    private final int[] managedReserved;
    private final int[] managedAllocated;
    private final long dumpGlobalAvailable;
    private final long dumpTotalAllocated;
    private final int[] reservedLines;
    private int[] ioapicPerCpu;
    /** The placed interrupts in groups as written: how many, and the NUMA node of their descriptors. */
    private int[] placedCounts = new int[0];
    private int[] placedNodes = new int[0];

    private BootLoad(int placed, int reserved, int[] nonManaged, int[] managedReserved, int[] managedAllocated,
            long dumpGlobalAvailable, long dumpTotalAllocated) {
        this(placed, reserved, nonManaged, managedReserved, managedAllocated, dumpGlobalAvailable,
                dumpTotalAllocated, new int[0]);
    }

    private BootLoad(int placed, int reserved, int[] nonManaged, int[] managedReserved, int[] managedAllocated,
            long dumpGlobalAvailable, long dumpTotalAllocated, int[] reservedLines) {
        this.placedNonManaged = placed;
        this.reserved = reserved;
        this.reservedLines = reservedLines;
        this.nonManaged = nonManaged;
        this.managedReserved = managedReserved;
        this.managedAllocated = managedAllocated;
        this.dumpGlobalAvailable = dumpGlobalAvailable;
        this.dumpTotalAllocated = dumpTotalAllocated;
    }

    public static BootLoad none() {
        return new BootLoad(0, 0, null, null, null, -1, -1);
    }

    /**
     * What the oracle's Debian guests show at boot: 6 placed vectors and 9 reservations. The 9 are the
     * IO-APIC's legacy lines that nobody requested during boot (setup_IO_APIC_irqs() maps all 15 ISA lines
     * and vector_configure_legacy() turns each inactive one into a reservation). Lines 10 and 11, the
     * virtio devices' INTx lines on the pc machine, must be among them: were either active, INTx would
     * cost no vector at all. Which other 7 lines make up the count is not known, so they stay anonymous.
     */
    public static BootLoad qemuGuestDefault() {
        return placed(6).withReserved(9).withReservedLines(10, 11);
    }

    /**
     * The {@code n} IO-APIC interrupts running after boot, their descriptors on node 0: the first is the timer,
     * which keeps its legacy vector on the boot CPU; each other one gets its vector when requested, on the
     * node's online CPU with most available vectors (lowest CPU on a tie), or on any online CPU when the node
     * has no room. The first ones take the free legacy numbers below 16, the rest numbers from the dynamic
     * range.
     */
    public static BootLoad placed(int n) {
        return none().withPlaced(n);
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
     * reservations not yet activated; both are spread evenly over the online CPUs in CPU order. The first
     * CPUs take the allocated remainder and the managed remainder continues where it stopped, so that no
     * CPU carries both remainders (a dump of a full matrix then still fits). For the incident (15593 / 409
     * on 80 CPUs of 201) that is 5 or 6 non-managed vectors and 0 or 1 managed reservations per CPU
     * (CPUs 0-8 carry 6 allocated, CPUs 9-79 and 0-6 one reservation).
     */
    public static BootLoad fromCrashDump(long globalAvailable, int globalReserved, long totalAllocated) {
        return new BootLoad(0, globalReserved, null, null, null, globalAvailable, totalAllocated);
    }

    /**
     * Same load with {@code count} global reservations in all (replaces the previous count); named lines
     * ({@link #withReservedLines}) count towards it.
     */
    public BootLoad withReserved(int count) {
        return keepIoapic(new BootLoad(placedNonManaged, Math.max(count, reservedLines.length), nonManaged, managedReserved,
                managedAllocated, dumpGlobalAvailable, dumpTotalAllocated, reservedLines));
    }

    /**
     * Same load where these IO-APIC lines exist at boot without a vector, each holding one of the global
     * reservations (the total is raised if it was smaller). Their first request_irq() must find a vector;
     * a line not named here is created when a driver first uses it and reserves then.
     */
    public BootLoad withReservedLines(int... lines) {
        int[] copy = lines.clone();
        for (int line : copy) {
            if (line <= 0) {
                throw new IllegalArgumentException("line " + line + " is not an IO-APIC line a device can use");
            }
        }
        if (Arrays.stream(copy).distinct().count() != copy.length) {
            throw new IllegalArgumentException("reserved lines repeat: " + Arrays.toString(copy));
        }
        return keepIoapic(new BootLoad(placedNonManaged, Math.max(reserved, copy.length), nonManaged, managedReserved,
                managedAllocated, dumpGlobalAvailable, dumpTotalAllocated, copy));
    }

    /**
     * Same load plus {@code n} interrupts placed as {@link #placed(int)} describes after the per-CPU load is in
     * place, their descriptors on node 0.
     */
    public BootLoad withPlaced(int n) {
        return withPlaced(n, 0);
    }

    /**
     * Same load plus {@code n} interrupts whose descriptors sit on {@code node}: their vectors go to that node's
     * online CPUs first. Groups are placed in the order they are added; the timer is the first of the first.
     */
    public BootLoad withPlaced(int n, int node) {
        if (n < 0 || node < 0) {
            throw new IllegalArgumentException("placed " + n + " on node " + node);
        }
        BootLoad copy = keepIoapic(new BootLoad(placedNonManaged + n, reserved, nonManaged, managedReserved,
                managedAllocated, dumpGlobalAvailable, dumpTotalAllocated, reservedLines));
        copy.placedCounts = Arrays.copyOf(placedCounts, placedCounts.length + 1);
        copy.placedNodes = Arrays.copyOf(placedNodes, placedNodes.length + 1);
        copy.placedCounts[placedCounts.length] = n;
        copy.placedNodes[placedNodes.length] = node;
        return copy;
    }

    /** The node of the descriptor of the {@code i}-th placed interrupt (0-based, in placing order). */
    int placedNode(int i) {
        int seen = 0;
        for (int g = 0; g < placedCounts.length; g++) {
            seen += placedCounts[g];
            if (i < seen) {
                return placedNodes[g];
            }
        }
        return 0;
    }

    /**
     * Same load plus the IO-APIC interrupts a booted machine already runs (timer, keyboard, serial, rtc, acpi,
     * ...), {@code perCpu[c]} of them with their vector on CPU c. They are legacy lines with fixed numbers below
     * 16, so they take no number from the dynamic range the devices' interrupts are numbered from.
     */
    public BootLoad withIoapicInterrupts(int[] perCpu) {
        BootLoad copy = keepIoapic(new BootLoad(placedNonManaged, reserved, nonManaged, managedReserved,
                managedAllocated, dumpGlobalAvailable, dumpTotalAllocated, reservedLines));
        copy.ioapicPerCpu = perCpu.clone();
        return copy;
    }

    int ioapicInterruptsOn(int cpu) {
        return at(ioapicPerCpu, cpu);
    }

    public int placedNonManaged() {
        return placedNonManaged;
    }

    /** All global reservations at boot, the named lines included. */
    public int reserved() {
        return reserved;
    }

    /** The IO-APIC lines that hold a boot reservation. */
    public int[] reservedLines() {
        return reservedLines.clone();
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

    private BootLoad keepIoapic(BootLoad copy) {
        copy.ioapicPerCpu = ioapicPerCpu;
        copy.placedCounts = placedCounts;
        copy.placedNodes = placedNodes;
        return copy;
    }

    private static int at(int[] a, int i) {
        return a != null && i < a.length ? a[i] : 0;
    }
}
