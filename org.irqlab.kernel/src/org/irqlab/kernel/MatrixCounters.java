package org.irqlab.kernel;

/** The global counters of the vector matrix, as printed by crash dumps and tracepoints. */
public record MatrixCounters(int globalAvailable, int globalReserved, int totalAllocated, int onlineMaps) {
    @Override
    public String toString() {
        return "avl=" + globalAvailable + " rsvd=" + globalReserved + " alloc=" + totalAllocated + " maps="
                + onlineMaps;
    }
}
