package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;

/** The matrix invariants every test asserts after every event. */
public final class Invariants {
    private Invariants() {
    }

    public static void check(Simulation sim) {
        check(sim.snapshot(), true);
    }

    /**
     * @param exactAvailability also check each online CPU's available against its bitmaps; this only holds
     *                          when no managed reservation was made while a CPU was offline (the kernel
     *                          does not recount available when the CPU returns)
     */
    public static void check(MatrixSnapshot s, boolean exactAvailability) {
        assertEquals(s.sumOnlineAvailable(), s.globalAvailable(), "global_available == sum of online available");
        assertEquals(s.sumOnlineAllocated(), s.totalAllocated(), "total_allocated == sum of online allocated");
        CpuSet system = CpuSet.parse(s.systemVectors());
        int online = 0;
        for (MatrixSnapshot.CpuMap c : s.cpus()) {
            CpuSet alloc = CpuSet.parse(c.vectors());
            CpuSet managedBits = CpuSet.parse(c.managedVectors());
            assertFalse(alloc.intersects(system), "cpu " + c.cpu() + ": a bit both system and allocated");
            assertFalse(managedBits.intersects(system), "cpu " + c.cpu() + ": a bit both system and managed");
            assertEquals(c.allocated(), alloc.size(), "cpu " + c.cpu() + ": allocated count vs bitmap");
            assertEquals(c.managed(), managedBits.size(), "cpu " + c.cpu() + ": managed count vs bitmap");
            assertEquals(c.managedAllocated(), alloc.and(managedBits).size(),
                    "cpu " + c.cpu() + ": every active managed vector sits on a managed reservation");
            assertTrue(c.managedAllocated() <= c.managed(), "cpu " + c.cpu() + ": mac <= man");
            if (c.online()) {
                online++;
            }
            if (c.online() && exactAvailability) {
                int capacity = s.allocEnd() - s.allocStart() - s.systembitsInalloc();
                assertEquals(capacity - c.managed() - (c.allocated() - c.managedAllocated()), c.available(),
                        "cpu " + c.cpu() + ": available == capacity - managed - unmanaged allocated");
            }
        }
        assertEquals(online, s.onlineMaps(), "online maps");
    }
}
