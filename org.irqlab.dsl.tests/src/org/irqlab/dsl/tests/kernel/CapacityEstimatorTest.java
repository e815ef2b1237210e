package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.irqlab.kernel.CapacityEstimator;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/** "How many more of these fit", answered on a copy. */
class CapacityEstimatorTest {

    @Test
    void estimateMatchesAddingOneByOneAndLeavesTheSimulationAlone() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 4).build());
        sim.addDevice(DeviceSpec.virtioNet(2));
        MatrixCounters before = sim.counters();
        CapacityEstimator.Estimate e = CapacityEstimator.howManyMore(sim, DeviceSpec.virtioBlk(2), 10_000);
        assertEquals(before, sim.counters(), "estimated on a copy");
        assertNotNull(e.firstFailure());

        int ok = 0;
        int managed = 0;
        while (true) {
            DeviceResult r = sim.addDevice(DeviceSpec.virtioBlk(2));
            if (r.failed()) {
                break;
            }
            ok++;
            if (r.path() == InterruptPath.PER_QUEUE_MSIX_MANAGED) {
                managed++;
            }
        }
        assertEquals(ok, e.fitted());
        assertEquals(managed, (int) e.byPath().get(InterruptPath.PER_QUEUE_MSIX_MANAGED));
        assertEquals(managed + 1, e.firstDegraded());
        Invariants.check(sim);
    }

    @Test
    void limitReached() {
        CapacityEstimator.Estimate e = CapacityEstimator.howManyMore(
                new Simulation(MachineSpec.builder(KernelRules.V6_12, 8).build()), DeviceSpec.virtioBlk(1), 5);
        assertEquals(5, e.fitted());
        assertNull(e.firstFailure());
        assertEquals(0, e.firstDegraded());
    }
}
