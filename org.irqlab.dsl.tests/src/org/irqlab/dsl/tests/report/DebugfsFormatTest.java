package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.Simulation;
import org.irqlab.dsl.report.VectorDebugfsFile;
import org.junit.jupiter.api.Test;

/** /sys/kernel/debug/irq/domains/VECTOR as irq_matrix_debug_show() prints it. */
class DebugfsFormatTest {

    private static Simulation oneDevice() {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.V6_1, 2).build());
        // config reserved then placed on CPU 0 (vector 34, 33 is the managed reservation), req.0 on CPU 1
        sim.addDevice(DeviceSpec.virtioBlk(1));
        return sim;
    }

    @Test
    void matrixWithManagedAllocatedColumn() {
        String expected = """
                Online bitmaps:        2
                Global available:    399
                Global reserved:       0
                Total allocated:       2
                System: 44: 0-19,29,32,50,128,236-255
                 | CPU | avl | man | mac | act | vectors
                     0   199     1     0    1  34
                     1   200     1     1    1  33
                """;
        assertEquals(expected, VectorDebugfsFile.forRules(KernelRules.V6_1)
                .matrix(oneDevice().snapshot(), 1));
    }

    @Test
    void vanilla415FormHasNoMacColumn() {
        String expected = """
                 | CPU | avl | man | act | vectors
                     0   199     1     1  34
                     1   200     1     1  33
                """;
        String text = new VectorDebugfsFile(VectorDebugfsFile.Style.WITHOUT_MANAGED_ALLOCATED)
                .matrix(oneDevice().snapshot(), 1);
        assertEquals(expected, text.substring(text.indexOf(" | CPU")));
    }

    @Test
    void domainFileHeader() {
        Simulation sim = oneDevice();
        String text = VectorDebugfsFile.forRules(KernelRules.V6_1).domainFile(sim.snapshot(),
                sim.mappedIrqs(), 3);
        assertEquals("name:   VECTOR\n size:   0\n mapped: 3\n flags:  0x00000003\nOnline bitmaps:        2\n",
                text.substring(0, text.indexOf("Global")));
    }
}
