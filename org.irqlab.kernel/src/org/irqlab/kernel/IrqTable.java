package org.irqlab.kernel;

import java.util.Arrays;

/**
 * Interrupt descriptors (struct irq_desc / irq_data) together with the x86 vector domain's per-irq
 * chip data (struct apic_chip_data), indexed by Linux irq number and stored as parallel arrays so that
 * tens of thousands of vectors cost no objects. Numbers are handed out lowest free first from the
 * machine's first dynamic irq, like irq_alloc_descs() without the hwirq hint.
 */
final class IrqTable {
    static final int KIND_NONE = 0;
    static final int KIND_MSI = 1;
    static final int KIND_INTX = 2;
    static final int KIND_TIMER = 3;
    static final int KIND_BACKGROUND = 4;

    /** IRQF_SHARED, and the timer's flags as printed by the incident's Flags mismatch line. */
    static final int IRQF_SHARED = 0x80;
    static final int TIMER_FLAGS = 0x15a00;

    private final int firstDynamic;
    private int lowestFree;
    int capacity;

    int[] kind;
    int[] node;
    CpuSet[] affinity;
    CpuSet[] pending;
    boolean[] affinitySet;
    boolean[] managed;
    boolean[] canReserve;
    boolean[] hasReserved;
    boolean[] irqdCanReserve;
    boolean[] activated;
    boolean[] started;
    boolean[] managedShutdown;
    int[] vector;
    int[] cpu;
    String[] actionName;
    int[] actionFlags;
    int[] actionCount;
    int[] owner;

    IrqTable(int firstDynamic, int initialCapacity) {
        this.firstDynamic = firstDynamic;
        this.lowestFree = firstDynamic;
        allocate(Math.max(initialCapacity, firstDynamic + 64));
    }

    private IrqTable(IrqTable o) {
        this.firstDynamic = o.firstDynamic;
        this.lowestFree = o.lowestFree;
        this.capacity = o.capacity;
        this.kind = o.kind.clone();
        this.node = o.node.clone();
        this.affinity = o.affinity.clone();
        this.pending = o.pending.clone();
        this.affinitySet = o.affinitySet.clone();
        this.managed = o.managed.clone();
        this.canReserve = o.canReserve.clone();
        this.hasReserved = o.hasReserved.clone();
        this.irqdCanReserve = o.irqdCanReserve.clone();
        this.activated = o.activated.clone();
        this.started = o.started.clone();
        this.managedShutdown = o.managedShutdown.clone();
        this.vector = o.vector.clone();
        this.cpu = o.cpu.clone();
        this.actionName = o.actionName.clone();
        this.actionFlags = o.actionFlags.clone();
        this.actionCount = o.actionCount.clone();
        this.owner = o.owner.clone();
    }

    IrqTable copy() {
        return new IrqTable(this);
    }

    private void allocate(int n) {
        capacity = n;
        kind = new int[n];
        node = new int[n];
        affinity = new CpuSet[n];
        pending = new CpuSet[n];
        affinitySet = new boolean[n];
        managed = new boolean[n];
        canReserve = new boolean[n];
        hasReserved = new boolean[n];
        irqdCanReserve = new boolean[n];
        activated = new boolean[n];
        started = new boolean[n];
        managedShutdown = new boolean[n];
        vector = new int[n];
        cpu = new int[n];
        actionName = new String[n];
        actionFlags = new int[n];
        actionCount = new int[n];
        owner = new int[n];
        Arrays.fill(owner, -1);
    }

    private void grow(int min) {
        int n = Math.max(min + 1, capacity * 2);
        kind = Arrays.copyOf(kind, n);
        node = Arrays.copyOf(node, n);
        affinity = Arrays.copyOf(affinity, n);
        pending = Arrays.copyOf(pending, n);
        affinitySet = Arrays.copyOf(affinitySet, n);
        managed = Arrays.copyOf(managed, n);
        canReserve = Arrays.copyOf(canReserve, n);
        hasReserved = Arrays.copyOf(hasReserved, n);
        irqdCanReserve = Arrays.copyOf(irqdCanReserve, n);
        activated = Arrays.copyOf(activated, n);
        started = Arrays.copyOf(started, n);
        managedShutdown = Arrays.copyOf(managedShutdown, n);
        vector = Arrays.copyOf(vector, n);
        cpu = Arrays.copyOf(cpu, n);
        actionName = Arrays.copyOf(actionName, n);
        actionFlags = Arrays.copyOf(actionFlags, n);
        actionCount = Arrays.copyOf(actionCount, n);
        int old = owner.length;
        owner = Arrays.copyOf(owner, n);
        Arrays.fill(owner, old, n, -1);
        capacity = n;
    }

    // mirrors irq_alloc_descs() for one descriptor: lowest free number from the dynamic base
    int allocDynamic(int kindOf, int nodeOf, CpuSet mask, boolean managedIrq, int ownerId) {
        int irq = lowestFree;
        while (irq < capacity && kind[irq] != KIND_NONE) {
            irq++;
        }
        lowestFree = irq + 1;
        init(irq, kindOf, nodeOf, mask, managedIrq, ownerId);
        return irq;
    }

    /** A descriptor at a fixed number (legacy/GSI lines, the timer). */
    void allocFixed(int irq, int kindOf, int nodeOf, CpuSet mask) {
        init(irq, kindOf, nodeOf, mask, false, -1);
    }

    private void init(int irq, int kindOf, int nodeOf, CpuSet mask, boolean managedIrq, int ownerId) {
        if (irq >= capacity) {
            grow(irq);
        }
        kind[irq] = kindOf;
        node[irq] = nodeOf;
        affinity[irq] = mask;
        pending[irq] = null;
        affinitySet[irq] = false;
        managed[irq] = managedIrq;
        managedShutdown[irq] = managedIrq;
        canReserve[irq] = false;
        hasReserved[irq] = false;
        irqdCanReserve[irq] = false;
        activated[irq] = false;
        started[irq] = false;
        vector[irq] = 0;
        cpu[irq] = 0;
        actionName[irq] = null;
        actionFlags[irq] = 0;
        actionCount[irq] = 0;
        owner[irq] = ownerId;
    }

    // mirrors irq_free_descs() for one descriptor
    void free(int irq) {
        kind[irq] = KIND_NONE;
        affinity[irq] = null;
        pending[irq] = null;
        actionName[irq] = null;
        owner[irq] = -1;
        if (irq >= firstDynamic && irq < lowestFree) {
            lowestFree = irq;
        }
    }

    boolean exists(int irq) {
        return irq >= 0 && irq < capacity && kind[irq] != KIND_NONE;
    }

    /** Highest irq number ever used + 1 (loop bound for scans). */
    int limit() {
        int n = capacity;
        while (n > 0 && kind[n - 1] == KIND_NONE) {
            n--;
        }
        return n;
    }
}
