package org.irqlab.kernel;

import java.util.HashMap;
import java.util.Map;

/**
 * Spreads the possible CPUs over a number of groups the way lib/group_cpus.c (6.3+; kernel/irq/affinity.c
 * before) does: present CPUs first, then possible-but-absent ones, nodes weighted by CPU count, SMT
 * siblings kept together. Results are cached per group count until the online set changes (siblings of
 * offline CPUs are not known to the kernel, which changes the grouping).
 */
public final class GroupCpus {
    private final MachineSpec machine;
    private final HeapsortVariant heapsort;
    private final int nwords;
    private final long[][] nodeToCpumask;
    private long[] online;
    private final Map<Integer, CpuSet[]> cache = new HashMap<>();

    /**
     * group_cpus_evenly() for a machine with its boot-time online CPUs: {@code numgrps} masks that
     * together cover every possible CPU (when numgrps does not exceed the CPU count).
     */
    public static CpuSet[] groupCpusEvenly(MachineSpec machine, int numgrps) {
        GroupCpus g = new GroupCpus(machine, machine.onlineCpus().toWords(Bits.words(machine.nrCpuIds())));
        return g.groupEvenly(numgrps).clone();
    }

    GroupCpus(MachineSpec machine, long[] onlineWords) {
        this.machine = machine;
        this.heapsort = machine.profile().heapsort();
        this.nwords = Bits.words(machine.nrCpuIds());
        this.nodeToCpumask = buildNodeToCpumask(machine, nwords);
        this.online = onlineWords.clone();
    }

    private GroupCpus(GroupCpus o) {
        this.machine = o.machine;
        this.heapsort = o.heapsort;
        this.nwords = o.nwords;
        this.nodeToCpumask = o.nodeToCpumask;
        this.online = o.online.clone();
        this.cache.putAll(o.cache);
    }

    GroupCpus copy() {
        return new GroupCpus(this);
    }

    /** The online set changed: sibling masks and thus cached groupings may differ. */
    void onlineChanged(long[] onlineWords) {
        this.online = onlineWords.clone();
        cache.clear();
    }

    // mirrors build_node_to_cpumask(): possible CPUs per node
    private static long[][] buildNodeToCpumask(MachineSpec m, int nwords) {
        long[][] r = new long[m.nrNodeIds()][nwords];
        for (int cpu = 0; cpu < m.nrCpuIds(); cpu++) {
            Bits.set(r[m.nodeOf(cpu)], cpu);
        }
        return r;
    }

    /** Cached result; the returned array must not be modified. */
    CpuSet[] groupEvenly(int numgrps) {
        return cache.computeIfAbsent(numgrps, this::computeGroups);
    }

    // mirrors group_cpus_evenly(): two stages, present CPUs then the other possible ones
    private CpuSet[] computeGroups(int numgrps) {
        long[][] masks = new long[numgrps][nwords];
        long[] present = machine.presentCpus().toWords(nwords);
        int nrPresent = groupInto(0, numgrps, present, masks);
        int curgrp = nrPresent >= numgrps ? 0 : nrPresent;
        long[] others = Bits.andNot(machine.possibleCpus().toWords(nwords), present);
        groupInto(curgrp, numgrps, others, masks);
        CpuSet[] r = new CpuSet[numgrps];
        for (int g = 0; g < numgrps; g++) {
            r[g] = CpuSet.adopt(masks[g]);
        }
        return r;
    }

    // mirrors __group_cpus_evenly(): returns how many groups received CPUs
    private int groupInto(int startgrp, int numgrps, long[] cpuMask, long[][] masks) {
        if (Bits.isEmpty(cpuMask)) {
            return 0;
        }
        int[] nodes = nodesIntersecting(cpuMask);
        if (numgrps <= nodes.length) {
            return spreadWholeNodes(startgrp, numgrps, cpuMask, nodes, masks);
        }
        int[] order = new int[nodeToCpumask.length];
        int[] ngroups = allocNodesGroups(numgrps, cpuMask, nodes, order);
        int curgrp = startgrp;
        int done = 0;
        for (int id : order) {
            if (ngroups[id] == -1) {
                continue;
            }
            long[] nmsk = Bits.and(cpuMask, nodeToCpumask[id]);
            int ncpus = Bits.weight(nmsk);
            if (ncpus == 0) {
                continue;
            }
            int groups = ngroups[id];
            int extra = ncpus - groups * (ncpus / groups);
            for (int v = 0; v < groups; v++, curgrp++) {
                int perGroup = ncpus / groups;
                if (extra > 0) {
                    perGroup++;
                    extra--;
                }
                if (curgrp >= numgrps) {
                    curgrp = 0;
                }
                spreadInitOne(masks[curgrp], nmsk, perGroup);
            }
            done += groups;
        }
        return done;
    }

    // mirrors get_nodes_in_cpumask(): node ids in ascending order
    private int[] nodesIntersecting(long[] cpuMask) {
        int count = 0;
        int[] tmp = new int[nodeToCpumask.length];
        for (int n = 0; n < nodeToCpumask.length; n++) {
            if (Bits.intersects(cpuMask, nodeToCpumask[n])) {
                tmp[count++] = n;
            }
        }
        return java.util.Arrays.copyOf(tmp, count);
    }

    // the "numgrps <= nodes" branch: whole nodes OR-ed into the groups round robin
    private int spreadWholeNodes(int startgrp, int numgrps, long[] cpuMask, int[] nodes, long[][] masks) {
        int curgrp = startgrp;
        for (int n : nodes) {
            Bits.orInto(masks[curgrp], Bits.and(cpuMask, nodeToCpumask[n]));
            if (++curgrp == numgrps) {
                curgrp = 0;
            }
        }
        return numgrps;
    }

    // mirrors alloc_nodes_groups(): groups per node in proportion to CPUs, nodes visited smallest first
    private int[] allocNodesGroups(int numgrps, long[] cpuMask, int[] nodes, int[] order) {
        int nrNodes = nodeToCpumask.length;
        int[] value = new int[nrNodes];
        java.util.Arrays.fill(value, -1);
        int remainingNcpus = 0;
        for (int n : nodes) {
            int ncpus = Bits.weight(Bits.and(cpuMask, nodeToCpumask[n]));
            if (ncpus == 0) {
                continue;
            }
            remainingNcpus += ncpus;
            value[n] = ncpus;
        }
        int groupsLeft = Math.min(remainingNcpus, numgrps);
        for (int i = 0; i < nrNodes; i++) {
            order[i] = i;
        }
        heapsort.sort(order, value, (a, b) -> a - b);
        for (int id : order) {
            if (value[id] == -1) {
                continue;
            }
            int ncpus = value[id];
            int groups = Math.max(1, (int) ((long) groupsLeft * ncpus / remainingNcpus));
            value[id] = groups;
            remainingNcpus -= ncpus;
            groupsLeft -= groups;
        }
        return value;
    }

    // mirrors grp_spread_init_one(): take the first CPU, then its online SMT siblings, until n are taken
    private void spreadInitOne(long[] grp, long[] nmsk, int n) {
        while (n > 0) {
            int cpu = Bits.first(nmsk);
            if (cpu < 0 || cpu >= machine.nrCpuIds()) {
                return;
            }
            Bits.clear(nmsk, cpu);
            Bits.set(grp, cpu);
            n--;
            if (!Bits.test(online, cpu)) {
                continue;
            }
            long[] sibl = machine.smtSiblings(cpu).words();
            for (int s = Bits.first(sibl); s >= 0 && n > 0; s = Bits.next(sibl, s + 1)) {
                if (!Bits.test(online, s) || s >> 6 >= nmsk.length || !Bits.test(nmsk, s)) {
                    continue;
                }
                Bits.clear(nmsk, s);
                Bits.set(grp, s);
                n--;
            }
        }
    }
}
