package org.irqlab.kernel;

/**
 * The generic interrupt layer (kernel/irq/manage.c, chip.c, cpuhotplug.c): request_irq / free_irq with
 * line sharing, startup and the affinity rules applied there, affinity changes, and moving interrupts off
 * a CPU that goes down.
 */
final class IrqCore {
    private final IrqTable irqs;
    private final VectorDomain domain;
    private final MachineSpec machine;
    private final KernelLog log;
    private final long[] online;
    private final boolean moveInProcessContext;
    private final boolean retriesWithOnlineCpus;

    IrqCore(IrqTable irqs, VectorDomain domain, MachineSpec machine, KernelLog log, long[] online) {
        this.irqs = irqs;
        this.domain = domain;
        this.machine = machine;
        this.log = log;
        this.online = online;
        this.moveInProcessContext = machine.interruptRemapping();
        this.retriesWithOnlineCpus = machine.profile().migrationRetriesWithOnlineCpus();
    }

    private CpuSet onlineSet() {
        return CpuSet.ofWords(online);
    }

    // mirrors irq_domain_activate_irq(): activation happens once until deactivated
    int activateOnce(int irq, boolean reserve) {
        if (irqs.activated[irq]) {
            return 0;
        }
        int ret = domain.activate(irq, reserve);
        if (ret == 0) {
            irqs.activated[irq] = true;
        }
        return ret;
    }

    // mirrors irq_domain_deactivate_irq()
    void deactivate(int irq) {
        if (irqs.activated[irq]) {
            domain.deactivate(irq);
            irqs.activated[irq] = false;
        }
    }

    // mirrors request_threaded_irq() / __setup_irq(): share an active line or activate and start it
    int requestIrq(int irq, String name, int flags) {
        if (!irqs.exists(irq)) {
            return -Errno.EINVAL;
        }
        if (irqs.actionCount[irq] > 0) {
            return addSharedAction(irq, name, flags);
        }
        if (!irqs.managed[irq]) {
            int ret = activateOnce(irq, false);
            if (ret != 0) {
                return ret;
            }
        }
        irqs.actionCount[irq] = 1;
        irqs.actionFlags[irq] = flags;
        irqs.actionName[irq] = name;
        startup(irq);
        return 0;
    }

    private int addSharedAction(int irq, String name, int flags) {
        int old = irqs.actionFlags[irq];
        if ((old & flags & IrqTable.IRQF_SHARED) == 0) {
            log.print(KernelMessage.Kind.IRQ_FLAGS_MISMATCH, irq, String.format("genirq: Flags mismatch irq %d. %08x (%s) vs. %08x (%s)", irq, flags, name, old,
                    firstName(irqs.actionName[irq])));
            return -Errno.EBUSY;
        }
        irqs.actionCount[irq]++;
        irqs.actionName[irq] = irqs.actionName[irq] + ", " + name;
        return 0;
    }

    private static String firstName(String names) {
        int comma = names.indexOf(", ");
        return comma < 0 ? names : names.substring(0, comma);
    }

    // mirrors irq_startup() with __irq_startup_managed() and irq_setup_affinity()
    void startup(int irq) {
        if (irqs.managed[irq]) {
            startupManaged(irq);
            return;
        }
        setupAffinity(irq);
        irqs.started[irq] = true;
    }

    private void startupManaged(int irq) {
        irqs.managedShutdown[irq] = false;
        CpuSet aff = irqs.affinity[irq];
        if (!Bits.intersects(aff.words(), online)) {
            irqs.managedShutdown[irq] = true;
            return;
        }
        if (activateOnce(irq, false) != 0) {
            log.print(KernelMessage.Kind.MANAGED_STARTUP_FAILED, irq, "WARNING: __irq_startup_managed: activation of irq " + irq + " failed");
            irqs.managedShutdown[irq] = true;
            return;
        }
        doSetAffinity(irq, aff);
        irqs.started[irq] = true;
    }

    // mirrors irq_setup_affinity(): default or user affinity, narrowed to the irq's node when possible
    int setupAffinity(int irq) {
        CpuSet set = machine.defaultAffinity();
        if (irqs.managed[irq] || irqs.affinitySet[irq]) {
            if (Bits.intersects(irqs.affinity[irq].words(), online)) {
                set = irqs.affinity[irq];
            } else {
                irqs.affinitySet[irq] = false;
            }
        }
        CpuSet onl = onlineSet();
        CpuSet mask = set.and(onl);
        if (mask.isEmpty()) {
            mask = onl;
        }
        int node = irqs.node[irq];
        if (node >= 0) {
            CpuSet nodeMask = machine.nodeCpus(node);
            if (mask.intersects(nodeMask)) {
                mask = mask.and(nodeMask);
            }
        }
        return doSetAffinity(irq, mask);
    }

    // mirrors irq_do_set_affinity(): the chip gets online CPUs only, the stored affinity is the request
    int doSetAffinity(int irq, CpuSet mask) {
        if (!Bits.intersects(mask.words(), online)) {
            return -Errno.EINVAL;
        }
        if (!irqs.activated[irq]) {
            return -Errno.EIO;
        }
        int ret = domain.setAffinity(irq, mask);
        if (ret == 0) {
            irqs.affinity[irq] = mask;
        }
        return ret;
    }

    // mirrors irq_set_affinity_locked(): without interrupt remapping the move waits for the next interrupt
    int setAffinity(int irq, CpuSet mask) {
        if (!irqs.activated[irq]) {
            irqs.affinity[irq] = mask;
            irqs.affinitySet[irq] = true;
            return 0;
        }
        int ret = 0;
        if (moveInProcessContext && irqs.pending[irq] == null) {
            ret = doSetAffinity(irq, mask);
        } else {
            irqs.pending[irq] = mask;
        }
        irqs.affinitySet[irq] = true;
        return ret;
    }

    // mirrors write_irq_affinity(): /proc/irq/N/smp_affinity, refused for managed interrupts
    int userSetAffinity(int irq, CpuSet mask) {
        if (irqs.managed[irq]) {
            return -Errno.EIO;
        }
        if (!Bits.intersects(mask.words(), online)) {
            return -Errno.EINVAL;
        }
        return setAffinity(irq, mask);
    }

    /** The affinity the kernel would show in smp_affinity_list (a pending move shows its target). */
    CpuSet shownAffinity(int irq) {
        return irqs.pending[irq] != null ? irqs.pending[irq] : irqs.affinity[irq];
    }

    // mirrors irq_move_masked_irq() for every interrupt: what the next interrupt on each vector would do
    int applyPendingMoves() {
        int moved = 0;
        for (int irq = 0, n = irqs.limit(); irq < n; irq++) {
            CpuSet p = irqs.pending[irq];
            if (p == null) {
                continue;
            }
            irqs.pending[irq] = null;
            if (Bits.intersects(p.words(), online) && doSetAffinity(irq, p) == 0) {
                moved++;
            }
        }
        return moved;
    }

    // mirrors free_irq(): the last action shuts the interrupt down and deactivates it
    void freeIrq(int irq, String name) {
        if (!irqs.exists(irq) || irqs.actionCount[irq] == 0) {
            return;
        }
        irqs.actionCount[irq]--;
        irqs.actionName[irq] = withoutName(irqs.actionName[irq], name);
        if (irqs.actionCount[irq] > 0) {
            return;
        }
        irqs.actionFlags[irq] = 0;
        shutdown(irq);
    }

    private static String withoutName(String names, String name) {
        if (names == null || names.equals(name)) {
            return null;
        }
        String joined = (", " + names + ", ").replaceFirst(java.util.regex.Pattern.quote(", " + name + ", "), ", ");
        return joined.substring(2, joined.length() - 2);
    }

    // mirrors irq_shutdown(): managed interrupts keep their reservation in "managed shutdown"
    void shutdown(int irq) {
        irqs.started[irq] = false;
        irqs.pending[irq] = null;
        if (irqs.managed[irq]) {
            irqs.managedShutdown[irq] = true;
        }
        deactivate(irq);
    }

    /** Outcome counters of {@link #migrateAllOff(int)}. */
    record Migration(int moved, int shutDown, int broken, int failed) {
    }

    // mirrors irq_migrate_all_off_this_cpu(); the CPU is already gone from the online mask
    Migration migrateAllOff(int cpu) {
        int moved = 0;
        int shut = 0;
        int broken = 0;
        int failed = 0;
        for (int irq = 0, n = irqs.limit(); irq < n; irq++) {
            if (!irqs.exists(irq) || irqs.vector[irq] == 0 || irqs.cpu[irq] != cpu || !irqs.started[irq]) {
                continue;
            }
            CpuSet aff = irqs.affinity[irq];
            CpuSet pend = irqs.pending[irq];
            irqs.pending[irq] = null;
            if (pend != null && Bits.intersects(pend.words(), online)) {
                aff = pend;
            }
            boolean brokeAff = false;
            if (!Bits.intersects(aff.words(), online)) {
                if (irqs.managed[irq]) {
                    shutdown(irq);
                    shut++;
                    continue;
                }
                aff = onlineSet();
                brokeAff = true;
            }
            int err = doSetAffinity(irq, aff);
            if (err == -Errno.ENOSPC && !irqs.managed[irq] && !brokeAff && retriesWithOnlineCpus) {
                // since v6.11 a migration that found no room in the affinity is tried once more over every online CPU
                aff = onlineSet();
                brokeAff = true;
                err = doSetAffinity(irq, aff);
            }
            if (err != 0) {
                log.print(KernelMessage.Kind.MANAGED_STARTUP_FAILED, irq, "IRQ" + irq + ": set affinity failed(" + err + ").");
                failed++;
                continue;
            }
            moved++;
            if (brokeAff) {
                broken++;
            }
        }
        return new Migration(moved, shut, broken, failed);
    }

    // mirrors irq_affinity_online_cpu(): managed interrupts waiting for this CPU start up again
    int restoreManagedOn(int cpu) {
        int restarted = 0;
        for (int irq = 0, n = irqs.limit(); irq < n; irq++) {
            if (!irqs.exists(irq) || !irqs.managed[irq] || irqs.actionCount[irq] == 0
                    || !irqs.affinity[irq].contains(cpu)) {
                continue;
            }
            if (irqs.managedShutdown[irq]) {
                startup(irq);
                restarted++;
            }
        }
        return restarted;
    }
}
