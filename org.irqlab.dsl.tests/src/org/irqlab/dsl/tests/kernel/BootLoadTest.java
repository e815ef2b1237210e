package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The boot load `placed N`: the IO-APIC interrupts a booted guest runs. The timer keeps its legacy vector on
 * the boot CPU; every other line gets its vector when its driver requests it, on the online CPU of its node
 * with most available vectors, the lowest CPU keeping a tie (assign_irq_vector_any_locked() and
 * matrix_find_best_cpu()); the lines keep their legacy numbers below 16.
 */
class BootLoadTest {

    private static Simulation guest(int cpus, int nodes, BootLoad load) {
        return new Simulation(MachineSpec.builder(KernelRules.V6_1, cpus).evenNodes(nodes).bootLoad(load).build());
    }

    private static int[] allocatedPerCpu(Simulation sim) {
        return sim.snapshot().cpus().stream().mapToInt(MatrixSnapshot.CpuMap::allocated).toArray();
    }

    @Test
    void sixBootVectorsLandOneEachOnCpus0To5WhenNode0HasEightCpus() {
        Simulation sim = guest(16, 2, BootLoad.qemuGuestDefault());
        assertEquals("[1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]", Arrays.toString(allocatedPerCpu(sim)));
    }

    @Test
    void aGuestWhoseNode0HasFourCpusGivesThemTwoTwoOneOne() {
        // timer on CPU 0, then CPUs 1, 2, 3 (most available), then 0 and 1 (a tie keeps the lowest CPU); node 1
        // has room but the node's CPUs come first
        Simulation sim = guest(8, 2, BootLoad.qemuGuestDefault());
        assertEquals("[2, 2, 1, 1, 0, 0, 0, 0]", Arrays.toString(allocatedPerCpu(sim)));
        assertEquals(6, sim.counters().totalAllocated());
        assertEquals(9, sim.counters().globalReserved());
    }

    @Test
    void aFourCpuGuestGetsCpus0123Then01() {
        assertEquals("[2, 2, 1, 1]", Arrays.toString(allocatedPerCpu(guest(4, 1, BootLoad.qemuGuestDefault()))));
    }

    @Test
    void bootInterruptsOnNode1FillNode1WhileTheTimerStaysOnTheBootCpu() {
        Simulation sim = guest(8, 2, BootLoad.none().withPlaced(6, 1).withReserved(9));
        assertEquals("[1, 0, 0, 0, 2, 1, 1, 1]", Arrays.toString(allocatedPerCpu(sim)));
    }

    @Test
    void theTimerKeepsItsLegacyVectorSoCpu0sFirstDeviceVectorIs33() {
        Simulation sim = guest(4, 1, BootLoad.qemuGuestDefault());
        assertEquals("33,48", sim.snapshot().cpus().get(0).vectors());
    }

    @Test
    void bootLinesKeepLegacyNumbersSoTheFirstDeviceInterruptIsIrq24() {
        // measured: virtio0-config is IRQ 24 in a guest that boots with 6 IO-APIC interrupts
        Simulation sim = guest(8, 2, BootLoad.qemuGuestDefault());
        DeviceResult r = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(1).numaNode(0).intxLine(10).build());
        assertEquals("virtio0-config", r.vectors().get(0).name());
        assertEquals(24, r.vectors().get(0).irq());
        assertEquals(25, r.vectors().get(1).irq());
        Invariants.check(sim);
    }

    @Test
    void moreBootInterruptsThanFreeLegacyLinesTakeDynamicNumbers() {
        // the timer is the first of the 14 placed interrupts; 12 lines are free for the others (1, 3-9, 12-15:
        // 2 is the cascade, 10 and 11 are held for INTx), so the 14th takes IRQ 24 and a device starts at 25
        Simulation sim = guest(8, 1, BootLoad.placed(14).withReserved(9).withReservedLines(10, 11));
        DeviceResult r = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(1).numaNode(0).intxLine(10).build());
        assertEquals(25, r.vectors().get(0).irq());
        Invariants.check(sim);
    }
}
