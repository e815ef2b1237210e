package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A much simplified irqbalance pass: only what changes vector placement. irqbalance's real placement is
 * load driven (interrupt counts per CPU and cache domain); without load, this version spreads the
 * movable interrupts over the unbanned online CPUs of their device's node (all unbanned CPUs when the
 * node is unknown), fewest interrupts first, lowest CPU on ties, writing a single-CPU smp_affinity.
 * Managed interrupts cannot be moved (EIO), which irqbalance accepts. Powersave mode is modelled as the
 * incident report describes it: each node's interrupts gathered on the node's first unbanned CPU.
 * Without interrupt remapping the kernel applies a written affinity only at the next interrupt, see
 * {@link Simulation#deliverPendingMoves()}.
 */
final class Irqbalance {
    private Irqbalance() {
    }

    static IrqbalanceResult run(Kernel k, IrqbalanceSettings settings) {
        MatrixCounters before = k.counters();
        int mark = k.log.mark();
        int moved = 0;
        int unmovable = 0;
        int noSpace = 0;
        if (settings.enabled()) {
            CpuSet allowed = CpuSet.ofWords(k.online).andNot(settings.bannedCpus());
            int[] load = new int[k.machine.nrCpuIds()];
            for (int irq : balanceable(k)) {
                int target = pick(k, irq, allowed, load, settings.powersave());
                if (target < 0) {
                    continue;
                }
                int ret = k.core.userSetAffinity(irq, CpuSet.of(target));
                if (ret == -Errno.EIO) {
                    unmovable++;
                } else if (ret == -Errno.ENOSPC) {
                    noSpace++;
                } else if (ret == 0) {
                    load[target]++;
                    moved++;
                }
            }
        }
        return new IrqbalanceResult(moved, unmovable, noSpace, k.log.since(mark), before, k.counters());
    }

    private static List<Integer> balanceable(Kernel k) {
        List<Integer> list = new ArrayList<>();
        for (int irq = 1, n = k.irqs.limit(); irq < n; irq++) {
            if (k.irqs.exists(irq) && k.irqs.actionCount[irq] > 0 && k.irqs.kind[irq] != IrqTable.KIND_TIMER) {
                list.add(irq);
            }
        }
        return list;
    }

    private static int pick(Kernel k, int irq, CpuSet allowed, int[] load, boolean powersave) {
        int node = k.irqs.node[irq];
        CpuSet candidates = allowed;
        if (node >= 0 && allowed.intersects(k.machine.nodeCpus(node))) {
            candidates = allowed.and(k.machine.nodeCpus(node));
        }
        if (candidates.isEmpty()) {
            return -1;
        }
        if (powersave) {
            return candidates.first();
        }
        int best = -1;
        for (int c = candidates.first(); c >= 0; c = candidates.next(c + 1)) {
            if (best < 0 || load[c] < load[best]) {
                best = c;
            }
        }
        return best;
    }
}
