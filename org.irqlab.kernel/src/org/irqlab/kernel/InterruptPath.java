package org.irqlab.kernel;

/** How a device ended up being interrupted after its probe. */
public enum InterruptPath {
    /** One vector per queue, the queue vectors managed (kernel affinity spreading). */
    PER_QUEUE_MSIX_MANAGED("per_vq_msix"),
    /** One vector per queue, none managed (virtio_net, or a retry without spreading). */
    PER_QUEUE_MSIX_UNMANAGED("per_vq_msix"),
    /** virtio's config vector plus one vector shared by all queues. */
    SHARED_MSIX("shared_msix"),
    /** Legacy INTx line. */
    INTX("intx"),
    /** The driver's probe failed; see the errno. */
    PROBE_FAILED("failed"),
    /** The device is present but has no driver bound. */
    UNBOUND("unbound");

    private final String oracleName;

    InterruptPath(String oracleName) {
        this.oracleName = oracleName;
    }

    /** The name the measurement oracle uses for this path. */
    public String oracleName() {
        return oracleName;
    }
}
