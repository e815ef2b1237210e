package org.irqlab.kernel;

/** A PCI function's interrupt state (struct pci_dev): its node, INTx line and allocated MSI-X vectors. */
final class PciFunction {
    static final int NUMA_NO_NODE = -1;

    final String address;
    /** dev_to_node(); a driver may set it (nvme_probe() on kernels before 6.5). */
    int node;
    /** pci_dev->irq: the INTx line (GSI), 0 when the device has none. */
    final int intxLine;
    final int msixTableSize;
    int[] msixIrqs = new int[0];
    boolean msixEnabled;
    boolean intxEnabled;

    PciFunction(String address, int node, int intxLine, int msixTableSize) {
        this.address = address;
        this.node = node;
        this.intxLine = intxLine;
        this.msixTableSize = msixTableSize;
    }

    PciFunction copy() {
        PciFunction p = new PciFunction(address, node, intxLine, msixTableSize);
        p.msixIrqs = msixIrqs.clone();
        p.msixEnabled = msixEnabled;
        p.intxEnabled = intxEnabled;
        return p;
    }
}
