package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * nvme (drivers/nvme/host/pci.c), interrupt part only: one unmanaged vector for the admin queue at
 * enable time, then the real allocation with the admin vector as pre_vector, default/read queue sets,
 * and a minimum of one vector, so the controller accepts fewer I/O queues (or INTx) when vectors run
 * short. The controller is assumed to grant as many I/O queues as asked for.
 */
final class NvmeDriver implements DeviceDriver {
    @Override
    public String name() {
        return "nvme";
    }

    @Override
    public int probe(Kernel k, DeviceState d, Indexes indexes) {
        int err = enable(k, d);
        return err != 0 ? abortProbe(k, d, err) : finishProbe(k, d);
    }

    /**
     * The second half of a probe whose {@link #enable} succeeded: the I/O queues' interrupts. Between the two
     * halves the controller holds its admin vector, and other controllers' probes run (NVMe probes
     * asynchronously).
     */
    static int finishProbe(Kernel k, DeviceState d) {
        return finishProbe(k, d, 0);
    }

    /**
     * {@link #finishProbe(Kernel, DeviceState)} while {@code othersInFlight} controllers of the same type are in
     * the middle of allocating their own queue vectors (see {@link AsyncProbeBounds}).
     */
    static int finishProbe(Kernel k, DeviceState d, int othersInFlight) {
        int err = setupIoQueues(k, d, othersInFlight);
        return err != 0 ? abortProbe(k, d, err) : 0;
    }

    static int abortProbe(Kernel k, DeviceState d, int err) {
        release(k, d);
        k.log.print(KernelMessage.Kind.DRIVER_PROBE_ERROR, "nvme " + d.name + ": Removing after probe failure status: " + err);
        return err;
    }

    // mirrors nvme_probe()'s set_dev_node() for a device without a node, then nvme_pci_enable(): a single
    // vector of any type for the admin queue
    static int enable(Kernel k, DeviceState d) {
        if (d.pci.node == PciFunction.NUMA_NO_NODE && k.machine.profile().nvmeMovesNodelessDeviceToFirstNode()) {
            d.pci.node = firstMemoryNode(k.machine);
        }
        int n = k.msi.allocIrqVectors(d.pci, 1, 1, MsiLayer.PCI_IRQ_ALL_TYPES, null, d.id);
        int err = n < 0 ? n : requestQueue(k, d, 0, 0);
        d.attempts.add(new Attempt(SetupStep.NVME_ADMIN, n, err));
        return err;
    }

    // mirrors nvme_setup_io_queues() + nvme_setup_irqs() + queue creation
    private static int setupIoQueues(Kernel k, DeviceState d, int othersInFlight) {
        int maxIo = k.machine.possibleCpus().size() + d.spec.writeQueues() + d.spec.pollQueues();
        int nrIoQueues = Math.min(d.spec.queues(), maxIo);
        release(k, d);
        int pollQueues = Math.min(d.spec.pollQueues(), nrIoQueues - 1);
        int irqQueues = 1 + nrIoQueues - pollQueues;
        int writeQueues = d.spec.writeQueues();
        IrqAffinity affd = new IrqAffinity(1, 0, nrirqs -> calcIrqSets(nrirqs, writeQueues));
        int vecs = k.msi.allocIrqVectors(d.pci, 1, irqQueues,
                MsiLayer.PCI_IRQ_ALL_TYPES | MsiLayer.PCI_IRQ_AFFINITY, affd, d.id);
        if (vecs <= 0) {
            d.attempts.add(new Attempt(SetupStep.NVME_IO, vecs, -Errno.EIO));
            return -Errno.EIO;
        }
        d.path = !d.pci.msixEnabled ? InterruptPath.INTX
                : vecs == 1 ? InterruptPath.SHARED_MSIX
                : k.irqs.managed[d.pci.msixIrqs[1]] ? InterruptPath.PER_QUEUE_MSIX_MANAGED
                : InterruptPath.PER_QUEUE_MSIX_UNMANAGED;
        int ioWithVectors = Math.max(vecs - 1, 1);
        List<CpuSet> inFlight = holdInFlightReservations(k, d, vecs, othersInFlight);
        int err = requestQueue(k, d, 0, 0);
        // gives back one unallocated managed slot per CPU of each mask: perhaps this controller's own rather than
        // the phantom's, which changes which vector numbers it ends with but no count (only counts are read)
        inFlight.forEach(k.matrix::removeManaged);
        for (int q = 1; err == 0 && q <= ioWithVectors; q++) {
            err = requestQueue(k, d, vecs == 1 ? 0 : q, q);
        }
        d.attempts.add(new Attempt(SetupStep.NVME_IO, vecs, err));
        return err;
    }

    /**
     * The managed reservations that {@code others} controllers of this type hold at the moment this one's admin
     * vector is placed, when each of them has allocated every queue vector but the last one that could share a
     * CPU with the admin vector. msi_domain_alloc_irqs() takes the domain lock per vector, so set-ups running at
     * once interleave; the admin vector then goes to the CPU that looks emptiest, which is one the others have
     * not reached yet, and later holds one vector more than its neighbours (what a 16-CPU guest showed: the
     * admin vectors of one node spread 16 to 29 per CPU, rising with the CPU's place in the masks).
     */
    private static List<CpuSet> holdInFlightReservations(Kernel k, DeviceState d, int vecs, int others) {
        List<CpuSet> held = new ArrayList<>();
        if (others <= 0 || vecs < 2 || !d.pci.msixEnabled || !k.irqs.managed[d.pci.msixIrqs[1]]) {
            return held;
        }
        int admin = d.pci.msixIrqs[0];
        int node = k.irqs.node[admin];
        CpuSet adminCpus = node >= 0 ? k.machine.nodeCpus(node).and(k.irqs.affinity[admin]) : k.irqs.affinity[admin];
        int last = 0;
        for (int i = 1; i < vecs; i++) {
            if (k.irqs.affinity[d.pci.msixIrqs[i]].intersects(adminCpus)) {
                last = i;
            }
        }
        for (int other = 0; other < others; other++) {
            for (int i = 1; i < last; i++) {
                CpuSet mask = k.irqs.affinity[d.pci.msixIrqs[i]];
                if (k.matrix.reserveManaged(mask) == 0) {
                    held.add(mask);
                }
            }
        }
        return held;
    }

    /** first_memory_node: the lowest node with CPUs (IrqLab's machines give every node memory). */
    private static int firstMemoryNode(MachineSpec m) {
        for (int node = 0; node < m.nrNodeIds(); node++) {
            if (!m.nodeCpus(node).isEmpty()) {
                return node;
            }
        }
        return 0;
    }

    // mirrors nvme_calc_irq_sets(): write queues get their own set when asked for
    private static int[] calcIrqSets(int nrirqs, int writeQueues) {
        if (nrirqs == 0) {
            return new int[] {1};
        }
        int read;
        if (nrirqs == 1 || writeQueues == 0) {
            read = 0;
        } else if (writeQueues >= nrirqs) {
            read = 1;
        } else {
            read = nrirqs - writeQueues;
        }
        return read == 0 ? new int[] {nrirqs} : new int[] {nrirqs - read, read};
    }

    // mirrors queue_request_irq(): "nvme0q3", shared so a single vector can serve every queue
    private static int requestQueue(Kernel k, DeviceState d, int vectorIndex, int qid) {
        int irq = k.msi.irqVector(d.pci, vectorIndex);
        String action = d.name + "q" + qid;
        if (!d.pci.msixEnabled) {
            k.intxLine(irq, d.pci.node);
        }
        int err = k.core.requestIrq(irq, action, IrqTable.IRQF_SHARED);
        if (err != 0) {
            return err;
        }
        if (d.pci.msixEnabled) {
            growNames(d, d.pci.msixIrqs.length);
            if (d.vectorNames[vectorIndex] == null) {
                d.vectorNames[vectorIndex] = action;
                d.vectorQueues[vectorIndex] = action.substring(d.name.length());
            } else {
                d.vectorNames[vectorIndex] += ", " + action;
            }
        } else {
            d.intxName = d.intxName == null ? action : d.intxName + ", " + action;
        }
        return 0;
    }

    private static void growNames(DeviceState d, int n) {
        if (d.vectorNames.length < n) {
            d.vectorNames = java.util.Arrays.copyOf(d.vectorNames, n);
            d.vectorQueues = java.util.Arrays.copyOf(d.vectorQueues, n);
        }
    }

    private static void release(Kernel k, DeviceState d) {
        for (int i = 0; i < d.vectorNames.length; i++) {
            if (d.vectorNames[i] != null) {
                for (String action : d.vectorNames[i].split(", ")) {
                    k.core.freeIrq(d.pci.msixIrqs[i], action);
                }
            }
        }
        if (d.intxName != null) {
            for (String action : d.intxName.split(", ")) {
                k.core.freeIrq(d.pci.intxLine, action);
            }
        }
        k.msi.freeIrqVectors(d.pci);
        d.resetInterrupts();
    }

    @Override
    public void remove(Kernel k, DeviceState d, Indexes indexes) {
        release(k, d);
    }
}
