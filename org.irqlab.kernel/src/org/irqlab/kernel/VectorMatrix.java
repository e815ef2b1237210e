package org.irqlab.kernel;

/**
 * The x86 vector matrix of kernel/irq/matrix.c: per CPU a map of allocated vectors and a map of managed
 * reservations, plus the global counters shown in crash dumps and debugfs. Per-CPU state is kept in
 * flat arrays (struct of arrays) and the vector maps in {@code long[]} words so the loops over
 * thousands of CPUs stay allocation free.
 *
 * <p>Results of the allocating calls are encoded as {@code cpu << 9 | vector}, negative values are
 * -errno; see {@link #cpuOf(int)} and {@link #vectorOf(int)}. The public methods taking {@link CpuSet}
 * exist for tests and tools that want the primitives alone; the simulator uses the word-array forms.
 *
 * <p>Longer than IrqLab's other classes on purpose: it follows matrix.c function by function, in the file's
 * order, so that a reader can hold the two side by side; split, it would no longer read like its source.
 */
public final class VectorMatrix {
    private static final int VEC_SHIFT = 9;
    private static final int VEC_MASK = (1 << VEC_SHIFT) - 1;

    final int matrixBits;
    final int allocStart;
    final int allocEnd;
    final int allocSize;
    private final int ncpus;
    private final int words;
    private final boolean rejectEmptyMask;
    private final boolean allocatedExcludesManaged;

    int globalAvailable;
    int globalReserved;
    int systembitsInalloc;
    int totalAllocated;
    int onlineMaps;

    private final int[] available;
    private final int[] allocated;
    private final int[] managed;
    private final int[] managedAllocated;
    private final boolean[] initialized;
    private final boolean[] online;
    private final long[] allocMap;
    private final long[] managedMap;
    private final long[] systemMap;

    private final KernelLog log;

    /** A standalone matrix with its own log, e.g. for experiments with the primitives. */
    public VectorMatrix(int ncpus, int matrixBits, int allocStart, int allocEnd, KernelRules profile) {
        this(ncpus, matrixBits, allocStart, allocEnd, profile, new KernelLog());
    }

    VectorMatrix(int ncpus, int matrixBits, int allocStart, int allocEnd, KernelRules profile, KernelLog log) {
        this.ncpus = ncpus;
        this.matrixBits = matrixBits;
        this.allocStart = allocStart;
        this.allocEnd = allocEnd;
        this.allocSize = allocEnd - allocStart;
        this.words = Bits.words(matrixBits);
        this.rejectEmptyMask = profile.matrixAllocRejectsEmptyMask();
        this.allocatedExcludesManaged = profile.matrixAllocatedExcludesManaged();
        this.available = new int[ncpus];
        this.allocated = new int[ncpus];
        this.managed = new int[ncpus];
        this.managedAllocated = new int[ncpus];
        this.initialized = new boolean[ncpus];
        this.online = new boolean[ncpus];
        this.allocMap = new long[ncpus * words];
        this.managedMap = new long[ncpus * words];
        this.systemMap = new long[words];
        this.log = log;
    }

    private VectorMatrix(VectorMatrix o, KernelLog log) {
        this.ncpus = o.ncpus;
        this.matrixBits = o.matrixBits;
        this.allocStart = o.allocStart;
        this.allocEnd = o.allocEnd;
        this.allocSize = o.allocSize;
        this.words = o.words;
        this.rejectEmptyMask = o.rejectEmptyMask;
        this.allocatedExcludesManaged = o.allocatedExcludesManaged;
        this.globalAvailable = o.globalAvailable;
        this.globalReserved = o.globalReserved;
        this.systembitsInalloc = o.systembitsInalloc;
        this.totalAllocated = o.totalAllocated;
        this.onlineMaps = o.onlineMaps;
        this.available = o.available.clone();
        this.allocated = o.allocated.clone();
        this.managed = o.managed.clone();
        this.managedAllocated = o.managedAllocated.clone();
        this.initialized = o.initialized.clone();
        this.online = o.online.clone();
        this.allocMap = o.allocMap.clone();
        this.managedMap = o.managedMap.clone();
        this.systemMap = o.systemMap.clone();
        this.log = log;
    }

    VectorMatrix copy(KernelLog newLog) {
        return new VectorMatrix(this, newLog);
    }

    public static int cpuOf(int encoded) {
        return encoded >>> VEC_SHIFT;
    }

    public static int vectorOf(int encoded) {
        return encoded & VEC_MASK;
    }

    private static int encode(int cpu, int bit) {
        return cpu << VEC_SHIFT | bit;
    }

    // mirrors irq_matrix_online(): first onlining sizes the map, later ones keep what offline left behind
    public void online(int cpu) {
        if (online[cpu]) {
            throw new IllegalStateException("cpu " + cpu + " already online in the matrix");
        }
        if (!initialized[cpu]) {
            available[cpu] = allocSize - (managed[cpu] + systembitsInalloc);
            initialized[cpu] = true;
        }
        globalAvailable += available[cpu];
        online[cpu] = true;
        onlineMaps++;
    }

    // mirrors irq_matrix_offline(): the CPU keeps its bits, only the global count forgets its slots
    public void offline(int cpu) {
        globalAvailable -= available[cpu];
        online[cpu] = false;
        onlineMaps--;
    }

    // mirrors irq_matrix_assign_system(); only legal before the first CPU is online
    public void assignSystem(int bit) {
        if (onlineMaps > 1) {
            throw new IllegalStateException("system vectors are assigned at boot only");
        }
        Bits.set(systemMap, bit);
        if (bit >= allocStart && bit < allocEnd) {
            systembitsInalloc++;
        }
    }

    // mirrors matrix_alloc_area() for one bit: lowest vector free of system, managed and allocated bits
    private int allocArea(int cpu, boolean managedBit) {
        int base = cpu * words;
        int startWord = allocStart >>> 6;
        for (int w = startWord; w < words; w++) {
            long used = managedMap[base + w] | systemMap[w] | allocMap[base + w];
            if (w == startWord) {
                used |= (1L << (allocStart & 63)) - 1;
            }
            long free = ~used;
            if (free != 0) {
                int bit = (w << 6) + Long.numberOfTrailingZeros(free);
                if (bit >= allocEnd) {
                    return allocEnd;
                }
                if (managedBit) {
                    managedMap[base + w] |= 1L << bit;
                } else {
                    allocMap[base + w] |= 1L << bit;
                }
                return bit;
            }
        }
        return allocEnd;
    }

    // mirrors matrix_find_best_cpu(): most available wins, the lowest CPU keeps a tie
    private int findBestCpu(long[] mask) {
        int best = -1;
        int maxavl = 0;
        int n = Math.min(mask.length, words(ncpus));
        for (int w = 0; w < n; w++) {
            long word = mask[w];
            while (word != 0) {
                int cpu = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (cpu >= ncpus) {
                    return best;
                }
                if (online[cpu] && available[cpu] > maxavl) {
                    best = cpu;
                    maxavl = available[cpu];
                }
            }
        }
        return best;
    }

    // mirrors matrix_find_best_cpu_managed(): fewest managed allocations, a later CPU takes a tie
    private int findBestCpuManaged(long[] mask) {
        int best = -1;
        int min = Integer.MAX_VALUE;
        int n = Math.min(mask.length, words(ncpus));
        for (int w = 0; w < n; w++) {
            long word = mask[w];
            while (word != 0) {
                int cpu = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (cpu >= ncpus) {
                    return best;
                }
                if (!online[cpu] || managedAllocated[cpu] > min) {
                    continue;
                }
                best = cpu;
                min = managedAllocated[cpu];
            }
        }
        return best;
    }

    private static int words(int bits) {
        return Bits.words(bits);
    }

    // mirrors irq_matrix_reserve_managed(): one bit on every CPU of the mask, offline ones too, all or none
    int reserveManaged(long[] mask) {
        int n = Math.min(mask.length, words(ncpus));
        for (int w = 0; w < n; w++) {
            long word = mask[w];
            while (word != 0) {
                int cpu = (w << 6) + Long.numberOfTrailingZeros(word);
                word &= word - 1;
                if (cpu >= ncpus) {
                    return 0;
                }
                if (allocArea(cpu, true) >= allocEnd) {
                    undoReservationsBefore(mask, cpu);
                    return -Errno.ENOSPC;
                }
                managed[cpu]++;
                if (online[cpu]) {
                    available[cpu]--;
                    globalAvailable--;
                }
            }
        }
        return 0;
    }

    private void undoReservationsBefore(long[] mask, int failedCpu) {
        for (int cpu = Bits.first(mask); cpu >= 0 && cpu != failedCpu; cpu = Bits.next(mask, cpu + 1)) {
            removeManaged(cpu);
        }
    }

    // mirrors irq_matrix_remove_managed(): drops any not-activated managed bit, the lowest one
    void removeManaged(long[] mask) {
        for (int cpu = Bits.first(mask); cpu >= 0 && cpu < ncpus; cpu = Bits.next(mask, cpu + 1)) {
            removeManaged(cpu);
        }
    }

    public void removeManaged(int cpu) {
        if (managed[cpu] == 0) {
            log.print(KernelMessage.Kind.MATRIX_WARNING, "WARNING: irq_matrix_remove_managed: cpu " + cpu + " has no managed reservation");
            return;
        }
        int bit = lowestManagedUnallocated(cpu);
        if (bit < 0) {
            log.print(KernelMessage.Kind.MATRIX_WARNING, "WARNING: irq_matrix_remove_managed: cpu " + cpu + " has no free managed bit");
            return;
        }
        managedMap[cpu * words + (bit >>> 6)] &= ~(1L << bit);
        managed[cpu]--;
        if (online[cpu]) {
            available[cpu]++;
            globalAvailable++;
        }
    }

    private int lowestManagedUnallocated(int cpu) {
        int base = cpu * words;
        for (int w = 0; w < words; w++) {
            long free = managedMap[base + w] & ~allocMap[base + w];
            if (free != 0) {
                int bit = (w << 6) + Long.numberOfTrailingZeros(free);
                return bit < allocEnd ? bit : -1;
            }
        }
        return -1;
    }

    // mirrors irq_matrix_alloc_managed(): activates a reserved managed bit; available does not change
    int allocManaged(long[] mask) {
        if (Bits.isEmpty(mask)) {
            return -Errno.EINVAL;
        }
        int cpu = findBestCpuManaged(mask);
        if (cpu < 0) {
            return -Errno.ENOSPC;
        }
        int bit = lowestManagedUnallocated(cpu);
        if (bit < 0) {
            return -Errno.ENOSPC;
        }
        allocMap[cpu * words + (bit >>> 6)] |= 1L << bit;
        allocated[cpu]++;
        managedAllocated[cpu]++;
        totalAllocated++;
        return encode(cpu, bit);
    }

    /** Whether {@code bit} is inside the allocation range and neither allocated, managed nor a system vector on {@code cpu}. */
    boolean isFree(int cpu, int bit) {
        if (bit < allocStart || bit >= allocEnd) {
            return false;
        }
        int w = bit >>> 6;
        long used = managedMap[cpu * words + w] | systemMap[w] | allocMap[cpu * words + w];
        return (used & (1L << bit)) == 0;
    }

    // mirrors irq_matrix_assign(): a preallocated vector on the given (local) CPU
    public void assign(int cpu, int bit) {
        if (bit < allocStart || bit >= allocEnd) {
            log.print(KernelMessage.Kind.MATRIX_WARNING, "WARNING: irq_matrix_assign: vector " + bit + " outside the allocation range");
            return;
        }
        int idx = cpu * words + (bit >>> 6);
        if ((allocMap[idx] & (1L << bit)) != 0) {
            log.print(KernelMessage.Kind.MATRIX_WARNING, "WARNING: irq_matrix_assign: vector " + bit + " already assigned on cpu " + cpu);
            return;
        }
        allocMap[idx] |= 1L << bit;
        allocated[cpu]++;
        totalAllocated++;
        available[cpu]--;
        globalAvailable--;
    }

    // mirrors irq_matrix_reserve(): bookkeeping only, it never fails but warns when overcommitted
    public void reserve() {
        if (globalReserved == globalAvailable) {
            log.print(KernelMessage.Kind.INFO, "Interrupt reservation exceeds available resources");
        }
        globalReserved++;
    }

    // mirrors irq_matrix_remove_reserved()
    public void removeReserved() {
        globalReserved--;
    }

    // mirrors irq_matrix_alloc(): a non-managed vector on the best CPU of the mask
    int alloc(long[] mask, boolean reserved) {
        if (rejectEmptyMask && Bits.isEmpty(mask)) {
            return -Errno.EINVAL;
        }
        int cpu = findBestCpu(mask);
        if (cpu < 0) {
            return -Errno.ENOSPC;
        }
        int bit = allocArea(cpu, false);
        if (bit >= allocEnd) {
            return -Errno.ENOSPC;
        }
        allocated[cpu]++;
        available[cpu]--;
        totalAllocated++;
        globalAvailable--;
        if (reserved) {
            globalReserved--;
        }
        return encode(cpu, bit);
    }

    // mirrors irq_matrix_free(): managed bits return to the reservation, others to the free pool
    public void free(int cpu, int bit, boolean managedVector) {
        if (bit < allocStart || bit >= allocEnd) {
            log.print(KernelMessage.Kind.MATRIX_WARNING, "WARNING: irq_matrix_free: vector " + bit + " outside the allocation range");
            return;
        }
        int idx = cpu * words + (bit >>> 6);
        if ((allocMap[idx] & (1L << bit)) == 0) {
            log.print(KernelMessage.Kind.MATRIX_WARNING, "WARNING: irq_matrix_free: vector " + bit + " not allocated on cpu " + cpu);
            return;
        }
        allocMap[idx] &= ~(1L << bit);
        allocated[cpu]--;
        if (managedVector) {
            managedAllocated[cpu]--;
        }
        if (online[cpu]) {
            totalAllocated--;
        }
        if (!managedVector) {
            available[cpu]++;
            if (online[cpu]) {
                globalAvailable++;
            }
        }
    }

    // mirrors irq_matrix_available(): what remains elsewhere if this CPU went down
    public int availableWithout(int cpu) {
        return globalAvailable - available[cpu];
    }

    // mirrors irq_matrix_allocated(): what would have to move off this CPU
    public int allocatedToMove(int cpu) {
        return allocatedExcludesManaged ? allocated[cpu] - managedAllocated[cpu] : allocated[cpu];
    }

    /** irq_matrix_reserve_managed() on a CpuSet; 0 or -ENOSPC. */
    public int reserveManaged(CpuSet mask) {
        return reserveManaged(mask.words());
    }

    /** irq_matrix_remove_managed() on a CpuSet. */
    public void removeManaged(CpuSet mask) {
        removeManaged(mask.words());
    }

    /** irq_matrix_alloc_managed() on a CpuSet; encoded cpu/vector or -errno. */
    public int allocManaged(CpuSet mask) {
        return allocManaged(mask.words());
    }

    /** irq_matrix_alloc() on a CpuSet; encoded cpu/vector or -errno. */
    public int alloc(CpuSet mask, boolean reserved) {
        return alloc(mask.words(), reserved);
    }

    public int globalAvailable() {
        return globalAvailable;
    }

    public int globalReserved() {
        return globalReserved;
    }

    public int totalAllocated() {
        return totalAllocated;
    }

    public int onlineMaps() {
        return onlineMaps;
    }

    public int systembitsInalloc() {
        return systembitsInalloc;
    }

    public MatrixSnapshot snapshot() {
        return MatrixSnapshot.of(this);
    }

    public KernelLog log() {
        return log;
    }

    public int ncpus() {
        return ncpus;
    }

    public boolean isOnline(int cpu) {
        return online[cpu];
    }

    public int available(int cpu) {
        return available[cpu];
    }

    public int allocated(int cpu) {
        return allocated[cpu];
    }

    public int managed(int cpu) {
        return managed[cpu];
    }

    public int managedAllocated(int cpu) {
        return managedAllocated[cpu];
    }

    long[] allocMapOf(int cpu) {
        long[] r = new long[words];
        System.arraycopy(allocMap, cpu * words, r, 0, words);
        return r;
    }

    long[] managedMapOf(int cpu) {
        long[] r = new long[words];
        System.arraycopy(managedMap, cpu * words, r, 0, words);
        return r;
    }

    long[] systemMap() {
        return systemMap.clone();
    }

    public boolean isAllocated(int cpu, int bit) {
        return (allocMap[cpu * words + (bit >>> 6)] & (1L << bit)) != 0;
    }
}
