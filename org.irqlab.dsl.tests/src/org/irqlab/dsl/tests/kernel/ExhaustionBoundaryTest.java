package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the oracle's Debian guests (pc machine, 2 NUMA nodes, 201 slots per CPU, 6 boot vectors on CPUs 0-5,
 * devices on node 0 with INTx line 10) run out of vectors when identical virtio devices are hot-added.
 *
 * <p>virtio_blk: a device costs one managed slot on every CPU plus a config vector that goes to the
 * emptiest node-0 CPU, so node 0 pays n0 + 1 per device (n0 = CPUs / 2) and its CPUs stay within one slot
 * of each other. Node 0 starts with F0 = 201 n0 - 6 free; per-queue MSI-X fails for device k + 1 once
 * F0 - (n0 + 1) k &lt; n0 (some node-0 CPU is empty and the managed reservation needs a slot on each).
 * Node 1 still has room then, so global_available G = 201 CPUs - 6 - (CPUs + 1) k is well above zero.
 * From there each device takes 2 non-managed vectors, node 0's last slots first, then node 1's, until
 * fewer than 2 are left. If G is odd, the next device's shared attempt takes and gives back the last slot
 * and its INTx request activates line 10 with it; every later device shares the active line for free.
 * If G is even, that device finds no vector for the line either and fails with -ENOSPC, as do all after.
 *
 * <p>virtio_net: no affinity descriptor, so its 1 + 2 pairs vectors are non-managed and fit anywhere;
 * per-queue MSI-X holds until G drops below that, shared MSI-X while G &gt;= 2.
 */
class ExhaustionBoundaryTest {

    private static Simulation guest(KernelRules p, int cpus) {
        return new Simulation(MachineSpec.builder(p, cpus).evenNodes(2).bootLoad(BootLoad.qemuGuestDefault()).build());
    }

    private static DeviceSpec device(String type, int queues, int line) {
        DeviceKind t = type.equals("blk") ? DeviceKind.VIRTIO_BLK : DeviceKind.VIRTIO_NET;
        return DeviceSpec.builder(t).queues(queues).intxLine(line).numaNode(0).build();
    }

    /** Adds devices until the first probe failure, or {@code limit} devices. */
    private static List<DeviceResult> addUntilFailure(Simulation sim, String type, int queues, int limit) {
        List<DeviceResult> out = new ArrayList<>();
        for (int i = 0; i < limit; i++) {
            DeviceResult r = sim.addDevice(device(type, queues, 10));
            out.add(r);
            if (r.failed()) {
                break;
            }
        }
        return out;
    }

    /** 1-based number of the first device whose path is not the normal one. */
    private static int firstFallback(List<DeviceResult> results, InterruptPath normal) {
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).path() != normal || results.get(i).attempts().size() > 1) {
                return i + 1;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "{0} virtio_blk x{1} on {2} CPUs")
    @CsvSource({
        // n0 = 8: F0 = 1602 = 9 * 178, so 178 devices empty node 0 exactly; G = 3210 - 17 * 178 = 184 is even:
        // 92 shared devices (179-270) take it all and device 271 finds no vector even for line 10
        "6.1,  1, 16, 179, 184, 271",
        "6.1,  2, 16, 179, 184, 271",
        "6.12, 1, 16, 179, 184, 271",
        "6.12, 2, 16, 179, 184, 271",
        // n0 = 20: 4014 - 21 * 191 = 3 < 20 stops per-queue after 191; G = 8034 - 41 * 191 = 203 is odd:
        // 101 shared devices (192-292), then device 293 activates line 10 with the last slot
        "6.1,  1, 40, 192, 203, 293",
        "6.1,  2, 40, 192, 203, 293",
        "6.12, 1, 40, 192, 203, 293",
        "6.12, 2, 40, 192, 203, 293",
        // n0 = 40: 8034 - 41 * 195 = 39 < 40 stops per-queue after 195; G = 16074 - 81 * 195 = 279 is odd:
        // 139 shared devices (196-334), then device 335 activates line 10 with the last slot
        "6.1,  1, 80, 196, 279, 335",
        "6.1,  2, 80, 196, 279, 335",
        "6.12, 1, 80, 196, 279, 335",
        "6.12, 2, 80, 196, 279, 335",
    })
    void virtioBlk(String kernel, int queues, int cpus, int firstShared, int availableThen, int lastStand) {
        KernelRules p = KernelRules.byId(kernel);
        Simulation sim = guest(p, cpus);
        List<DeviceResult> r = addUntilFailure(sim, "blk", queues, lastStand + 1);
        assertEquals(firstShared, firstFallback(r, InterruptPath.PER_QUEUE_MSIX_MANAGED));
        DeviceResult first = r.get(firstShared - 1);
        assertEquals(availableThen, first.before().globalAvailable());
        // 6.12 retries per-queue with pre_vectors = 2 first: a 1-queue device then has nothing left to
        // spread and gets its 2 vectors unmanaged; with 2 queues req.1 is still managed and fails again
        InterruptPath fallback = p == KernelRules.V6_12 && queues == 1 ? InterruptPath.PER_QUEUE_MSIX_UNMANAGED
                : InterruptPath.SHARED_MSIX;
        for (int i = firstShared; i < lastStand; i++) {
            DeviceResult d = r.get(i - 1);
            assertEquals(fallback, d.path(), d.name());
            assertEquals(availableThen - 2 * (i - firstShared + 1), d.after().globalAvailable(), d.name());
        }
        DeviceResult last = r.get(lastStand - 1);
        if (availableThen % 2 == 0) {
            assertEquals(-28, last.errno(), last.attemptsString());
            assertTrue(last.attemptsString().endsWith("intx:-28,"), last.attemptsString());
            assertEquals(-28, sim.addDevice(device("blk", queues, 10)).errno(), "every later device fails too");
            assertEquals(-28, sim.addDevice(device("blk", queues, 11)).errno(), "whatever its line");
        } else {
            assertEquals(InterruptPath.INTX, last.path(), last.attemptsString());
            assertEquals(0, last.after().globalAvailable());
            assertEquals(InterruptPath.INTX, sim.addDevice(device("blk", queues, 10)).path(),
                    "line 10 is active: later devices share it without a vector");
            assertEquals(-28, sim.addDevice(device("blk", queues, 11)).errno(),
                    "line 11 has never been requested and no slot is left to activate it");
        }
    }

    @ParameterizedTest(name = "{0} virtio_net x{1} on {2} CPUs")
    @CsvSource({
        // 1 pair = 3 vectors: 3210, 8034 and 16074 are multiples of 3, so the last per-queue device takes the
        // last slot and the next one fails on every step
        "6.1,  1, 16, 1071, 1071",
        "6.12, 1, 16, 1071, 1071",
        "6.1,  1, 40, 2679, 2679",
        "6.12, 1, 40, 2679, 2679",
        "6.1,  1, 80, 5359, 5359",
        "6.12, 1, 80, 5359, 5359",
        // 2 pairs = 5 vectors: 3210 = 5 * 642 leaves nothing; 8034 and 16074 leave 4, which 2 shared
        // devices take before the next one fails
        "6.1,  2, 16, 643, 643",
        "6.12, 2, 16, 643, 643",
        "6.1,  2, 40, 1607, 1609",
        "6.12, 2, 40, 1607, 1609",
        "6.1,  2, 80, 3215, 3217",
        "6.12, 2, 80, 3215, 3217",
    })
    void virtioNet(String kernel, int pairs, int cpus, int firstFallback, int firstFailure) {
        Simulation sim = guest(KernelRules.byId(kernel), cpus);
        List<DeviceResult> r = addUntilFailure(sim, "net", pairs, firstFailure + 1);
        assertEquals(firstFailure, r.size());
        assertEquals(firstFallback, firstFallback(r, InterruptPath.PER_QUEUE_MSIX_UNMANAGED));
        int perDevice = 1 + 2 * pairs;
        assertTrue(r.get(firstFallback - 1).before().globalAvailable() < perDevice,
                "non-managed vectors only fall back when the whole matrix is short");
        for (int i = firstFallback; i < firstFailure; i++) {
            assertEquals(InterruptPath.SHARED_MSIX, r.get(i - 1).path());
        }
        DeviceResult last = r.get(firstFailure - 1);
        assertEquals(-28, last.errno(), last.attemptsString());
        assertEquals(0, last.before().globalAvailable());
        assertEquals(9, last.after().globalReserved(), "the failed probe leaves only the boot reservations");
    }
}
