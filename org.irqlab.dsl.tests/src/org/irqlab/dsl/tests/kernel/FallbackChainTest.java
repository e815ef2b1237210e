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
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** vp_find_vqs() ladders per kernel generation, MSI-X unwinding, INTx, and the device node. */
class FallbackChainTest {

    private static DeviceSpec blk(int queues, int intx) {
        return DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(queues).intxLine(intx).build();
    }

    /** 4 CPUs, CPU 3 without a free vector: managed reservations over CPU 3 fail. */
    private static Simulation cpu3Full(KernelRules p) {
        return new Simulation(MachineSpec.builder(p, 4).bootLoad(BootLoad.perCpu(new int[] {0, 0, 0, 201}, new int[4],
                new int[4])).build());
    }

    /** {@code cpus} CPUs all full except {@code left} free slots on CPU 0. */
    private static Simulation nearlyFull(KernelRules p, int cpus, int left) {
        int[] load = new int[cpus];
        java.util.Arrays.fill(load, 201);
        load[0] = 201 - left;
        return new Simulation(MachineSpec.builder(p, cpus).bootLoad(BootLoad.perCpu(load, new int[cpus], new int[cpus]))
                .build());
    }

    @Test
    void upstream61SkipsIntxWhenTheDeviceHasNoIrq() {
        Simulation sim = nearlyFull(KernelRules.V6_1, 2, 0);
        MatrixSnapshot before = sim.snapshot();
        DeviceResult r = sim.addDevice(blk(2, 0));
        assertEquals(-28, r.errno());
        // reservation mode: allocation succeeds, request_irq of the config vector fails
        assertEquals("pcialloc:-28,msix:-28,pcialloc:2,msix_shared:-28,", r.attemptsString());
        // the driver core's wording before 6.10 (DD-1)
        assertEquals("virtio_blk: probe of virtio0 failed with error -28", r.messages().get(r.messages().size() - 1));
        assertEquals(before, sim.snapshot(), "a failed probe leaves the matrix as it was");
    }

    @Test
    void el8FailsAtAllocationAndTriesIntxOnIrqZero() {
        Simulation sim = nearlyFull(KernelRules.EL8_4_18, 2, 0);
        DeviceResult r = sim.addDevice(blk(2, 0));
        assertEquals("pcialloc:-28,msix:-28,pcialloc:-28,msix_shared:-28,intx:-16,", r.attemptsString());
        assertTrue(r.messages().contains("genirq: Flags mismatch irq 0. 00000080 (virtio0) vs. 00015a00 (timer)"));
    }

    @Test
    void v612RetriesWithSlowPathSharingWhichLeavesAOneQueueDeviceUnmanaged() {
        // SHARED_SLOW passes the descriptor again, so pre_vectors becomes 2: config and req.0 unmanaged
        DeviceResult r = cpu3Full(KernelRules.V6_12).addDevice(blk(1, 0));
        assertEquals(InterruptPath.PER_QUEUE_MSIX_UNMANAGED, r.path());
        assertEquals("pcialloc:-28,msix:-28,pcialloc:2,msix_shared_slow:0,", r.attemptsString());
        assertFalse(r.vector("req.0").managed());
        assertEquals("virtio0-req.0", r.vector("req.0").name());

        DeviceResult two = cpu3Full(KernelRules.V6_12).addDevice(blk(2, 0));
        assertEquals(InterruptPath.SHARED_MSIX, two.path(), "req.1 still managed over all CPUs: fails again");

        DeviceResult old = cpu3Full(KernelRules.V6_1).addDevice(blk(1, 0));
        assertEquals(InterruptPath.SHARED_MSIX, old.path());
        assertEquals("virtio0-virtqueues", old.vector("virtqueues").name());
    }

    @Test
    void sharedMsixNeedsTwoSlotsAndUnwindsItsFirstVector() {
        Simulation sim = nearlyFull(KernelRules.V6_1, 2, 1);
        MatrixSnapshot before = sim.snapshot();
        DeviceResult r = sim.addDevice(blk(1, 0));
        assertTrue(r.failed());
        assertEquals(before, sim.snapshot());
    }

    @Test
    void intxLineNeedsAVectorWhenFirstActivatedAndIsSharedAfterwards() {
        Simulation sim = nearlyFull(KernelRules.EL8_4_18, 2, 1);
        DeviceResult a = sim.addDevice(blk(2, 11));
        assertEquals(InterruptPath.INTX, a.path());
        assertEquals(11, a.vectors().get(0).irq());
        assertEquals("virtio0", a.vectors().get(0).name());
        assertEquals(0, sim.counters().globalAvailable(), "the line took the last slot");
        DeviceResult b = sim.addDevice(blk(2, 11));
        assertEquals(InterruptPath.INTX, b.path(), "an active line is shared without a new vector");
        assertEquals(a.vectors().get(0).effectiveCpu(), b.vectors().get(0).effectiveCpu());
        DeviceResult c = sim.addDevice(blk(2, 10));
        assertEquals(-28, c.errno(), "a new line needs a vector the matrix no longer has");
        sim.removeDevice(a.name());
        sim.removeDevice(b.name());
        assertEquals(1, sim.counters().globalAvailable(), "the last user's free_irq releases the line's vector");
        Invariants.check(sim);
    }

    @Test
    void theDeviceNodeSteersUnmanagedVectors() {
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 8).evenNodes(2).build();
        Simulation sim = new Simulation(m);
        DeviceResult onNode1 = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_NET).queues(1).numaNode(1).build());
        assertEquals(CpuSet.range(4, 7), onNode1.vector("config").affinity());
        assertEquals(4, onNode1.vector("config").effectiveCpu());
        DeviceResult noNode = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_NET).queues(1).noNumaNode().build());
        assertEquals(CpuSet.range(0, 7), noNode.vector("config").affinity());
        assertEquals(0, noNode.vector("config").effectiveCpu());
        // virtio_blk's config vector carries a spread descriptor: its node is CPU 0's, whatever the device's
        DeviceResult blk = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(2).numaNode(1).build());
        assertEquals(CpuSet.range(0, 3), blk.vector("config").affinity());
    }

    @Test
    void aFullNodeSendsTheVectorToAnotherNodeWithinTheAffinity() {
        int[] load = {201, 201, 0, 0};
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 4).evenNodes(2)
                .bootLoad(BootLoad.perCpu(load, new int[4], new int[4])).build();
        Simulation sim = new Simulation(m);
        DeviceResult r = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_NET).queues(1).numaNode(0).build());
        assertEquals(2, r.vector("config").effectiveCpu(), "node 0 is full, the vector lands on node 1");
        assertTrue(r.messages().stream().noneMatch(s -> s.contains("Affinity broken")));
        Invariants.check(sim);
    }

    @Test
    void affinityBrokenWhenNoCpuOfTheAffinityHasRoom() {
        int[] load = {201, 201, 0, 0};
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 4).defaultAffinity(CpuSet.range(0, 1))
                .bootLoad(BootLoad.perCpu(load, new int[4], new int[4])).build();
        Simulation sim = new Simulation(m);
        DeviceResult r = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_NET).queues(1).build());
        int irq = r.vector("config").irq();
        assertEquals(2, r.vector("config").effectiveCpu());
        assertTrue(r.messages().contains("irq " + irq + ": Affinity broken due to vector space exhaustion."),
                r.messages().toString());
    }
}
