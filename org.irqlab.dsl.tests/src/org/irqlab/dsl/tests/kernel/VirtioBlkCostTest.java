package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** What one managed virtio_blk costs on the incident's 80-CPU, 2-node el8 host. */
class VirtioBlkCostTest {

    private static MachineSpec host(BootLoad load) {
        return MachineSpec.builder(KernelRules.EL8_4_18, 80).evenNodes(2).bootLoad(load).build();
    }

    @Test
    void everyCpuStartsWith201() {
        Simulation sim = new Simulation(host(BootLoad.none()));
        sim.snapshot().cpus().forEach(c -> assertEquals(201, c.available(), "cpu " + c.cpu()));
        assertEquals(80 * 201, sim.counters().globalAvailable());
    }

    @Test
    void aTwoQueueDeviceCosts81SlotsAnd3AllocationsAndRemovalGivesThemBack() {
        Simulation sim = new Simulation(host(BootLoad.none()));
        MatrixCounters before = sim.counters();
        DeviceResult r = sim.addDevice(DeviceSpec.virtioBlk(2));
        Invariants.check(sim);
        assertEquals(InterruptPath.PER_QUEUE_MSIX_MANAGED, r.path());
        assertEquals(before.globalAvailable() - 81, r.after().globalAvailable());
        assertEquals(before.totalAllocated() + 3, r.after().totalAllocated());
        assertEquals(CpuSet.range(0, 39), r.vector("req.0").affinity());
        assertEquals(CpuSet.range(40, 79), r.vector("req.1").affinity());
        assertTrue(r.vector("req.0").managed());
        assertFalse(r.vector("config").managed());
        assertEquals("virtio0-req.1", r.vector("req.1").name());
        DeviceResult gone = sim.removeDevice(r.name());
        Invariants.check(sim);
        assertEquals(before, gone.after());
        assertEquals(before.globalReserved(), sim.counters().globalReserved());
    }

    @Test
    void aOneQueueDeviceAlsoCostsASlotOnEveryCpuPlusItsConfigVector() {
        Simulation sim = new Simulation(host(BootLoad.none()));
        MatrixCounters before = sim.counters();
        DeviceResult r = sim.addDevice(DeviceSpec.virtioBlk(1));
        assertEquals(CpuSet.range(0, 79), r.vector("req.0").affinity());
        assertTrue(r.vector("req.0").managed());
        assertEquals(before.globalAvailable() - 81, r.after().globalAvailable());
        assertEquals(before.totalAllocated() + 2, r.after().totalAllocated());
    }

    @Test
    void theSeedsOwnFigures() {
        // crash dump before the hot-add: global_available 15296, global_reserved 150, total_allocated 550
        Simulation sim = new Simulation(host(BootLoad.fromCrashDump(15296, 150, 550)));
        assertEquals(new MatrixCounters(15296, 150, 550, 80), sim.counters());
        DeviceResult r = sim.addDevice(DeviceSpec.virtioBlk(2));
        assertEquals(new MatrixCounters(15215, 150, 553, 80), r.after());
        assertEquals(new MatrixCounters(15296, 150, 550, 80), sim.removeDevice(r.name()).after());
        Invariants.check(sim);
    }

    @Test
    void numRequestQueuesAndPollQueuesShapeTheVectors() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 8).build());
        DeviceResult r = sim.addDevice(DeviceSpec.builder(org.irqlab.kernel.DeviceKind.VIRTIO_BLK).queues(16)
                .numRequestQueues(4).pollQueues(1).build());
        // 4 queues, one of them polled (no vector): config + req.0..2
        assertEquals(4, r.vectors().size());
        assertEquals("virtio_blk virtio0: 3/0/1 default/read/poll queues", r.messages().get(0));
        assertEquals(CpuSet.range(0, 2), r.vector("req.0").affinity());
        assertEquals(CpuSet.range(6, 7), r.vector("req.2").affinity());
        DeviceResult capped = sim.addDevice(DeviceSpec.virtioBlk(64));
        assertEquals(1 + 8, capped.vectors().size(), "queues are capped at nr_cpu_ids");
    }

    @Test
    void theProposedPatchWithoutDescriptorMakesTheQueuesUnmanaged() {
        Simulation sim = new Simulation(host(BootLoad.none()));
        DeviceResult r = sim.addDevice(DeviceSpec.builder(org.irqlab.kernel.DeviceKind.VIRTIO_BLK).queues(2)
                .managed(false).build());
        assertEquals(InterruptPath.PER_QUEUE_MSIX_UNMANAGED, r.path());
        assertEquals(80 * 201 - 3, r.after().globalAvailable());
    }
}
