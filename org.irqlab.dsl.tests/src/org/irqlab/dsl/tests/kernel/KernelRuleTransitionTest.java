package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.Errno;
import org.irqlab.kernel.HeapsortVariant;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRule;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.RuleDecision;
import org.irqlab.kernel.Simulation;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.kernel.VectorMatrix;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule of the table at the last upstream release without it and the first with it: first the
 * decision, then, rule by rule, what a user of the simulator sees change.
 */
class KernelRuleTransitionTest {

    /** "5.3.0" for a rule of v5.4: the release before, as released (no stable backports in a .0). */
    private static String lastWithout(KernelRule rule) {
        int major = rule.firstRelease() / 1000;
        int minor = rule.firstRelease() % 1000;
        if (minor > 0) {
            return major + "." + (minor - 1) + ".0";
        }
        return switch (major) {
            case 5 -> "4.20.0";
            case 6 -> "5.19.0";
            default -> throw new IllegalArgumentException(rule.toString());
        };
    }

    private static String firstWith(KernelRule rule) {
        return rule.firstRelease() / 1000 + "." + rule.firstRelease() % 1000;
    }

    @TestFactory
    Stream<DynamicTest> everyRuleChangesAtItsFirstRelease() {
        return Arrays.stream(KernelRule.values()).map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            RuleDecision before = KernelRules.of(lastWithout(rule)).decision(rule);
            RuleDecision after = KernelRules.of(firstWith(rule)).decision(rule);
            assertFalse(before.present(), before.summary());
            assertTrue(after.present(), after.summary());
            assertEquals(RuleDecision.Basis.UPSTREAM_VERSION, after.basis());
        }));
    }

    @Test
    void stableBackportsCountFromTheirPointRelease() {
        assertFalse(KernelRules.of("5.4.83").has(KernelRule.AFFINITY_BEFORE_NODE));
        assertTrue(KernelRules.of("5.4.84").has(KernelRule.AFFINITY_BEFORE_NODE));
        assertFalse(KernelRules.of("4.19.297").has(KernelRule.ALLOCATED_EXCLUDES_MANAGED));
        assertTrue(KernelRules.of("4.19.298").has(KernelRule.ALLOCATED_EXCLUDES_MANAGED));
        // a point release whose backport is not pinned down: present, but said to be assumed
        RuleDecision assumed = KernelRules.of("6.6.30").decision(KernelRule.MIGRATION_RETRY_ONLINE);
        assertTrue(assumed.present());
        assertTrue(assumed.uncertain(), assumed.why());
        // RHEL does not take upstream stable releases: the same base, no backport unless a source shows it
        assertFalse(KernelRules.of("5.14.0-427.13.1.el9_4.x86_64").has(KernelRule.INTX_CHECK));
        assertTrue(KernelRules.of("5.14.0-427.13.1.el9_4.x86_64").decision(KernelRule.INTX_CHECK).uncertain());
    }

    @Test
    void rhel84IsTheIncidentProfileAndItsPublicEvidenceIsNamed() {
        KernelRules written = KernelRules.of("4.18.0-305.30.1.el8_4.x86_64");
        for (KernelRule rule : KernelRule.values()) {
            assertEquals(KernelRules.EL8_4_18.has(rule), written.has(rule), rule.id());
        }
        assertEquals(RuleDecision.Basis.DISTRIBUTION_SOURCE, written.decision(KernelRule.NODE_RATIO).basis());
        assertTrue(written.has(KernelRule.NODE_RATIO), "the -305 call trace shows the node-ratio spreading");
        assertFalse(KernelRules.of("4.18.0-147.el8.x86_64").has(KernelRule.NODE_RATIO), "RHEL 8.1's sources lack it");
    }

    // ---------------------------------------------------------------- what changes, rule by rule

    /** {@code cpus} CPUs all full. */
    private static Simulation full(String kernel, int cpus) {
        int[] load = new int[cpus];
        Arrays.fill(load, slotsPerCpu(kernel));
        return new Simulation(MachineSpec.builder(KernelRules.of(kernel), cpus)
                .bootLoad(BootLoad.perCpu(load, new int[cpus], new int[cpus])).build());
    }

    private static DeviceSpec diskWithoutIntx() {
        return DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(2).intxLine(0).build();
    }

    @Test
    void intxCheckVp1() {
        DeviceResult v60 = full("6.0", 2).addDevice(diskWithoutIntx());
        assertEquals(-Errno.EBUSY, v60.errno(), v60.attemptsString());
        assertTrue(v60.attemptsString().endsWith("intx:-16,"), v60.attemptsString());
        DeviceResult v61 = full("6.1", 2).addDevice(diskWithoutIntx());
        assertEquals(-Errno.ENOSPC, v61.errno());
        assertFalse(v61.attemptsString().contains("intx"), v61.attemptsString());
    }

    @Test
    void sharedSlowStepVp2() {
        assertFalse(full("6.10", 2).addDevice(diskWithoutIntx()).attemptsString().contains("msix_shared_slow"));
        assertTrue(full("6.11", 2).addDevice(diskWithoutIntx()).attemptsString().contains("msix_shared_slow"));
    }

    @Test
    void probeFailureMessageDd1() {
        List<String> v69 = full("6.9", 2).addDevice(diskWithoutIntx()).messages();
        assertEquals("virtio_blk: probe of virtio0 failed with error -28", v69.get(v69.size() - 1));
        List<String> v610 = full("6.10", 2).addDevice(diskWithoutIntx()).messages();
        assertEquals("virtio_blk virtio0: probe with driver virtio_blk failed with error -28", v610.get(v610.size() - 1));
    }

    private static long requestQueues(String kernel, DeviceSpec spec) {
        DeviceResult r = new Simulation(MachineSpec.builder(KernelRules.of(kernel), 4).build()).addDevice(spec);
        return r.vectors().stream().filter(v -> v.name().contains("req")).count();
    }

    @Test
    void numRequestQueuesBlk1() {
        DeviceSpec capped = DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(4).numRequestQueues(1).build();
        assertEquals(4, requestQueues("5.15", capped), "5.15's virtio_blk has no such parameter");
        assertEquals(1, requestQueues("5.16", capped));
    }

    @Test
    void pollQueuesBlk2() {
        DeviceSpec polled = DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(4).pollQueues(1).build();
        assertEquals(4, requestQueues("5.18", polled), "no poll queues before 5.19: every queue has a vector");
        assertEquals(3, requestQueues("5.19", polled), "a poll queue has no interrupt");
        DeviceResult r = new Simulation(MachineSpec.builder(KernelRules.of("5.19"), 4).build()).addDevice(polled);
        assertTrue(r.messages().stream().anyMatch(m -> m.endsWith("3/0/1 default/read/poll queues")), r.messages().toString());
    }

    private static int slotsPerCpu(String kernel) {
        return new Simulation(MachineSpec.builder(KernelRules.of(kernel), 1).build()).counters().globalAvailable();
    }

    @Test
    void vectorSpaceVd3AndVd4() {
        assertEquals(201, slotsPerCpu("6.5"), "vector 32 cleans moved vectors up");
        assertEquals(202, slotsPerCpu("6.6"), "a timer does, and vector 32 is free");
        assertEquals(202, slotsPerCpu("6.9"));
        assertEquals(201, slotsPerCpu("6.10"), "0xeb is the posted-MSI vector");
    }

    @Test
    void emptyMaskMx1() {
        VectorMatrix v58 = new VectorMatrix(2, 256, 32, 236, KernelRules.of("5.8.0"));
        VectorMatrix v59 = new VectorMatrix(2, 256, 32, 236, KernelRules.of("5.9"));
        v58.online(0);
        v59.online(0);
        assertEquals(-Errno.ENOSPC, v58.alloc(CpuSet.empty(), false));
        assertEquals(-Errno.EINVAL, v59.alloc(CpuSet.empty(), false));
    }

    @Test
    void heapsortAf8() {
        assertEquals(HeapsortVariant.CLASSIC_PRE_5_1, KernelRules.of("5.0").heapsort());
        assertEquals(HeapsortVariant.BOTTOM_UP_5_1, KernelRules.of("5.1").heapsort());
        assertEquals(HeapsortVariant.BOTTOM_UP_5_1, KernelRules.of("6.9").heapsort());
        assertEquals(HeapsortVariant.DOUBLE_POP_6_11, KernelRules.of("6.10").heapsort());
    }

    @Test
    void perVectorActivationMsi() {
        assertTrue(KernelRules.of("5.16").msiActivatesAfterWholeBlock());
        assertFalse(KernelRules.of("5.17").msiActivatesAfterWholeBlock());
    }

    @Test
    void nodelessNvmeNvme2() {
        assertTrue(KernelRules.of("6.5.0").nvmeMovesNodelessDeviceToFirstNode());
        assertFalse(KernelRules.of("6.6").nvmeMovesNodelessDeviceToFirstNode());
        // stable backports of dad651b2a44e
        assertTrue(KernelRules.of("6.5.5").nvmeMovesNodelessDeviceToFirstNode());
        assertFalse(KernelRules.of("6.5.6").nvmeMovesNodelessDeviceToFirstNode());
        assertTrue(KernelRules.of("6.1.55").nvmeMovesNodelessDeviceToFirstNode());
        assertFalse(KernelRules.of("6.1.56").nvmeMovesNodelessDeviceToFirstNode());
        assertTrue(KernelRules.of("5.10.197").nvmeMovesNodelessDeviceToFirstNode());
        assertFalse(KernelRules.of("5.10.198").nvmeMovesNodelessDeviceToFirstNode());
        assertFalse(KernelRules.of("4.19.296").nvmeMovesNodelessDeviceToFirstNode());
        // the 6.1 profile and Debian 12's kernels follow the current 6.1.y point releases
        assertFalse(KernelRules.of("6.1").nvmeMovesNodelessDeviceToFirstNode());
        assertFalse(KernelRules.of("6.1.0-57-amd64").nvmeMovesNodelessDeviceToFirstNode());
        assertTrue(KernelRules.of("6.4").nvmeMovesNodelessDeviceToFirstNode());
    }

    /**
     * An NVMe controller without a node whose queue vectors cannot be reserved (CPU 0 is full) falls back to
     * one vector, which has no affinity masks and so the device's node: before NVME-2 that is node 0, where
     * it lands on the emptiest CPU of node 0; after, any CPU, so the empty node 1.
     */
    @Test
    void nodelessNvmeFallbackVectorNvme2() {
        assertEquals(1, fallbackVectorCpu("6.1.55"));
        assertEquals(4, fallbackVectorCpu("6.1.56"));
    }

    private static int fallbackVectorCpu(String kernel) {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.of(kernel), 8).evenNodes(2)
                .bootLoad(BootLoad.perCpu(new int[] {201, 10, 10, 10, 0, 0, 0, 0}, new int[8], new int[8])).build());
        DeviceResult nvme = sim.addDevice(DeviceSpec.builder(DeviceKind.NVME).queues(8).noNumaNode().build());
        assertEquals(InterruptPath.SHARED_MSIX, nvme.path(), kernel);
        assertEquals(1, nvme.vectors().size(), kernel);
        return nvme.vectors().get(0).effectiveCpu();
    }

    /**
     * A 2-pair virtio_net on 4 CPUs stripes pair 1 over CPUs 2-3; CPU 3 is full, so its vectors sit on CPU 2.
     * Taking CPU 2 offline leaves CPU 3 in their affinity, which has no room: 6.10 gives up on them,
     * 6.11 moves them to any online CPU (HP-2).
     */
    private static CpuHotplugResult offlineCpu2WithCpu3Full(String kernel, List<VectorInfo> after) {
        Simulation sim = new Simulation(MachineSpec.builder(KernelRules.of(kernel), 4)
                .bootLoad(BootLoad.perCpu(new int[] {0, 0, 0, 201}, new int[4], new int[4])).build());
        DeviceResult net = sim.addDevice(DeviceSpec.virtioNet(2));
        sim.deliverPendingMoves();
        CpuHotplugResult r = sim.offlineCpu(2);
        sim.deliverPendingMoves();
        after.addAll(sim.device(net.name()).vectors());
        if (r.messages().stream().noneMatch(m -> m.contains("set affinity failed"))) {
            // (a vector that could not move stays allocated on the offline CPU, as in the kernel)
            Invariants.check(sim);
        }
        return r;
    }

    @Test
    void migrationRetryHp2() {
        List<VectorInfo> v610 = new java.util.ArrayList<>();
        CpuHotplugResult old = offlineCpu2WithCpu3Full("6.10", v610);
        assertTrue(old.messages().stream().anyMatch(m -> m.contains("set affinity failed(-28)")), old.messages().toString());
        List<VectorInfo> v611 = new java.util.ArrayList<>();
        CpuHotplugResult retried = offlineCpu2WithCpu3Full("6.11", v611);
        assertTrue(retried.messages().stream().noneMatch(m -> m.contains("set affinity failed")), retried.messages().toString());
        assertTrue(retried.broken() > 0, "the retry breaks the affinity");
        for (VectorInfo v : v611) {
            assertTrue(v.effectiveCpu() != 2 && v.effectiveCpu() != 3, v.toString());
        }
    }
}
