package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.Errno;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.VectorMatrix;
import org.junit.jupiter.api.Test;

/** The kernel/irq/matrix.c primitives and their tie-break rules. */
class VectorMatrixTest {

    private static VectorMatrix matrix(int cpus, KernelRules profile) {
        VectorMatrix m = new VectorMatrix(cpus, 256, 32, 236, profile);
        CpuSet.parse("0-19,29,32,50,128,236-255").stream().forEach(m::assignSystem);
        for (int c = 0; c < cpus; c++) {
            m.online(c);
        }
        return m;
    }

    @Test
    void eachCpuStartsWith201WhenThreeSystemVectorsSitInTheRange() {
        VectorMatrix m = matrix(80, KernelRules.EL8_4_18);
        assertEquals(3, m.systembitsInalloc());
        for (int c = 0; c < 80; c++) {
            assertEquals(201, m.available(c));
        }
        assertEquals(80 * 201, m.globalAvailable());
        assertEquals(80, m.onlineMaps());
    }

    @Test
    void allocTakesTheMostAvailableCpuAndTheLowestOnTies() {
        VectorMatrix m = matrix(4, KernelRules.V6_1);
        int first = m.alloc(CpuSet.range(0, 3), false);
        assertEquals(0, VectorMatrix.cpuOf(first), "all equal: lowest CPU");
        assertEquals(33, VectorMatrix.vectorOf(first), "lowest free vector (32 is a system vector)");
        assertEquals(1, VectorMatrix.cpuOf(m.alloc(CpuSet.range(0, 3), false)));
        assertEquals(2, VectorMatrix.cpuOf(m.alloc(CpuSet.range(0, 3), false)));
        assertEquals(3, VectorMatrix.cpuOf(m.alloc(CpuSet.range(0, 3), false)));
        assertEquals(0, VectorMatrix.cpuOf(m.alloc(CpuSet.range(0, 3), false)), "wraps to the lowest again");
        assertEquals(2, VectorMatrix.cpuOf(m.alloc(CpuSet.of(0, 2), false)),
                "CPU 0 holds two vectors, CPU 2 one: the most available wins over the lower number");
    }

    @Test
    void allocManagedTakesTheHighestCpuAmongTheFewestManagedAllocated() {
        VectorMatrix m = matrix(4, KernelRules.V6_1);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, m.reserveManaged(CpuSet.range(0, 3)));
        }
        assertEquals(3, VectorMatrix.cpuOf(m.allocManaged(CpuSet.range(0, 3))));
        assertEquals(2, VectorMatrix.cpuOf(m.allocManaged(CpuSet.range(0, 3))));
        assertEquals(1, VectorMatrix.cpuOf(m.allocManaged(CpuSet.range(0, 3))));
        assertEquals(0, VectorMatrix.cpuOf(m.allocManaged(CpuSet.range(0, 3))));
        assertEquals(3, VectorMatrix.cpuOf(m.allocManaged(CpuSet.range(0, 3))), "all at one: highest again");
    }

    @Test
    void managedActivationDoesNotChangeAvailable() {
        VectorMatrix m = matrix(2, KernelRules.V6_1);
        m.reserveManaged(CpuSet.range(0, 1));
        assertEquals(200, m.available(0));
        int before = m.globalAvailable();
        int r = m.allocManaged(CpuSet.range(0, 1));
        assertTrue(r >= 0);
        assertEquals(before, m.globalAvailable());
        assertEquals(1, m.totalAllocated());
        assertEquals(1, m.managedAllocated(VectorMatrix.cpuOf(r)));
    }

    @Test
    void reserveManagedIsAllOrNothingAndCoversOfflineCpus() {
        VectorMatrix m = matrix(4, KernelRules.V6_1);
        m.offline(2);
        for (int i = 0; i < 200; i++) {
            m.alloc(CpuSet.of(3), false);
        }
        assertEquals(1, m.available(3));
        int global = m.globalAvailable();
        assertEquals(0, m.reserveManaged(CpuSet.range(0, 3)));
        assertEquals(1, m.managed(2), "offline CPUs get a reservation too");
        assertEquals(global - 3, m.globalAvailable(), "but only online CPUs count against global_available");
        assertEquals(-Errno.ENOSPC, m.reserveManaged(CpuSet.range(0, 3)), "CPU 3 is full now");
        for (int c = 0; c < 4; c++) {
            assertEquals(1, m.managed(c), "rolled back on cpu " + c);
        }
        assertEquals(global - 3, m.globalAvailable());
    }

    @Test
    void freeReturnsManagedBitsToTheReservationAndOthersToThePool() {
        VectorMatrix m = matrix(1, KernelRules.V6_1);
        m.reserveManaged(CpuSet.of(0));
        int managed = m.allocManaged(CpuSet.of(0));
        int plain = m.alloc(CpuSet.of(0), false);
        assertEquals(199, m.available(0));
        m.free(0, VectorMatrix.vectorOf(managed), true);
        assertEquals(199, m.available(0), "a freed managed vector stays reserved");
        assertEquals(1, m.managed(0));
        m.free(0, VectorMatrix.vectorOf(plain), false);
        assertEquals(200, m.available(0));
        m.removeManaged(CpuSet.of(0));
        assertEquals(201, m.available(0));
        assertEquals(0, m.totalAllocated());
    }

    @Test
    void reserveIsBookkeepingThatWarnsWhenOvercommitted() {
        VectorMatrix m = matrix(1, KernelRules.V6_1);
        for (int i = 0; i < 201; i++) {
            m.reserve();
        }
        assertTrue(m.log().lines().isEmpty());
        m.reserve();
        assertEquals(202, m.globalReserved());
        assertEquals("Interrupt reservation exceeds available resources", m.log().lines().get(0).text());
        int r = m.alloc(CpuSet.of(0), true);
        assertTrue(r >= 0);
        assertEquals(201, m.globalReserved(), "a reserved allocation consumes its reservation");
    }

    @Test
    void emptyMaskIsEinvalUpstreamButEnospcInTheEl8Tree() {
        assertEquals(-Errno.EINVAL, matrix(2, KernelRules.V6_1).alloc(CpuSet.empty(), false));
        assertEquals(-Errno.ENOSPC, matrix(2, KernelRules.EL8_4_18).alloc(CpuSet.empty(), false));
        assertEquals(-Errno.EINVAL, matrix(2, KernelRules.EL8_4_18).allocManaged(CpuSet.empty()));
    }

    @Test
    void offlineKeepsTheBitsAndOnlineRestoresTheSameAvailability() {
        VectorMatrix m = matrix(2, KernelRules.V6_1);
        m.alloc(CpuSet.of(1), false);
        m.offline(1);
        assertEquals(201, m.globalAvailable());
        assertFalse(m.isOnline(1));
        assertEquals(1, m.allocated(1));
        m.online(1);
        assertEquals(401, m.globalAvailable());
    }

    @Test
    void allocatedToMoveExcludesManagedUpstreamOnly() {
        for (KernelRules p : new KernelRules[] {KernelRules.V6_1, KernelRules.EL8_4_18}) {
            VectorMatrix m = matrix(1, p);
            m.reserveManaged(CpuSet.of(0));
            m.allocManaged(CpuSet.of(0));
            m.alloc(CpuSet.of(0), false);
            assertEquals(p == KernelRules.V6_1 ? 1 : 2, m.allocatedToMove(0), p.id());
        }
    }
}
