package org.irqlab.kernel;

/**
 * The x86 VECTOR irq domain (arch/x86/kernel/apic/vector.c): decides when an interrupt gets a real CPU
 * vector from the matrix, where, and what it gives back. Per-irq state lives in {@link IrqTable}.
 *
 * <p>Simplification: when a vector moves, the kernel keeps the old one until the first interrupt arrives
 * on the new target (or the old CPU dies); here the old vector is released at once.
 */
final class VectorDomain {
    /** MANAGED_IRQ_SHUTDOWN_VECTOR (0xef): what reserved and shut down interrupts point at. */
    static final int SHUTDOWN_VECTOR = 0xef;

    private final VectorMatrix matrix;
    private final IrqTable irqs;
    private final MachineSpec machine;
    private final KernelLog log;
    private final long[] online;
    private final long[] search;

    VectorDomain(VectorMatrix matrix, IrqTable irqs, MachineSpec machine, KernelLog log, long[] online) {
        this.matrix = matrix;
        this.irqs = irqs;
        this.machine = machine;
        this.log = log;
        this.online = online;
        this.search = new long[online.length];
    }

    private long[] and(long[] a, long[] b) {
        int n = search.length;
        for (int i = 0; i < n; i++) {
            long x = i < a.length ? a[i] : 0;
            long y = i < b.length ? b[i] : 0;
            search[i] = x & y;
        }
        return search;
    }

    // mirrors x86_vector_alloc_irqs() + assign_irq_vector_policy() for one interrupt
    int alloc(int irq, CpuSet explicitMask) {
        if (irqs.managed[irq]) {
            return reserveManagedVector(irq);
        }
        if (explicitMask != null) {
            return assignVectorLocked(irq, and(explicitMask.words(), online));
        }
        reserveIrqVector(irq);
        return 0;
    }

    // mirrors reserve_managed_vector(): one slot on every CPU of the affinity, decided at allocation
    private int reserveManagedVector(int irq) {
        return matrix.reserveManaged(irqs.affinity[irq].words());
    }

    // mirrors reserve_irq_vector(): a global reservation instead of a vector ("reservation mode")
    private void reserveIrqVector(int irq) {
        matrix.reserve();
        irqs.canReserve[irq] = true;
        irqs.hasReserved[irq] = true;
        irqs.irqdCanReserve[irq] = true;
    }

    // mirrors x86_vector_free_irqs() for one interrupt
    void free(int irq) {
        clearIrqVector(irq);
        if (irqs.hasReserved[irq]) {
            matrix.removeReserved();
            irqs.hasReserved[irq] = false;
        }
        if (irqs.managed[irq]) {
            matrix.removeManaged(irqs.affinity[irq].words());
        }
    }

    // mirrors clear_irq_vector()
    private void clearIrqVector(int irq) {
        int vec = irqs.vector[irq];
        if (vec == 0) {
            return;
        }
        matrix.free(irqs.cpu[irq], vec, irqs.managed[irq]);
        irqs.vector[irq] = 0;
    }

    // mirrors x86_vector_activate()
    int activate(int irq, boolean reserve) {
        if (!irqs.canReserve[irq] && !irqs.managed[irq]) {
            assignIrqVectorAny(irq);
            return 0;
        }
        if (reserve || irqs.managedShutdown[irq]) {
            return 0;
        }
        if (irqs.managed[irq]) {
            return activateManaged(irq);
        }
        if (irqs.hasReserved[irq]) {
            return activateReserved(irq);
        }
        return 0;
    }

    // mirrors activate_managed()
    private int activateManaged(int irq) {
        long[] dest = and(irqs.affinity[irq].words(), online);
        if (Bits.isEmpty(dest)) {
            log.print(KernelMessage.Kind.MANAGED_STARTUP_FAILED, irq, "Managed startup for irq " + irq + ", but no CPU");
            return -Errno.EINVAL;
        }
        int ret = assignManagedVector(irq, dest.clone());
        if (ret < 0) {
            log.print(KernelMessage.Kind.MANAGED_STARTUP_FAILED, irq, "Managed startup irq " + irq + ", no vector available");
        }
        return ret;
    }

    // mirrors assign_managed_vector(): stays put when the current CPU is acceptable
    private int assignManagedVector(int irq, long[] dest) {
        long[] mask = and(dest, irqs.affinity[irq].words());
        if (irqs.vector[irq] != 0 && Bits.test(mask, irqs.cpu[irq])) {
            return 0;
        }
        int r = matrix.allocManaged(mask);
        if (r < 0) {
            return r;
        }
        updateVector(irq, VectorMatrix.vectorOf(r), VectorMatrix.cpuOf(r));
        return 0;
    }

    // mirrors activate_reserved(): a real vector for a reserved interrupt, warning when it lands off-mask
    private int activateReserved(int irq) {
        int ret = assignIrqVectorAny(irq);
        if (ret == 0) {
            irqs.hasReserved[irq] = false;
            if (!irqs.irqdCanReserve[irq]) {
                irqs.canReserve[irq] = false;
            }
        }
        if (ret == 0 && !irqs.affinity[irq].contains(irqs.cpu[irq]) && machine.profile().warnsAffinityBroken()) {
            log.print(KernelMessage.Kind.AFFINITY_BROKEN, irq, "irq " + irq + ": Affinity broken due to vector space exhaustion.");
        }
        return ret;
    }

    // mirrors assign_irq_vector_any_locked(): node & affinity, then affinity and node (in the kernel's
    // order: affinity first since v5.10, node first before), then any online CPU
    private int assignIrqVectorAny(int irq) {
        long[] aff = irqs.affinity[irq].words();
        int node = irqs.node[irq];
        long[] nodeMask = node >= 0 ? machine.nodeCpus(node).words() : null;
        if (nodeMask != null && assignVectorLocked(irq, and(nodeMask, aff).clone()) == 0) {
            return 0;
        }
        boolean affinityFirst = machine.profile().vectorSearchAffinityBeforeNode();
        if (!affinityFirst && nodeMask != null && assignVectorLocked(irq, nodeMask) == 0) {
            return 0;
        }
        if (assignVectorLocked(irq, and(aff, online).clone()) == 0) {
            return 0;
        }
        if (affinityFirst && nodeMask != null && assignVectorLocked(irq, nodeMask) == 0) {
            return 0;
        }
        return assignVectorLocked(irq, online);
    }

    // mirrors assign_vector_locked(): no move if the current CPU is online and acceptable
    private int assignVectorLocked(int irq, long[] dest) {
        int vec = irqs.vector[irq];
        int cur = irqs.cpu[irq];
        if (vec != 0 && Bits.test(online, cur) && cur < dest.length * 64 && Bits.test(dest, cur)) {
            return 0;
        }
        int r = matrix.alloc(dest, irqs.hasReserved[irq]);
        if (r < 0) {
            return r;
        }
        updateVector(irq, VectorMatrix.vectorOf(r), VectorMatrix.cpuOf(r));
        return 0;
    }

    // mirrors apic_update_vector(); the old vector is released at once (see class comment)
    private void updateVector(int irq, int newVector, int newCpu) {
        int old = irqs.vector[irq];
        if (old != 0) {
            matrix.free(irqs.cpu[irq], old, irqs.managed[irq]);
        }
        irqs.vector[irq] = newVector;
        irqs.cpu[irq] = newCpu;
    }

    // mirrors x86_vector_deactivate()
    void deactivate(int irq) {
        if (!irqs.managed[irq] && !irqs.canReserve[irq]) {
            return;
        }
        if (irqs.hasReserved[irq]) {
            return;
        }
        clearIrqVector(irq);
        if (irqs.canReserve[irq]) {
            matrix.reserve();
            irqs.hasReserved[irq] = true;
        }
    }

    // mirrors apic_set_affinity(): managed ones pick among their reservations, others may move
    int setAffinity(int irq, CpuSet dest) {
        long[] d = and(dest.words(), online).clone();
        if (irqs.managed[irq]) {
            return assignManagedVector(irq, d);
        }
        return assignVectorLocked(irq, d);
    }

    // mirrors lapic_can_unplug_cpu(): refuse when the vectors to move do not fit elsewhere
    int canUnplugCpu(int cpu) {
        int tomove = matrix.allocatedToMove(cpu);
        int avl = matrix.availableWithout(cpu);
        int rsvd = matrix.globalReserved;
        if (tomove > avl) {
            log.print(KernelMessage.Kind.CPU_OFFLINE_REFUSED, "CPU " + cpu + " has " + tomove + " vectors, " + avl + " available. Cannot disable CPU");
            return -Errno.ENOSPC;
        }
        if (rsvd > avl) {
            log.print(KernelMessage.Kind.INFO, "Reserved vectors " + rsvd + " > available " + avl + ". IRQ request may fail");
        }
        return 0;
    }
}
