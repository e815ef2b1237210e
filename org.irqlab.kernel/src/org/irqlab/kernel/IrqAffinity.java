package org.irqlab.kernel;

import java.util.function.IntFunction;

/**
 * A driver's {@code struct irq_affinity}: vectors before and after the spread ones, and an optional
 * calc_sets callback splitting the spread vectors into sets (NVMe's default/read queues). Mutable on
 * purpose: virtio_pci increments {@code preVectors} for its config vector on every attempt that passes
 * the descriptor, exactly like the kernel does with the driver's stack copy.
 */
final class IrqAffinity {
    int preVectors;
    int postVectors;
    /** Given the number of spread vectors, the set sizes; null means one set of all of them. */
    final IntFunction<int[]> calcSets;

    IrqAffinity(int preVectors, int postVectors, IntFunction<int[]> calcSets) {
        this.preVectors = preVectors;
        this.postVectors = postVectors;
        this.calcSets = calcSets;
    }

    static IrqAffinity plain() {
        return new IrqAffinity(0, 0, null);
    }
}
