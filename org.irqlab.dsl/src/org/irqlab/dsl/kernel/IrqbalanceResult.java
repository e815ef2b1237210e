package org.irqlab.dsl.kernel;

import java.util.List;

/**
 * What one irqbalance pass did.
 *
 * @param moved     affinity writes the kernel accepted
 * @param unmovable managed interrupts (the kernel answers EIO; irqbalance stops trying)
 * @param noSpace   writes refused with ENOSPC (no free vector on the target CPU)
 */
public record IrqbalanceResult(int moved, int unmovable, int noSpace, List<String> messages, MatrixCounters before,
        MatrixCounters after) {
}
