package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The large configuration of the speed target: 8192 CPUs in 16 nodes, 4096 virtio_blk devices of 16
 * queues. Checks the outcome only: the JMH benchmarks in releng/org.irqlab.benchmarks measure its speed.
 */
class ScaleTest {

    @Test
    void eightThousandCpusFourThousandDevices() {
        MachineSpec m = MachineSpec.builder(KernelRules.V6_12, 8192).evenNodes(16).bootLoad(BootLoad.qemuGuestDefault())
                .build();
        Simulation.RunResult r = Simulation.run(m, Collections.nCopies(4096, DeviceSpec.virtioBlk(16)));
        Map<InterruptPath, Integer> paths = new EnumMap<>(InterruptPath.class);
        for (DeviceResult d : r.devices()) {
            paths.merge(d.path(), 1, Integer::sum);
        }
        // 8192 * 201 - 6 slots; a managed device costs 8193, so 200 fit; the rest share 2 vectors each
        assertEquals(200, paths.get(InterruptPath.PER_QUEUE_MSIX_MANAGED));
        assertEquals(3896, paths.get(InterruptPath.SHARED_MSIX));
        assertEquals(new MatrixCounters(194, 9, 6 + 200 * 17 + 3896 * 2, 8192), r.end());
    }
}
