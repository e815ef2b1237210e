package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.Simulation;
import org.irqlab.kernel.VectorInfo;
import org.junit.jupiter.api.Test;

/** CPU offline (refusal, migration, managed shutdown) and online (managed restart). */
class CpuHotplugTest {

    @Test
    void offlineIsRefusedWhenTheVectorsCannotMoveElsewhere() {
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 2)
                .bootLoad(BootLoad.perCpu(new int[] {100, 150}, new int[2], new int[2])).build();
        Simulation sim = new Simulation(m);
        CpuHotplugResult r = sim.offlineCpu(1);
        assertTrue(r.refused());
        assertEquals(-28, r.errno());
        assertEquals("CPU 1 has 150 vectors, 101 available. Cannot disable CPU", r.messages().get(0));
        assertEquals(r.before(), r.after());
        assertTrue(sim.onlineCpus().contains(1));
    }

    @Test
    void offlineMovesUnmanagedVectorsAndOnlineTakesNothingBack() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).build());
        DeviceResult net = sim.addDevice(DeviceSpec.virtioNet(4));
        sim.deliverPendingMoves();
        CpuHotplugResult r = sim.offlineCpu(2);
        assertFalse(r.refused());
        assertTrue(r.moved() > 0);
        assertEquals(3, r.after().onlineMaps());
        for (VectorInfo v : sim.device(net.name()).vectors()) {
            assertTrue(v.effectiveCpu() != 2, v.toString());
        }
        Invariants.check(sim);
        assertEquals(r.before().totalAllocated(), r.after().totalAllocated(), "moved, not lost");
        CpuHotplugResult on = sim.onlineCpu(2);
        assertEquals(4, on.after().onlineMaps());
        Invariants.check(sim);
    }

    @Test
    void managedVectorsWhoseWholeMaskGoesOfflineShutDownAndComeBack() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).build());
        DeviceResult nvme = sim.addDevice(DeviceSpec.nvme(4));
        VectorInfo q3 = nvme.vectors().get(3);
        assertEquals(2, q3.effectiveCpu());
        CpuHotplugResult off = sim.offlineCpu(2);
        assertEquals(1, off.shutDown());
        VectorInfo down = sim.device(nvme.name()).vectors().get(3);
        assertEquals(-1, down.effectiveCpu());
        assertEquals(1, sim.snapshot().cpu(2).managed(), "the reservation stays with the offline CPU");
        Invariants.check(sim.snapshot(), true);
        CpuHotplugResult on = sim.onlineCpu(2);
        assertEquals(1, on.restarted());
        assertEquals(2, sim.device(nvme.name()).vectors().get(3).effectiveCpu());
        Invariants.check(sim);
    }

    @Test
    void managedVectorsMoveWithinTheirMask() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.EL8_4_18, 8).evenNodes(2).build());
        DeviceResult blk = sim.addDevice(DeviceSpec.virtioBlk(2));
        int cpu = blk.vector("req.0").effectiveCpu();
        assertEquals(3, cpu);
        sim.offlineCpu(cpu);
        assertEquals(2, sim.device(blk.name()).vector("req.0").effectiveCpu());
        Invariants.check(sim);
    }

    @Test
    void cpuZeroStays() {
        assertTrue(new Simulation(MachineSpec.builder(KernelRules.V6_12, 2).build()).offlineCpu(0).refused());
    }
}
