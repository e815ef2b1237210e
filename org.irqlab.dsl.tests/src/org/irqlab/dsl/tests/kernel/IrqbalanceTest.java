package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.IrqbalanceResult;
import org.irqlab.kernel.IrqbalanceSettings;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.Simulation;
import org.irqlab.kernel.VectorInfo;
import org.junit.jupiter.api.Test;

/** irqbalance moves unmanaged vectors, cannot move managed ones, avoids banned CPUs, powersave gathers. */
class IrqbalanceTest {

    private static Simulation host(IrqbalanceSettings s, boolean remapping) {
        return new Simulation(MachineSpec.builder(KernelRules.EL8_4_18, 8).evenNodes(2).irqbalance(s)
                .interruptRemapping(remapping).build());
    }

    @Test
    void managedVectorsCannotMoveAndBannedCpusGetNothing() {
        Simulation sim = host(IrqbalanceSettings.enabled(CpuSet.of(1, 5)), true);
        DeviceResult blk = sim.addDevice(DeviceSpec.virtioBlk(2));
        sim.addDevice(DeviceSpec.virtioNet(2));
        IrqbalanceResult r = sim.runIrqbalance();
        assertEquals(2, r.unmovable(), "the two managed request queues");
        assertTrue(r.moved() > 0);
        for (DeviceResult d : sim.devices()) {
            for (VectorInfo v : d.vectors()) {
                if (!v.managed()) {
                    assertFalse(v.effectiveCpu() == 1 || v.effectiveCpu() == 5, v.toString());
                }
            }
        }
        assertEquals(blk.vector("req.0").effectiveCpu(), sim.device(blk.name()).vector("req.0").effectiveCpu());
        Invariants.check(sim);
    }

    @Test
    void powersaveGathersEachNodesInterruptsOnItsFirstCpu() {
        Simulation sim = host(IrqbalanceSettings.enabled(CpuSet.empty()).withPowersave(true), true);
        DeviceResult net = sim.addDevice(DeviceSpec.builder(org.irqlab.kernel.DeviceKind.VIRTIO_NET).queues(4)
                .numaNode(1).build());
        int before = sim.snapshot().cpu(4).available();
        sim.runIrqbalance();
        for (VectorInfo v : sim.device(net.name()).vectors()) {
            assertEquals(4, v.effectiveCpu(), v.toString());
        }
        assertTrue(sim.snapshot().cpu(4).available() < before);
        Invariants.check(sim);
    }

    @Test
    void withoutRemappingNothingMovesUntilInterruptsArrive() {
        Simulation sim = host(IrqbalanceSettings.enabled(CpuSet.empty()).withPowersave(true), false);
        sim.addDevice(DeviceSpec.virtioNet(4));
        var before = sim.snapshot();
        IrqbalanceResult r = sim.runIrqbalance();
        assertTrue(r.moved() > 0);
        assertEquals(before, sim.snapshot());
        assertTrue(sim.deliverPendingMoves() > 0);
        Invariants.check(sim);
    }

    @Test
    void disabledDoesNothing() {
        Simulation sim = host(IrqbalanceSettings.disabled(), true);
        sim.addDevice(DeviceSpec.virtioNet(2));
        assertEquals(0, sim.runIrqbalance().moved());
    }
}
