package org.irqlab.kernel;

import java.util.List;

/**
 * virtio over PCI (drivers/virtio/virtio_pci_common.c): finds a device's virtqueue interrupts by walking
 * the profile's fallback ladder (per-queue MSI-X, [slow-path sharing,] shared MSI-X, INTx) and tears
 * them down again.
 */
final class VirtioPci {
    /** A virtqueue as the driver describes it: its name and whether it wants interrupts. */
    record Vq(String name, boolean callback) {
    }

    private final Kernel k;

    VirtioPci(Kernel k) {
        this.k = k;
    }

    // mirrors vp_find_vqs(): the profile's ladder, first success wins
    int findVqs(DeviceState d, List<Vq> vqs, IrqAffinity desc) {
        int err = -Errno.ENOSPC;
        for (KernelRules.VirtioStep step : k.machine.profile().virtioSteps()) {
            switch (step) {
                case EACH, SHARED_SLOW, SHARED -> {
                    err = findVqsMsix(d, vqs, step, desc);
                    if (err == 0) {
                        return 0;
                    }
                }
                case IRQ_CHECK -> {
                    if (d.pci.intxLine == 0) {
                        return err;
                    }
                }
                case INTX -> {
                    return findVqsIntx(d, vqs);
                }
                default -> throw new IllegalStateException(step.name());
            }
        }
        return err;
    }

    // mirrors vp_find_vqs_msix()
    private int findVqsMsix(DeviceState d, List<Vq> vqs, KernelRules.VirtioStep policy, IrqAffinity desc) {
        boolean perVq = policy != KernelRules.VirtioStep.SHARED;
        int nvectors = perVq ? 1 + (int) vqs.stream().filter(Vq::callback).count() : 2;
        d.vectorNames = new String[nvectors];
        d.vectorQueues = new String[nvectors];
        d.vqVector = new int[vqs.size()];
        int[] pciAlloc = {0};
        int err = requestMsixVectors(d, nvectors, perVq, desc, pciAlloc);
        if (err == 0) {
            d.perVqVectors = perVq;
            err = setupVqs(d, vqs, perVq);
        }
        d.attempts.add(new Attempt(stepName(policy), pciAlloc[0], err));
        if (err != 0) {
            delVqs(d);
            return err;
        }
        d.path = !perVq ? InterruptPath.SHARED_MSIX
                : anyManaged(d) ? InterruptPath.PER_QUEUE_MSIX_MANAGED : InterruptPath.PER_QUEUE_MSIX_UNMANAGED;
        return 0;
    }

    private static SetupStep stepName(KernelRules.VirtioStep policy) {
        return switch (policy) {
            case EACH -> SetupStep.PER_QUEUE_MSIX;
            case SHARED_SLOW -> SetupStep.SHARED_SLOW_MSIX;
            default -> SetupStep.SHARED_MSIX;
        };
    }

    private boolean anyManaged(DeviceState d) {
        for (int irq : d.pci.msixIrqs) {
            if (k.irqs.managed[irq]) {
                return true;
            }
        }
        return false;
    }

    // mirrors vp_request_msix_vectors(): the descriptor only for per-queue vectors, config as a pre-vector
    private int requestMsixVectors(DeviceState d, int nvectors, boolean perVq, IrqAffinity desc, int[] pciAlloc) {
        int flags = MsiLayer.PCI_IRQ_MSIX;
        IrqAffinity affd = perVq ? desc : null;
        if (affd != null) {
            flags |= MsiLayer.PCI_IRQ_AFFINITY;
            affd.preVectors++;
        }
        int err = k.msi.allocIrqVectors(d.pci, nvectors, nvectors, flags, affd, d.id);
        pciAlloc[0] = err;
        if (err < 0) {
            return err;
        }
        err = request(d, 0, "config", 0);
        if (err != 0) {
            return err;
        }
        if (!perVq) {
            err = request(d, 1, "virtqueues", 0);
        }
        return err;
    }

    // mirrors the per-queue loop of vp_find_vqs_msix() / vp_find_one_vq_msix()
    private int setupVqs(DeviceState d, List<Vq> vqs, boolean perVq) {
        int next = 1;
        for (int i = 0; i < vqs.size(); i++) {
            Vq vq = vqs.get(i);
            if (!vq.callback()) {
                d.vqVector[i] = -1;
                continue;
            }
            if (!perVq) {
                d.vqVector[i] = 1;
                continue;
            }
            int v = next++;
            d.vqVector[i] = v;
            int err = request(d, v, vq.name(), 0);
            if (err != 0) {
                return err;
            }
        }
        return 0;
    }

    private int request(DeviceState d, int msixIndex, String queue, int flags) {
        String action = d.name + "-" + queue;
        int err = k.core.requestIrq(k.msi.irqVector(d.pci, msixIndex), action, flags);
        if (err == 0) {
            d.vectorNames[msixIndex] = action;
            d.vectorQueues[msixIndex] = queue;
        }
        return err;
    }

    // mirrors vp_find_vqs_intx(): one shared line for config and all queues
    private int findVqsIntx(DeviceState d, List<Vq> vqs) {
        d.vqVector = new int[vqs.size()];
        int line = d.pci.intxLine;
        int err = k.intxLine(line, d.pci.node);
        if (err == 0) {
            err = k.core.requestIrq(line, d.name, IrqTable.IRQF_SHARED);
        }
        d.attempts.add(new Attempt(SetupStep.INTX, 0, err));
        if (err != 0) {
            return err;
        }
        d.pci.intxEnabled = true;
        d.intxName = d.name;
        d.path = InterruptPath.INTX;
        return 0;
    }

    // mirrors vp_del_vqs(): free the handlers, then the vectors
    void delVqs(DeviceState d) {
        if (d.intxName != null) {
            k.core.freeIrq(d.pci.intxLine, d.intxName);
            d.pci.intxEnabled = false;
        }
        for (int i = 0; i < d.vectorNames.length; i++) {
            if (d.vectorNames[i] != null && i < d.pci.msixIrqs.length) {
                k.core.freeIrq(d.pci.msixIrqs[i], d.vectorNames[i]);
            }
        }
        k.msi.freeIrqVectors(d.pci);
        d.resetInterrupts();
    }

    // mirrors vp_set_vq_affinity(): per-queue vector, or the shared one; nothing on INTx
    void setVqAffinity(DeviceState d, int vqIndex, CpuSet mask) {
        if (!d.pci.msixEnabled || vqIndex >= d.vqVector.length || d.vqVector[vqIndex] < 0) {
            return;
        }
        int irq = d.pci.msixIrqs[d.vqVector[vqIndex]];
        k.core.setAffinity(irq, mask);
    }
}
