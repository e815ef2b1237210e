package org.irqlab.kernel;

import java.util.List;

/**
 * What one irqbalance pass did.
 *
 * @param moved     affinity writes the kernel accepted
 * @param unmovable managed interrupts (the kernel answers EIO; irqbalance stops trying)
 * @param noSpace   writes refused with ENOSPC (no free vector on the target CPU)
 */
public record IrqbalanceResult(int moved, int unmovable, int noSpace, List<KernelMessage> printed,
        MatrixCounters before, MatrixCounters after) {
    /** The kernel's lines as dmesg shows them. */
    public List<String> messages() {
        return printed.stream().map(KernelMessage::text).toList();
    }
}
