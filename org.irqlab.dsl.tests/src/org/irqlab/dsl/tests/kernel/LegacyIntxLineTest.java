package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * INTx lines as the IO-APIC sets them up: the ISA lines exist from boot in reservation mode (their ISA
 * vector released by vector_configure_legacy()), their descriptors sit on the first online node, and a
 * PCI GSI line mapped later follows its device's node.
 */
class LegacyIntxLineTest {

    /** A one-vector MSI-X table: neither per-queue nor shared MSI-X fits, so virtio goes straight to INTx. */
    private static DeviceSpec intxOnlyBlk(int line, int node) {
        return DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(2).intxLine(line).numaNode(node).msixTableSize(1)
                .build();
    }

    /** 4 CPUs in 2 nodes with the oracle guests' boot load: CPUs 0 and 1 carry two boot vectors, 2 and 3 one. */
    private static Simulation guest(KernelRules p) {
        return new Simulation(MachineSpec.builder(p, 4).evenNodes(2).bootLoad(BootLoad.qemuGuestDefault()).build());
    }

    @Test
    void aLineReservedAtBootSpendsThatReservationOnItsFirstRequest() {
        Simulation sim = guest(KernelRules.V6_1);
        MatrixCounters boot = sim.counters();
        assertEquals(9, boot.globalReserved());
        DeviceResult r = sim.addDevice(intxOnlyBlk(10, 0));
        assertEquals(InterruptPath.INTX, r.path());
        // activate_reserved() allocates with reserved=true: one slot and line 10's boot reservation go
        assertEquals(new MatrixCounters(boot.globalAvailable() - 1, 8, boot.totalAllocated() + 1, 4), sim.counters());
        Invariants.check(sim);
    }

    @Test
    void aFailedRequestOfABootLineLeavesTheReservationCountAlone() {
        BootLoad full = BootLoad.uniform(2, 201, 0, 0).withReserved(9).withReservedLines(10, 11);
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_12, 2).bootLoad(full).build());
        MatrixCounters before = sim.counters();
        DeviceResult r = sim.addDevice(DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(2).intxLine(10).build());
        assertEquals(-28, r.errno());
        assertEquals(before, r.after(), "line 10 was one of the 9 boot reservations, not a tenth");
    }

    @Test
    void legacyLinesLiveOnTheFirstOnlineNode() {
        // CPU 2 (node 1) has the most room, but assign_irq_vector_any_locked() tries line 10's node first
        DeviceResult r = guest(KernelRules.V6_1).addDevice(intxOnlyBlk(10, 1));
        assertEquals(0, r.vector("intx").effectiveCpu());
    }

    @Test
    void aGsiLineMappedAtEnableTimeFollowsTheDeviceNode() {
        // CPU 0 has the most room; acpi_register_gsi() gives line 20 the node of the device, node 1
        BootLoad load = BootLoad.perCpu(new int[] {0, 0, 5, 5}, new int[4], new int[4]);
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).evenNodes(2).bootLoad(load).build());
        MatrixCounters before = sim.counters();
        DeviceResult r = sim.addDevice(intxOnlyBlk(20, 1));
        assertEquals(2, r.vector("intx").effectiveCpu());
        assertEquals(before.globalReserved(), sim.counters().globalReserved(),
                "reserved when mapped, spent when activated");
    }
}
