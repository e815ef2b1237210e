package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** A generic MSI-X device: managed or not, pre/post vectors, all-or-nothing versus a minimum. */
class GenericMsixTest {

    @Test
    void managedWithPreAndPostVectors() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).build());
        DeviceResult r = sim.addDevice(DeviceSpec.builder(DeviceKind.GENERIC_MSIX).queues(6).managed(true)
                .preVectors(1).postVectors(1).namePrefix("mlx").build());
        assertEquals("mlx0", r.name());
        assertEquals("mlx0-0", r.vectors().get(0).name());
        assertFalse(r.vectors().get(0).managed());
        assertFalse(r.vectors().get(5).managed());
        for (int i = 1; i <= 4; i++) {
            assertTrue(r.vectors().get(i).managed());
            assertEquals(CpuSet.of(i - 1), r.vectors().get(i).affinity());
        }
        assertEquals(4 * 201 - 4 - 2, r.after().globalAvailable());
        Invariants.check(sim);
    }

    @Test
    void unmanagedVectorsCostOneSlotEach() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_12, 4).build());
        DeviceResult r = sim.addDevice(DeviceSpec.genericMsix(10, false));
        assertEquals(InterruptPath.PER_QUEUE_MSIX_UNMANAGED, r.path());
        assertEquals(4 * 201 - 10, r.after().globalAvailable());
    }

    @Test
    void allOrNothingVersusAMinimum() {
        int[] load = {0, 0, 0, 201};
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 4).bootLoad(BootLoad.perCpu(load, new int[4], new int[4]))
                .build();
        DeviceResult strict = new Simulation(m).addDevice(DeviceSpec.genericMsix(4, true));
        assertEquals(-28, strict.errno());
        // every spread touches CPU 3; the partial-allocation retries shrink 6 -> 4 -> 2 vectors, and 2 vectors
        // are just the pre and post vector: nothing left to spread, so both unmanaged, and that fits
        DeviceResult flexible = new Simulation(m).addDevice(DeviceSpec.builder(DeviceKind.GENERIC_MSIX).queues(6)
                .managed(true).preVectors(1).postVectors(1).minVectors(2).build());
        assertEquals(0, flexible.errno());
        assertEquals(2, flexible.vectors().size());
        assertEquals(InterruptPath.PER_QUEUE_MSIX_UNMANAGED, flexible.path());
    }
}
