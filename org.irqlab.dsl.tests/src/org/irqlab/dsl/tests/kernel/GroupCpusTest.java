package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.GroupCpus;
import org.irqlab.kernel.HeapsortVariant;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** group_cpus_evenly(): partitioning, node weighting, SMT siblings, present/possible stages, node order. */
class GroupCpusTest {

    private static CpuSet[] groups(MachineSpec m, int n) {
        return GroupCpus.groupCpusEvenly(m, n);
    }

    @TestFactory
    Stream<DynamicTest> whenQueuesDoNotExceedCpusTheMasksPartitionAllPossibleCpus() {
        return IntStream.of(1, 2, 3, 5, 7, 16, 40, 79, 80).mapToObj(
                q -> DynamicTest.dynamicTest(q + " queues", () -> partitionHolds(q)));
    }

    private static void partitionHolds(int queues) {
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 80).evenNodes(2).build();
        CpuSet[] g = groups(m, queues);
        CpuSet union = CpuSet.empty();
        int total = 0;
        for (CpuSet s : g) {
            assertFalse(s.isEmpty());
            assertFalse(union.intersects(s), "masks overlap");
            union = union.or(s);
            total += s.size();
        }
        assertEquals(m.possibleCpus(), union);
        assertEquals(80, total, "so a managed device reserves exactly one slot on every CPU");
    }

    @Test
    void twoQueuesOnTwoNodesAreTheTwoNodes() {
        CpuSet[] g = groups(MachineSpec.builder(KernelRules.EL8_4_18, 80).evenNodes(2).build(), 2);
        assertEquals(CpuSet.range(0, 39), g[0]);
        assertEquals(CpuSet.range(40, 79), g[1]);
    }

    @Test
    void oneQueueSpansAllCpus() {
        assertEquals(CpuSet.range(0, 79), groups(MachineSpec.builder(KernelRules.V6_1, 80).evenNodes(2).build(), 1)[0]);
    }

    @Test
    void threeQueuesOnTwoEqualNodesGiveTheExtraGroupToNodeZeroButStartWithNodeOne() {
        // the kernel heapsort reverses the two equal nodes: node 1 is visited first and gets floor(3*40/80)=1
        CpuSet[] g = groups(MachineSpec.builder(KernelRules.V6_1, 80).evenNodes(2).build(), 3);
        assertEquals(CpuSet.range(40, 79), g[0]);
        assertEquals(CpuSet.range(0, 19), g[1]);
        assertEquals(CpuSet.range(20, 39), g[2]);
    }

    @Test
    void nodesGetGroupsInProportionToTheirCpus() {
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 32).node(0, CpuSet.range(0, 7)).node(1, CpuSet.range(8, 31))
                .build();
        CpuSet[] g = groups(m, 4);
        // node 0 (8 CPUs) is smaller, visited first: max(1, 4*8/32) = 1 group; node 1 gets 3 of 8 CPUs each
        assertEquals(CpuSet.range(0, 7), g[0]);
        assertEquals(CpuSet.range(8, 15), g[1]);
        assertEquals(CpuSet.range(16, 23), g[2]);
        assertEquals(CpuSet.range(24, 31), g[3]);
    }

    @Test
    void smtSiblingsStayTogether() {
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 8).smtInterleaved(2).build();
        CpuSet[] g = groups(m, 4);
        assertEquals(CpuSet.of(0, 4), g[0]);
        assertEquals(CpuSet.of(1, 5), g[1]);
        assertEquals(CpuSet.of(2, 6), g[2]);
        assertEquals(CpuSet.of(3, 7), g[3]);
    }

    @Test
    void presentCpusAreSpreadFirstThenTheAbsentOnes() {
        MachineSpec m = MachineSpec.builder(KernelRules.V6_1, 8).present(CpuSet.range(0, 3)).build();
        CpuSet[] g = groups(m, 4);
        // stage 1 gives each group one present CPU, stage 2 starts over at group 0 with CPUs 4-7
        assertEquals(CpuSet.of(0, 4), g[0]);
        assertEquals(CpuSet.of(1, 5), g[1]);
        assertEquals(CpuSet.of(2, 6), g[2]);
        assertEquals(CpuSet.of(3, 7), g[3]);
        CpuSet[] six = groups(m, 6);
        // stage 2 continues at group 4 but is handed all 6 groups: one absent CPU per group, wrapping
        assertEquals(CpuSet.of(4), six[4]);
        assertEquals(CpuSet.of(5), six[5]);
        assertEquals(CpuSet.of(0, 6), six[0]);
        assertEquals(CpuSet.of(1, 7), six[1]);
        assertEquals(CpuSet.of(2), six[2]);
    }

    @Test
    void kernelHeapsortTieOrderDiffersBetweenGenerations() {
        int[] equal3 = {8, 8, 8};
        assertArrayEquals(new int[] {1, 2, 0}, HeapsortVariant.BOTTOM_UP_5_1.nodeOrder(equal3));
        assertArrayEquals(new int[] {2, 1, 0}, HeapsortVariant.DOUBLE_POP_6_11.nodeOrder(equal3));
        int[] equal2 = {40, 40};
        for (HeapsortVariant v : HeapsortVariant.values()) {
            assertArrayEquals(new int[] {1, 0}, v.nodeOrder(equal2), v.name());
        }
        // UINT_MAX ("node not in the mask", -1 here) sorts first under the kernel's subtraction comparator
        assertEquals(1, HeapsortVariant.BOTTOM_UP_5_1.nodeOrder(new int[] {4, -1, 2})[0]);
    }

    @Test
    void threeEqualNodesSpreadDifferentlyOn61And612() {
        MachineSpec m61 = MachineSpec.builder(KernelRules.V6_1, 12).evenNodes(3).build();
        MachineSpec m612 = MachineSpec.builder(KernelRules.V6_12, 12).evenNodes(3).build();
        // 4 groups over 3 nodes of 4: the node visited second of the last two gets 2 groups
        CpuSet[] a = groups(m61, 4);
        CpuSet[] b = groups(m612, 4);
        assertEquals(CpuSet.range(4, 7), a[0], "6.1 visits node 1 first");
        assertEquals(CpuSet.range(8, 11), b[0], "6.12 visits node 2 first");
    }
}
