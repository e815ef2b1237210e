package org.irqlab.dsl.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * An immutable copy of the vector matrix: global counters and every CPU's map (online or not).
 *
 * @param systemVectors the system map as a bit list ("0-19,29,32,50,128,236-255")
 * @param systemCount   bits set in the system map (debugfs "System: N:")
 */
public record MatrixSnapshot(int matrixBits, int allocStart, int allocEnd, int onlineMaps, int globalAvailable,
        int globalReserved, int totalAllocated, int systembitsInalloc, String systemVectors, int systemCount,
        List<CpuMap> cpus) {

    /** One CPU's map: counters and the allocated vectors as a bit list ("33-35,48"). */
    public record CpuMap(int cpu, boolean online, int available, int managed, int managedAllocated, int allocated,
            String vectors, String managedVectors) {
    }

    public MatrixCounters counters() {
        return new MatrixCounters(globalAvailable, globalReserved, totalAllocated, onlineMaps);
    }

    public CpuMap cpu(int cpu) {
        return cpus.get(cpu);
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
                    m.allocated(c), Bits.toList(m.allocMapOf(c), m.matrixBits),
                    Bits.toList(m.managedMapOf(c), m.matrixBits)));
        }
        long[] sys = m.systemMap();
        return new MatrixSnapshot(m.matrixBits, m.allocStart, m.allocEnd, m.onlineMaps, m.globalAvailable,
                m.globalReserved, m.totalAllocated, m.systembitsInalloc, Bits.toList(sys, m.matrixBits),
                Bits.weight(sys), List.copyOf(list));
    }
}
