package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.irqlab.kernel.VectorInfo;
import org.junit.jupiter.api.Test;

/**
 * Where the allocatable vectors are per kernel: 6.1 keeps 0x20 for the cleanup IPI and allocates up to
 * 0xeb; 6.12 has no cleanup vector but stops below POSTED_MSI_NOTIFICATION_VECTOR (0xeb). Both give 201.
 */
class VectorSpaceTest {

    private static List<Integer> vectorsOfAFullCpu(KernelRules p) {
        Simulation sim = new Simulation(MachineSpec.builder(p, 1).build());
        DeviceResult r = sim.addDevice(DeviceSpec.genericMsix(201, false));
        assertEquals(0, r.errno());
        assertEquals(0, sim.counters().globalAvailable());
        return r.vectors().stream().map(VectorInfo::vector).sorted().toList();
    }

    @Test
    void v612AllocatesFrom0x20AndStopsBelow0xeb() {
        List<Integer> v = vectorsOfAFullCpu(KernelRules.V6_12);
        assertEquals(32, v.get(0));
        assertEquals(234, v.get(v.size() - 1));
        MatrixSnapshot s = new Simulation(MachineSpec.builder(KernelRules.V6_12, 1).build()).snapshot();
        assertEquals(235, s.allocEnd());
        assertEquals(2, s.systembitsInalloc(), "the PIC cascade and the IA32 syscall vector");
    }

    @Test
    void v61KeepsTheCleanupVectorAndAllocatesUpTo0xeb() {
        List<Integer> v = vectorsOfAFullCpu(KernelRules.V6_1);
        assertEquals(33, v.get(0));
        assertEquals(235, v.get(v.size() - 1));
    }
}
