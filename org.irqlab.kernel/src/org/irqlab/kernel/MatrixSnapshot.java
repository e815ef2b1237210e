package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable copy of the vector matrix: global counters and every CPU's map (online or not).
 *
 * @param systemVectors the system map as a bit list ("0-19,29,32,50,128,236-255")
 * @param systemCount   bits set in the system map (debugfs "System: N:")
 */
public record MatrixSnapshot(int matrixBits, int allocStart, int allocEnd, int onlineMaps, int globalAvailable,
        int globalReserved, int totalAllocated, int systembitsInalloc, String systemVectors, int systemCount,
        List<CpuMap> cpus) {

    /**
     * One CPU's map: counters and its bitmaps. The bit lists ("33-35,48") are printed only when asked: a
     * snapshot of 8192 CPUs is taken while validating, and most of them are never printed.
     */
    public static final class CpuMap {
        private final int cpu;
        private final boolean online;
        private final int available;
        private final int managed;
        private final int managedAllocated;
        private final int allocated;
        private final int matrixBits;
        private final long[] allocBits;
        private final long[] managedBits;

        CpuMap(int cpu, boolean online, int available, int managed, int managedAllocated, int allocated,
                int matrixBits, long[] allocBits, long[] managedBits) {
            this.cpu = cpu;
            this.online = online;
            this.available = available;
            this.managed = managed;
            this.managedAllocated = managedAllocated;
            this.allocated = allocated;
            this.matrixBits = matrixBits;
            this.allocBits = allocBits;
            this.managedBits = managedBits;
        }

        public int cpu() {
            return cpu;
        }

        public boolean online() {
            return online;
        }

        public int available() {
            return available;
        }

        public int managed() {
            return managed;
        }

        public int managedAllocated() {
            return managedAllocated;
        }

        public int allocated() {
            return allocated;
        }

        /** The allocated vectors as a bit list, as debugfs prints them. */
        public String vectors() {
            return Bits.toList(allocBits, matrixBits);
        }

        /** The vectors reserved for managed interrupts as a bit list. */
        public String managedVectors() {
            return Bits.toList(managedBits, matrixBits);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof CpuMap that && cpu == that.cpu && online == that.online
                    && available == that.available && managed == that.managed
                    && managedAllocated == that.managedAllocated && allocated == that.allocated
                    && Arrays.equals(allocBits, that.allocBits) && Arrays.equals(managedBits, that.managedBits);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cpu, online, available, managed, managedAllocated, allocated,
                    Arrays.hashCode(allocBits), Arrays.hashCode(managedBits));
        }

        @Override
        public String toString() {
            return "CpuMap[cpu=" + cpu + ", online=" + online + ", available=" + available + ", managed=" + managed
                    + ", managedAllocated=" + managedAllocated + ", allocated=" + allocated + ", vectors="
                    + vectors() + ", managedVectors=" + managedVectors() + "]";
        }
    }

    public MatrixCounters counters() {
        return new MatrixCounters(globalAvailable, globalReserved, totalAllocated, onlineMaps);
    }

    public CpuMap cpu(int cpu) {
        return cpus.get(cpu);
    }

    /** Vector slots each online CPU offers to devices: the allocation range minus the system vectors in it. */
    public int usablePerCpu() {
        return allocEnd - allocStart - systembitsInalloc;
    }

    /** Sum of the online CPUs' available counts (should equal globalAvailable). */
    public int sumOnlineAvailable() {
        return cpus.stream().filter(CpuMap::online).mapToInt(CpuMap::available).sum();
    }

    /** Sum of the online CPUs' allocated counts (should equal totalAllocated). */
    public int sumOnlineAllocated() {
        return cpus.stream().filter(CpuMap::online).mapToInt(CpuMap::allocated).sum();
    }

    static MatrixSnapshot of(VectorMatrix m) {
        List<CpuMap> list = new ArrayList<>(m.ncpus());
        for (int c = 0; c < m.ncpus(); c++) {
            list.add(new CpuMap(c, m.isOnline(c), m.available(c), m.managed(c), m.managedAllocated(c),
                    m.allocated(c), m.matrixBits, m.allocMapOf(c), m.managedMapOf(c)));
        }
        long[] sys = m.systemMap();
        return new MatrixSnapshot(m.matrixBits, m.allocStart, m.allocEnd, m.onlineMaps, m.globalAvailable,
                m.globalReserved, m.totalAllocated, m.systembitsInalloc, Bits.toList(sys, m.matrixBits),
                Bits.weight(sys), List.copyOf(list));
    }
}
