package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.irqlab.kernel.CpuSet;
import org.junit.jupiter.api.Test;

/** The kernel's cpulist syntax, read and printed as /sys does, and refused when no kernel could have it. */
class CpuSetTest {

    @Test
    void readsAndPrintsTheKernelsCpulist() {
        CpuSet set = CpuSet.parse("0-39, 80-119,200");

        assertEquals(81, set.size());
        assertEquals("0-39,80-119,200", set.toList());
    }

    @Test
    void refusesCpusBeyondMaxSmpWithoutAllocatingForThem() {
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> CpuSet.parse("0-2147483647"));

        assertEquals("bad cpulist element '0-2147483647': CPUs are 0 to 8191", huge.getMessage());
    }

    @Test
    void refusesWhatIsNotACpulist() {
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("5-3"));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("0-x"));
        assertThrows(IllegalArgumentException.class, () -> CpuSet.parse("99999999999"));
    }
}
