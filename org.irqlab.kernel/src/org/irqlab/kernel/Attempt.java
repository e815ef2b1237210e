package org.irqlab.kernel;

/**
 * One step of a driver's interrupt setup, e.g. virtio's per-queue MSI-X try: what pci_alloc_irq_vectors
 * returned (vector count or -errno, 0 when not reached) and the step's own result (0 or -errno).
 */
public record Attempt(SetupStep step, int pciAlloc, int result) {
    public boolean failed() {
        return result != 0;
    }
}
