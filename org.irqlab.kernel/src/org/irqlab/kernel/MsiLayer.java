package org.irqlab.kernel;

/**
 * PCI MSI-X allocation (drivers/pci/msi, kernel/irq/msi.c): vector count negotiation, affinity
 * spreading, the per-vector domain allocation and early activation, and the INTx fallback of
 * pci_alloc_irq_vectors_affinity(). MSI (non-X) is not modelled: devices are assumed to offer MSI-X and
 * INTx only.
 */
final class MsiLayer {
    static final int PCI_IRQ_LEGACY = 1;
    static final int PCI_IRQ_MSI = 2;
    static final int PCI_IRQ_MSIX = 4;
    static final int PCI_IRQ_AFFINITY = 8;
    static final int PCI_IRQ_ALL_TYPES = PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX;

    private final IrqTable irqs;
    private final VectorDomain domain;
    private final IrqCore core;
    private final AffinitySpreader spreader;
    private final MachineSpec machine;
    private final long[] online;

    MsiLayer(IrqTable irqs, VectorDomain domain, IrqCore core, AffinitySpreader spreader, MachineSpec machine,
            long[] online) {
        this.irqs = irqs;
        this.domain = domain;
        this.core = core;
        this.spreader = spreader;
        this.machine = machine;
        this.online = online;
    }

    // mirrors pci_alloc_irq_vectors_affinity(): MSI-X first, INTx for single-vector requests
    int allocIrqVectors(PciFunction dev, int minVecs, int maxVecs, int flags, IrqAffinity affd, int owner) {
        IrqAffinity a = null;
        if ((flags & PCI_IRQ_AFFINITY) != 0) {
            a = affd != null ? affd : IrqAffinity.plain();
        }
        int nvecs = -Errno.ENOSPC;
        if ((flags & PCI_IRQ_MSIX) != 0) {
            nvecs = enableMsixRange(dev, minVecs, maxVecs, a, owner);
            if (nvecs > 0) {
                return nvecs;
            }
        }
        if ((flags & PCI_IRQ_LEGACY) != 0 && minVecs == 1 && dev.intxLine != 0) {
            if (a != null) {
                spreader.createMasks(1, a);
            }
            dev.intxEnabled = true;
            return 1;
        }
        return nvecs;
    }

    // mirrors __pci_enable_msix_range(): a partial domain allocation is retried with what fitted
    private int enableMsixRange(PciFunction dev, int minvec, int maxvec, IrqAffinity affd, int owner) {
        if (maxvec < minvec) {
            return -Errno.ERANGE;
        }
        if (dev.msixEnabled) {
            return -Errno.EINVAL;
        }
        int nvec = dev.msixTableSize;
        if (nvec < minvec) {
            return -Errno.EINVAL;
        }
        nvec = Math.min(nvec, maxvec);
        while (true) {
            if (affd != null) {
                nvec = spreader.calcAffinityVectors(minvec, nvec, affd);
                if (nvec < minvec) {
                    return -Errno.ENOSPC;
                }
            }
            int rc = msixCapabilityInit(dev, nvec, affd, owner);
            if (rc == 0) {
                return nvec;
            }
            if (rc < 0) {
                return rc;
            }
            if (rc < minvec) {
                return -Errno.ENOSPC;
            }
            nvec = rc;
        }
    }

    // mirrors msix_capability_init(): descriptors with affinity, then the domain allocation
    private int msixCapabilityInit(PciFunction dev, int nvec, IrqAffinity affd, int owner) {
        AffinitySpreader.Desc[] masks = affd != null ? spreader.createMasks(nvec, affd) : null;
        int[] allocated = new int[nvec];
        int rc = machine.profile().msiActivatesAfterWholeBlock()
                ? allocThenActivate(dev, nvec, masks, allocated, owner)
                : allocAndActivateEach(dev, nvec, masks, allocated, owner);
        if (rc != 0) {
            return rc;
        }
        dev.msixIrqs = allocated;
        dev.msixEnabled = true;
        return 0;
    }

    // mirrors alloc_descs() + msi_domain_alloc(): node from the mask's first CPU when spread, else the device's
    private int allocDesc(PciFunction dev, AffinitySpreader.Desc[] masks, int i, int owner) {
        if (masks != null && masks[i].mask().isEmpty()) {
            // more vectors in a set than CPUs (nvme's write_queues): the spreading left this one without a CPU
            return -Errno.EINVAL;
        }
        CpuSet mask = masks != null ? masks[i].mask() : machine.defaultAffinity();
        boolean managed = masks != null && masks[i].managed();
        int node = masks != null ? machine.nodeOf(mask.first()) : dev.node;
        return irqs.allocDynamic(IrqTable.KIND_MSI, node, mask, managed, owner);
    }

    // mirrors __msi_domain_alloc_irqs() (5.x/6.x): each vector is allocated and activated in turn
    private int allocAndActivateEach(PciFunction dev, int nvec, AffinitySpreader.Desc[] masks, int[] out,
            int owner) {
        boolean canReserve = machine.msiReservationMode();
        for (int i = 0; i < nvec; i++) {
            int irq = allocDesc(dev, masks, i, owner);
            int ret = irq < 0 ? irq : domain.alloc(irq, null);
            if (ret < 0) {
                // msi_handle_pci_fail(): the vectors that fitted are worth a retry with that many
                if (irq >= 0) {
                    irqs.free(irq);
                }
                freeBlock(out, i);
                return i > 0 ? i : -Errno.ENOSPC;
            }
            out[i] = irq;
            ret = initVirq(irq, canReserve);
            if (ret != 0) {
                freeBlock(out, i + 1);
                return ret;
            }
        }
        finishReservation(out, nvec, canReserve);
        return 0;
    }

    // mirrors the 4.18 msi_domain_alloc_irqs(): allocate the whole block, then activate it
    private int allocThenActivate(PciFunction dev, int nvec, AffinitySpreader.Desc[] masks, int[] out, int owner) {
        boolean canReserve = machine.msiReservationMode();
        for (int i = 0; i < nvec; i++) {
            int irq = allocDesc(dev, masks, i, owner);
            if (irq < 0 || domain.alloc(irq, null) < 0) {
                // pci_msi_domain_handle_error(): MSI-X gives up with -ENOSPC, no retry with fewer
                if (irq >= 0) {
                    irqs.free(irq);
                }
                freeBlock(out, i);
                return -Errno.ENOSPC;
            }
            out[i] = irq;
        }
        for (int i = 0; i < nvec; i++) {
            if (!canReserve) {
                irqs.irqdCanReserve[out[i]] = false;
            }
            int ret = core.activateOnce(out[i], canReserve);
            if (ret != 0) {
                freeBlock(out, nvec);
                return ret;
            }
        }
        finishReservation(out, nvec, canReserve);
        return 0;
    }

    // mirrors msi_init_virq(): early activation, a real vector only outside reservation mode
    private int initVirq(int irq, boolean canReserve) {
        if (!canReserve) {
            irqs.irqdCanReserve[irq] = false;
            if (irqs.managed[irq] && !Bits.intersects(irqs.affinity[irq].words(), online)) {
                irqs.managedShutdown[irq] = true;
                return 0;
            }
        }
        return core.activateOnce(irq, canReserve);
    }

    // reservation mode: clear "activated" so request_irq() assigns the real vector
    private void finishReservation(int[] out, int nvec, boolean canReserve) {
        if (!canReserve) {
            return;
        }
        for (int i = 0; i < nvec; i++) {
            irqs.activated[out[i]] = false;
        }
    }

    // mirrors msi_domain_free_irqs(): deactivate what is active, then free the vectors and descriptors
    private void freeBlock(int[] block, int count) {
        for (int i = 0; i < count; i++) {
            core.deactivate(block[i]);
        }
        for (int i = 0; i < count; i++) {
            domain.free(block[i]);
            irqs.free(block[i]);
        }
    }

    // mirrors pci_free_irq_vectors()
    void freeIrqVectors(PciFunction dev) {
        if (dev.msixEnabled) {
            freeBlock(dev.msixIrqs, dev.msixIrqs.length);
            dev.msixIrqs = new int[0];
            dev.msixEnabled = false;
        }
        dev.intxEnabled = false;
    }

    // mirrors pci_irq_vector()
    int irqVector(PciFunction dev, int nr) {
        if (dev.msixEnabled) {
            return nr < dev.msixIrqs.length ? dev.msixIrqs[nr] : -Errno.EINVAL;
        }
        return nr == 0 ? dev.intxLine : -Errno.EINVAL;
    }
}
