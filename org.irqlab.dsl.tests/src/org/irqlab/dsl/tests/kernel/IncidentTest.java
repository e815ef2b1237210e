package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The field incident: 80 CPUs in two nodes, 4.18.0-305 el8, hot-added 2-queue virtio_blk devices without
 * INTx (pci_dev->irq = 0), interrupt remapping (no reservation mode).
 *
 * <p>Background load assumed from the thread's crash dump (global_available 15593, global_reserved 149,
 * total_allocated 409): all 409 allocated vectors non-managed, spread 6 per CPU on CPUs 0-8 and 5 on CPUs
 * 9-79; the 78 remaining used slots are managed reservations not activated, one on each of CPUs 9-79 and 0-6.
 *
 * <p>The simulation gives 190 managed devices, then 101 on shared MSI-X, then probe failures. The report
 * says failure "began at about device 200"; the simulated managed path ends at device 191 because every
 * managed device's config vector goes to node 0 first (the irq's node is that of CPU 0), so node 0 fills
 * before node 1.
 */
class IncidentTest {

    private static MachineSpec incidentHost(BootLoad load) {
        return MachineSpec.builder(KernelRules.EL8_4_18, 80).evenNodes(2).bootLoad(load).build();
    }

    private static List<DeviceResult> hotAdd(Simulation sim, int count, boolean checkEachEvent,
            List<MatrixSnapshot> before) {
        List<DeviceResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (before != null) {
                before.add(sim.snapshot());
            }
            results.add(sim.addDevice(DeviceSpec.virtioBlk(2)));
            if (checkEachEvent) {
                Invariants.check(sim);
            }
        }
        return results;
    }

    @Test
    void bootStateMatchesTheCrashDump() {
        Simulation sim = new Simulation(incidentHost(BootLoad.fromCrashDump(15593, 149, 409)));
        assertEquals(new MatrixCounters(15593, 149, 409, 80), sim.counters());
        assertEquals(194, sim.snapshot().cpu(0).available());
        assertEquals(195, sim.snapshot().cpu(9).available());
        assertEquals(195, sim.snapshot().cpu(79).available());
        assertEquals(195, sim.snapshot().cpu(7).available());
        Invariants.check(sim);
    }

    /** The thread's dump at exhaustion: 0 available, so every CPU is full and no CPU may take more than 201. */
    @Test
    void aDumpOfTheFullMatrixBoots() {
        Simulation sim = new Simulation(incidentHost(BootLoad.fromCrashDump(0, 151, 1922)));

        assertEquals(new MatrixCounters(0, 151, 1922, 80), sim.counters());
        for (MatrixSnapshot.CpuMap cpu : sim.snapshot().cpus()) {
            assertEquals(0, cpu.available(), "cpu " + cpu.cpu());
        }
        Invariants.check(sim);
    }

    @Test
    void managedThenSharedThenIntxOnIrqZeroFails() {
        Simulation sim = new Simulation(incidentHost(BootLoad.fromCrashDump(15593, 149, 409)));
        List<MatrixSnapshot> before = new ArrayList<>();
        List<DeviceResult> r = hotAdd(sim, 512, true, before);

        int firstShared = firstWith(r, InterruptPath.SHARED_MSIX);
        int firstFailed = firstWith(r, InterruptPath.PROBE_FAILED);
        assertEquals(190, firstShared, "managed per-queue vectors for the first 190 devices");
        assertEquals(291, firstFailed, "then 101 devices on shared MSI-X");
        for (int i = 0; i < r.size(); i++) {
            InterruptPath expected = i < firstShared ? InterruptPath.PER_QUEUE_MSIX_MANAGED
                    : i < firstFailed ? InterruptPath.SHARED_MSIX : InterruptPath.PROBE_FAILED;
            assertEquals(expected, r.get(i).path(), "device " + i);
        }
        // managed reservation failed because some CPU of a queue mask had no room left
        MatrixSnapshot atFallback = before.get(firstShared);
        assertTrue(atFallback.cpus().stream().anyMatch(c -> c.available() == 0));
        assertEquals(-28, r.get(firstShared).attempts().get(0).pciAlloc(), "fails at allocation, not request_irq");
        // shared MSI-X went on while two slots were left anywhere
        assertTrue(before.get(firstFailed - 1).globalAvailable() >= 2);
        assertTrue(before.get(firstFailed).globalAvailable() < 2);

        DeviceResult failed = r.get(firstFailed);
        String dev = failed.name();
        assertEquals(-16, failed.errno());
        assertTrue(failed.messages().contains(
                "genirq: Flags mismatch irq 0. 00000080 (" + dev + ") vs. 00015a00 (timer)"), failed.messages()
                        .toString());
        assertEquals("virtio_blk: probe of " + dev + " failed with error -16",
                failed.messages().get(failed.messages().size() - 1));
        assertEquals("pcialloc:-28,msix:-28,pcialloc:-28,msix_shared:-28,intx:-16,", failed.attemptsString());
        int end = sim.counters().globalAvailable();
        assertTrue(end == 0 || end == 1, "global_available ends at 0 or 1, was " + end);
        assertTrue(r.stream().skip(firstFailed).allMatch(d -> d.errno() == -16));
    }

    @Test
    void withEqualAvailabilityFailureIsCertain() {
        for (int load = 0; load <= 10; load += 5) {
            Simulation sim = new Simulation(incidentHost(BootLoad.uniform(80, load, 0, 0)));
            List<DeviceResult> r = hotAdd(sim, 512, false, null);
            assertTrue(r.stream().anyMatch(DeviceResult::failed), "uniform load " + load);
            assertTrue(r.get(0).path() == InterruptPath.PER_QUEUE_MSIX_MANAGED);
            Invariants.check(sim);
        }
    }

    @Test
    void withOneCpuPerNodeNearlyFullMostDevicesSucceedOnSharedMsix() {
        int[] nonManaged = new int[80];
        nonManaged[0] = 200;
        nonManaged[40] = 200;
        Simulation sim = new Simulation(incidentHost(BootLoad.perCpu(nonManaged, new int[80], new int[80])));
        List<DeviceResult> r = hotAdd(sim, 512, false, null);
        long managed = r.stream().filter(d -> d.path() == InterruptPath.PER_QUEUE_MSIX_MANAGED).count();
        long shared = r.stream().filter(d -> d.path() == InterruptPath.SHARED_MSIX).count();
        assertEquals(1, managed, "the first device takes the last slot of CPUs 0 and 40");
        assertEquals(511, shared);
        assertEquals(0, r.stream().filter(DeviceResult::failed).count());
        Invariants.check(sim);
    }

    private static int firstWith(List<DeviceResult> r, InterruptPath p) {
        for (int i = 0; i < r.size(); i++) {
            if (r.get(i).path() == p) {
                return i;
            }
        }
        return -1;
    }
}
