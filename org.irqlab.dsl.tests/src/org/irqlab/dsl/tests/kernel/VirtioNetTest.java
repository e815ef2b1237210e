package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.Simulation;
import org.irqlab.kernel.VectorInfo;
import org.junit.jupiter.api.Test;

/** virtio_net: unmanaged per-queue vectors, no vector for the control queue, virtnet_set_affinity(). */
class VirtioNetTest {

    @Test
    void queuePairsCostOneSlotPerVectorAndNothingIsManaged() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).build());
        MatrixCounters before = sim.counters();
        DeviceResult r = sim.addDevice(DeviceSpec.virtioNet(2));
        assertEquals(InterruptPath.PER_QUEUE_MSIX_UNMANAGED, r.path());
        assertEquals(5, r.vectors().size(), "config + input/output per pair, the control queue has none");
        assertTrue(r.vectors().stream().noneMatch(VectorInfo::managed));
        assertEquals(before.globalAvailable() - 5, r.after().globalAvailable());
        assertEquals("virtio0-input.1", r.vectors().get(3).name());
        assertEquals(CpuSet.range(0, 1), r.vector("input.0").affinity());
        assertEquals(CpuSet.range(2, 3), r.vector("output.1").affinity());
        Invariants.check(sim);
    }

    @Test
    void queuesAreSpreadAgainWhenACpuGoesOfflineAndComesBack() {
        // virtnet_cpu_dead()/virtnet_cpu_online(): a real 6.1 guest showed the same masks (irqlab verify)
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 8).build());
        String nic = sim.addDevice(DeviceSpec.virtioNet(4)).name();
        assertEquals(CpuSet.range(4, 5), sim.device(nic).vector("input.2").affinity());
        sim.offlineCpu(4);
        DeviceResult afterOffline = sim.device(nic);
        assertEquals(CpuSet.range(0, 1), afterOffline.vector("input.0").affinity(), "7 CPUs for 4 pairs: 2, 2, 2 and 1");
        assertEquals(CpuSet.range(5, 6), afterOffline.vector("output.2").affinity());
        assertEquals(CpuSet.of(7), afterOffline.vector("input.3").affinity());
        sim.onlineCpu(4);
        assertEquals(CpuSet.range(4, 5), sim.device(nic).vector("input.2").affinity());
        assertEquals(CpuSet.range(6, 7), sim.device(nic).vector("output.3").affinity());
        Invariants.check(sim);
    }

    @Test
    void withoutInterruptRemappingTheMoveWaitsForTheNextInterrupt() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).build());
        DeviceResult r = sim.addDevice(DeviceSpec.virtioNet(4));
        assertEquals(CpuSet.of(0), r.vector("input.0").affinity());
        assertEquals(1, r.vector("input.0").effectiveCpu(), "placed at request_irq, the pinning is only pending");
        int moved = sim.deliverPendingMoves();
        assertTrue(moved > 0);
        for (VectorInfo v : sim.device(r.name()).vectors()) {
            assertTrue(v.affinity().contains(v.effectiveCpu()), v.toString());
        }
        Invariants.check(sim);
    }

    @Test
    void withInterruptRemappingTheVectorsMoveAtOnce() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).interruptRemapping(true).build());
        DeviceResult r = sim.addDevice(DeviceSpec.virtioNet(4));
        for (VectorInfo v : r.vectors()) {
            assertTrue(v.affinity().contains(v.effectiveCpu()), v.toString());
        }
        assertEquals(0, sim.deliverPendingMoves());
    }

    @Test
    void moreQueuePairsThanCpusUseOnlyOnlineCpusForTheActivePairs() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_12, 2).build());
        DeviceResult r = sim.addDevice(DeviceSpec.virtioNet(4));
        assertEquals(9, r.vectors().size(), "vectors for all 4 pairs");
        assertEquals(CpuSet.of(1), r.vector("input.1").affinity(), "2 active pairs on 2 CPUs");
        assertEquals(CpuSet.range(0, 1), r.vector("input.3").affinity(), "inactive pairs keep the default");
        assertFalse(r.failed());
    }
}
