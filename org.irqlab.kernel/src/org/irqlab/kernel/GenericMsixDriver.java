package org.irqlab.kernel;

/**
 * A generic multi-queue driver: asks for n MSI-X vectors (at least {@code minVectors}), managed through an
 * affinity descriptor with pre/post vectors when the spec says so, and requests every vector it got as
 * "&lt;name&gt;-&lt;i&gt;". Falls back to INTx only when a single vector is acceptable.
 */
final class GenericMsixDriver implements DeviceDriver {
    @Override
    public String name() {
        return "generic";
    }

    @Override
    public int probe(Kernel k, DeviceState d, Indexes indexes) {
        int max = d.spec.queues();
        int min = d.spec.minVectors() > 0 ? Math.min(d.spec.minVectors(), max) : max;
        boolean managed = Boolean.TRUE.equals(d.spec.managed());
        int flags = MsiLayer.PCI_IRQ_MSIX | (min == 1 ? MsiLayer.PCI_IRQ_LEGACY : 0);
        IrqAffinity affd = null;
        if (managed) {
            flags |= MsiLayer.PCI_IRQ_AFFINITY;
            affd = new IrqAffinity(d.spec.preVectors(), d.spec.postVectors(), null);
        }
        int n = k.msi.allocIrqVectors(d.pci, min, max, flags, affd, d.id);
        d.attempts.add(new Attempt(SetupStep.PER_QUEUE_MSIX, n, n < 0 ? n : 0));
        if (n < 0) {
            return n;
        }
        if (!d.pci.msixEnabled) {
            return requestIntx(k, d);
        }
        d.vectorNames = new String[n];
        d.vectorQueues = new String[n];
        boolean anyManaged = false;
        for (int i = 0; i < n; i++) {
            String action = d.name + "-" + i;
            int irq = d.pci.msixIrqs[i];
            int err = k.core.requestIrq(irq, action, 0);
            if (err != 0) {
                remove(k, d, indexes);
                return err;
            }
            d.vectorNames[i] = action;
            d.vectorQueues[i] = Integer.toString(i);
            anyManaged |= k.irqs.managed[irq];
        }
        d.path = anyManaged ? InterruptPath.PER_QUEUE_MSIX_MANAGED : InterruptPath.PER_QUEUE_MSIX_UNMANAGED;
        return 0;
    }

    private static int requestIntx(Kernel k, DeviceState d) {
        int line = d.pci.intxLine;
        int err = k.intxLine(line, d.pci.node);
        if (err == 0) {
            err = k.core.requestIrq(line, d.name, IrqTable.IRQF_SHARED);
        }
        if (err != 0) {
            k.msi.freeIrqVectors(d.pci);
            return err;
        }
        d.intxName = d.name;
        d.path = InterruptPath.INTX;
        return 0;
    }

    @Override
    public void remove(Kernel k, DeviceState d, Indexes indexes) {
        for (int i = 0; i < d.vectorNames.length; i++) {
            if (d.vectorNames[i] != null) {
                k.core.freeIrq(d.pci.msixIrqs[i], d.vectorNames[i]);
            }
        }
        if (d.intxName != null) {
            k.core.freeIrq(d.pci.intxLine, d.intxName);
        }
        k.msi.freeIrqVectors(d.pci);
        d.resetInterrupts();
    }
}
