package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.IrqbalanceSettings;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A mixed event sequence on every profile, with the matrix invariants asserted after every event, then
 * everything removed again: the matrix must return to its boot counters.
 */
class EventSequenceTest {

    @TestFactory
    Stream<DynamicTest> invariantsHoldAfterEveryEvent() {
        return KernelRules.values().stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> run(p)));
    }

    private static void run(KernelRules p) {
        MachineSpec m = MachineSpec.builder(p, 16).evenNodes(2).smtInterleaved(2).bootLoad(BootLoad.qemuGuestDefault())
                .irqbalance(IrqbalanceSettings.enabled(CpuSet.of(3))).build();
        Simulation sim = new Simulation(m);
        MatrixCounters boot = sim.counters();
        List<String> names = new ArrayList<>();
        DeviceSpec[] specs = {DeviceSpec.virtioBlk(2), DeviceSpec.virtioNet(4), DeviceSpec.nvme(8),
                DeviceSpec.genericMsix(5, true), DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(3).intxLine(11).build(),
                DeviceSpec.genericMsix(3, false), DeviceSpec.virtioBlk(16)};
        for (DeviceSpec s : specs) {
            DeviceResult r = sim.addDevice(s);
            names.add(r.name());
            Invariants.check(sim);
        }
        sim.runIrqbalance();
        Invariants.check(sim);
        sim.deliverPendingMoves();
        Invariants.check(sim);
        sim.unbind(names.get(0));
        Invariants.check(sim);
        sim.bind(names.get(0));
        Invariants.check(sim);
        sim.offlineCpu(7);
        Invariants.check(sim.snapshot(), false);
        sim.offlineCpu(15);
        Invariants.check(sim.snapshot(), false);
        sim.onlineCpu(15);
        Invariants.check(sim.snapshot(), false);
        sim.onlineCpu(7);
        Invariants.check(sim.snapshot(), false);
        for (String n : names) {
            sim.removeDevice(n);
            Invariants.check(sim.snapshot(), false);
        }
        MatrixCounters end = sim.counters();
        assertEquals(boot.globalAvailable(), end.globalAvailable(), "all slots back");
        assertEquals(boot.totalAllocated(), end.totalAllocated());
        assertEquals(boot.onlineMaps(), end.onlineMaps());
    }
}
