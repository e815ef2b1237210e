package org.irqlab.kernel;

/**
 * Immutable description of the simulated host: CPUs (possible, present, online), NUMA nodes, SMT
 * siblings, kernel profile, the vector space, the load already present at boot, and irqbalance.
 * CPU numbers run from 0 to {@link #nrCpuIds()} - 1 and all of them are possible.
 */
public final class MachineSpec {
    /** The most CPUs an x86_64 kernel supports (CONFIG_NR_CPUS with MAXSMP). */
    public static final int MAX_CPUS = 8192;
    /** Vectors per CPU (NR_VECTORS). */
    public static final int VECTORS_PER_CPU = 256;
    /** Hardware threads per core the model accepts (x86 parts ship with 1, 2, 4 and 8). */
    public static final int MAX_SMT_THREADS = 8;
    /** A machine's CPU count. */
    public static final Limit CPUS = new Limit("cpus", 1, MAX_CPUS);
    /** An x86 vector number. */
    public static final Limit VECTOR = new Limit("vector", 0, VECTORS_PER_CPU - 1);
    /** Threads per core. */
    public static final Limit SMT_THREADS = new Limit("smt", 1, MAX_SMT_THREADS);
    /** A NUMA node id: at most one node per CPU. */
    public static final Limit NUMA_NODE = new Limit("numa", 0, MAX_CPUS - 1);
    /** FIRST_EXTERNAL_VECTOR (0x20): where the allocation range starts, in every profile. */
    public static final int FIRST_EXTERNAL_VECTOR = 0x20;

    private final KernelRules profile;
    private final int nrCpuIds;
    private final CpuSet possible;
    private final CpuSet present;
    private final CpuSet bootOnline;
    private final int[] cpuToNode;
    private final int nrNodeIds;
    private final CpuSet[] nodeCpus;
    private final int[] smtGroup;
    private final CpuSet[] smtGroups;
    private final long[] systemVectors;
    private final int matrixBits;
    private final int allocStart;
    private final int allocEnd;
    private final BootLoad bootLoad;
    private final boolean msiReservationMode;
    private final boolean interruptRemapping;
    private final IrqbalanceSettings irqbalance;
    private final CpuSet defaultAffinity;
    private final int firstDynamicIrq;
    private final int firstVirtioIndex;
    private final int firstNvmeIndex;

    private MachineSpec(Builder b) {
        this.profile = b.profile;
        this.nrCpuIds = b.cpus;
        this.possible = CpuSet.range(0, b.cpus - 1);
        this.present = b.present == null ? possible : b.present.and(possible);
        this.bootOnline = b.online == null ? present : b.online.and(present);
        this.cpuToNode = b.cpuToNode.clone();
        int maxNode = 0;
        for (int n : cpuToNode) {
            maxNode = Math.max(maxNode, n);
        }
        this.nrNodeIds = maxNode + 1;
        this.nodeCpus = new CpuSet[nrNodeIds];
        long[][] nw = new long[nrNodeIds][Bits.words(nrCpuIds)];
        for (int c = 0; c < nrCpuIds; c++) {
            Bits.set(nw[cpuToNode[c]], c);
        }
        for (int n = 0; n < nrNodeIds; n++) {
            nodeCpus[n] = CpuSet.adopt(nw[n]);
        }
        this.smtGroup = b.smtGroup.clone();
        int groups = 0;
        for (int g : smtGroup) {
            groups = Math.max(groups, g + 1);
        }
        long[][] gw = new long[groups][Bits.words(nrCpuIds)];
        for (int c = 0; c < nrCpuIds; c++) {
            Bits.set(gw[smtGroup[c]], c);
        }
        this.smtGroups = new CpuSet[groups];
        for (int g = 0; g < groups; g++) {
            smtGroups[g] = CpuSet.adopt(gw[g]);
        }
        this.matrixBits = b.matrixBits;
        this.allocStart = b.allocStart;
        this.allocEnd = b.allocEnd;
        CpuSet sys = CpuSet.parse(b.systemVectors == null ? profile.defaultSystemVectors() : b.systemVectors);
        this.systemVectors = sys.toWords(Bits.words(matrixBits));
        this.bootLoad = b.bootLoad;
        this.msiReservationMode = b.msiReservationMode == null ? profile.defaultMsiReservationMode()
                : b.msiReservationMode;
        this.interruptRemapping = b.interruptRemapping == null ? profile.defaultInterruptRemapping()
                : b.interruptRemapping;
        this.irqbalance = b.irqbalance;
        this.defaultAffinity = b.defaultAffinity == null ? possible : b.defaultAffinity.and(possible);
        this.firstDynamicIrq = b.firstDynamicIrq;
        this.firstVirtioIndex = b.firstVirtioIndex;
        this.firstNvmeIndex = b.firstNvmeIndex;
    }

    public static Builder builder(KernelRules profile, int cpus) {
        return new Builder(profile, cpus);
    }

    public KernelRules profile() {
        return profile;
    }

    /** nr_cpu_ids: number of possible CPUs. */
    public int nrCpuIds() {
        return nrCpuIds;
    }

    public CpuSet possibleCpus() {
        return possible;
    }

    public CpuSet presentCpus() {
        return present;
    }

    /** CPUs online at boot. */
    public CpuSet onlineCpus() {
        return bootOnline;
    }

    public int nodeOf(int cpu) {
        return cpuToNode[cpu];
    }

    /** nr_node_ids (highest node number + 1). */
    public int nrNodeIds() {
        return nrNodeIds;
    }

    /** All possible CPUs of a node (cpumask_of_node). */
    public CpuSet nodeCpus(int node) {
        return node >= 0 && node < nrNodeIds ? nodeCpus[node] : CpuSet.empty();
    }

    /** The CPU's SMT siblings including itself, as hardware topology (before online filtering). */
    public CpuSet smtSiblings(int cpu) {
        return smtGroups[smtGroup[cpu]];
    }

    public int matrixBits() {
        return matrixBits;
    }

    public int allocStart() {
        return allocStart;
    }

    public int allocEnd() {
        return allocEnd;
    }

    long[] systemVectorWords() {
        return systemVectors.clone();
    }

    public String systemVectorList() {
        return Bits.toList(systemVectors, matrixBits);
    }

    public BootLoad bootLoad() {
        return bootLoad;
    }

    /** Whether PCI/MSI vectors are only reserved at allocation and assigned at request_irq(). */
    public boolean msiReservationMode() {
        return msiReservationMode;
    }

    /** Interrupt remapping: affinity changes of MSI vectors take effect at once instead of at the next interrupt. */
    public boolean interruptRemapping() {
        return interruptRemapping;
    }

    public IrqbalanceSettings irqbalance() {
        return irqbalance;
    }

    /** irq_default_affinity (all possible CPUs unless the irqaffinity= boot parameter says otherwise). */
    public CpuSet defaultAffinity() {
        return defaultAffinity;
    }

    /** First Linux irq number handed to dynamically allocated interrupts (gsi_top on x86). */
    public int firstDynamicIrq() {
        return firstDynamicIrq;
    }

    public int firstVirtioIndex() {
        return firstVirtioIndex;
    }

    public int firstNvmeIndex() {
        return firstNvmeIndex;
    }

    /** Builder; every setter returns this. */
    public static final class Builder {
        private final KernelRules profile;
        private final int cpus;
        private CpuSet present;
        private CpuSet online;
        private final int[] cpuToNode;
        private final int[] smtGroup;
        private String systemVectors;
        private int matrixBits = 256;
        private int allocStart = FIRST_EXTERNAL_VECTOR;
        private int allocEnd;
        private BootLoad bootLoad = BootLoad.none();
        private Boolean msiReservationMode;
        private Boolean interruptRemapping;
        private IrqbalanceSettings irqbalance = IrqbalanceSettings.disabled();
        private CpuSet defaultAffinity;
        private int firstDynamicIrq = 24;
        private int firstVirtioIndex;
        private int firstNvmeIndex;

        private Builder(KernelRules profile, int cpus) {
            if (cpus < 1) {
                throw new IllegalArgumentException("need at least one CPU");
            }
            this.profile = profile;
            this.cpus = cpus;
            this.allocEnd = profile.defaultAllocEnd();
            this.cpuToNode = new int[cpus];
            this.smtGroup = new int[cpus];
            for (int c = 0; c < cpus; c++) {
                smtGroup[c] = c;
            }
        }

        /** {@code count} nodes of equal size, contiguous CPU blocks (node 0 = CPUs 0..k-1, ...). */
        public Builder evenNodes(int count) {
            int per = (cpus + count - 1) / count;
            for (int c = 0; c < cpus; c++) {
                cpuToNode[c] = Math.min(c / per, count - 1);
            }
            return this;
        }

        /** Puts the given CPUs on {@code node}. */
        public Builder node(int node, CpuSet cpusOfNode) {
            cpusOfNode.stream().filter(c -> c < cpus).forEach(c -> cpuToNode[c] = node);
            return this;
        }

        /** Marks the given CPUs as SMT siblings of one core. */
        public Builder smtSiblings(CpuSet siblings) {
            int g = siblings.first();
            siblings.stream().filter(c -> c < cpus).forEach(c -> smtGroup[c] = g);
            return this;
        }

        /** x86 enumeration: {@code threads} siblings per core, sibling k of CPU c is c + k * cpus/threads. */
        public Builder smtInterleaved(int threads) {
            int cores = cpus / threads;
            for (int c = 0; c < cpus; c++) {
                smtGroup[c] = c % cores;
            }
            return this;
        }

        /** Siblings numbered next to each other (0-1, 2-3, ...). */
        public Builder smtAdjacent(int threads) {
            for (int c = 0; c < cpus; c++) {
                smtGroup[c] = c - c % threads;
            }
            return this;
        }

        public Builder present(CpuSet set) {
            this.present = set;
            return this;
        }

        public Builder online(CpuSet set) {
            this.online = set;
            return this;
        }

        /** Bits of the system map, as a list ("0-19,29,32,50,128,236-255"). */
        public Builder systemVectors(String list) {
            this.systemVectors = list;
            return this;
        }

        public Builder vectorSpace(int matrixBits, int allocStart, int allocEnd) {
            if (allocStart < 0 || allocEnd > matrixBits || allocStart >= allocEnd) {
                throw new IllegalArgumentException("bad vector space");
            }
            this.matrixBits = matrixBits;
            this.allocStart = allocStart;
            this.allocEnd = allocEnd;
            return this;
        }

        public Builder bootLoad(BootLoad load) {
            this.bootLoad = load;
            return this;
        }

        public Builder msiReservationMode(boolean on) {
            this.msiReservationMode = on;
            return this;
        }

        public Builder interruptRemapping(boolean on) {
            this.interruptRemapping = on;
            return this;
        }

        public Builder irqbalance(IrqbalanceSettings settings) {
            this.irqbalance = settings;
            return this;
        }

        public Builder defaultAffinity(CpuSet set) {
            this.defaultAffinity = set;
            return this;
        }

        public Builder firstDynamicIrq(int irq) {
            this.firstDynamicIrq = irq;
            return this;
        }

        public Builder firstVirtioIndex(int index) {
            this.firstVirtioIndex = index;
            return this;
        }

        public Builder firstNvmeIndex(int index) {
            this.firstNvmeIndex = index;
            return this;
        }

        public MachineSpec build() {
            return new MachineSpec(this);
        }
    }
}
