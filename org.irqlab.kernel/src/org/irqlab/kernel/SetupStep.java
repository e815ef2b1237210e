package org.irqlab.kernel;

/**
 * One step of a driver's interrupt setup. virtio_pci's vp_find_vqs() walks per-queue MSI-X, the slow-path
 * sharing step (6.12), shared MSI-X and INTx; nvme sets up its admin vector, then its I/O queue vectors; a
 * generic MSI-X driver asks once for one vector per queue.
 */
public enum SetupStep {
    /** One vector per queue (virtio's first try, or a generic MSI-X driver's only one). */
    PER_QUEUE_MSIX("msix", "per-queue MSI-X"),
    /** virtio 6.12+: slow-path queues share the config vector, the others keep their own. */
    SHARED_SLOW_MSIX("msix_shared_slow", "MSI-X shared by the slow-path queues"),
    /** virtio: the config vector plus one vector for all queues. */
    SHARED_MSIX("msix_shared", "shared MSI-X"),
    /** The legacy INTx line of the PCI function. */
    INTX("intx", "INTx"),
    /** nvme: the single vector of the admin queue, set up before the I/O queues. */
    NVME_ADMIN("admin", "the admin vector"),
    /** nvme: the I/O queue vectors. */
    NVME_IO("io", "the I/O queue vectors");

    private final String oracleName;
    private final String label;

    SetupStep(String oracleName, String label) {
        this.oracleName = oracleName;
        this.label = label;
    }

    /** The step as the real-kernel measurements write it ("msix", "intx", ...). */
    public String oracleName() {
        return oracleName;
    }

    /** A try at MSI-X vectors before the INTx fallback (per-queue or shared). */
    public boolean msix() {
        return this == PER_QUEUE_MSIX || this == SHARED_SLOW_MSIX || this == SHARED_MSIX;
    }

    /** The step in a sentence: "Tried per-queue MSI-X: ...". */
    public String label() {
        return label;
    }
}
