package org.irqlab.dsl.kernel;

/**
 * Prints a matrix snapshot as /sys/kernel/debug/irq/domains/VECTOR shows it: irq_matrix_debug_show()
 * behind the domain header of irq_domain_debug_show_one(). The el8 tree and upstream 4.19+ print the
 * "mac" (managed allocated) column; vanilla 4.15-4.18 did not, selectable with {@link Style}.
 */
public final class VectorDebugfsFormatter {
    /** Column layout of irq_matrix_debug_show(). */
    public enum Style {
        /** 4.19+ and the el8 tree: avl, man, mac, act. */
        WITH_MANAGED_ALLOCATED,
        /** Vanilla 4.15-4.18: avl, man, act. */
        WITHOUT_MANAGED_ALLOCATED
    }

    private final Style style;

    public VectorDebugfsFormatter(Style style) {
        this.style = style;
    }

    /** The layout every simulated profile uses (all of them print the mac column). */
    public static VectorDebugfsFormatter forProfile(KernelProfile profile) {
        return new VectorDebugfsFormatter(Style.WITH_MANAGED_ALLOCATED);
    }

    // mirrors irq_matrix_debug_show(); ind is the indentation the domain file passes (1)
    public String formatMatrix(MatrixSnapshot s, int ind) {
        StringBuilder sb = new StringBuilder();
        String pad = String.format("%" + Math.max(ind, 1) + "s", " ");
        sb.append(String.format("Online bitmaps:   %6d%n", s.onlineMaps()));
        sb.append(String.format("Global available: %6d%n", s.globalAvailable()));
        sb.append(String.format("Global reserved:  %6d%n", s.globalReserved()));
        sb.append(String.format("Total allocated:  %6d%n", s.totalAllocated()));
        sb.append(String.format("System: %d: %s%n", s.systemCount(), s.systemVectors()));
        if (style == Style.WITH_MANAGED_ALLOCATED) {
            sb.append(pad).append("| CPU | avl | man | mac | act | vectors\n");
        } else {
            sb.append(pad).append("| CPU | avl | man | act | vectors\n");
        }
        for (MatrixSnapshot.CpuMap c : s.cpus()) {
            if (!c.online()) {
                continue;
            }
            if (style == Style.WITH_MANAGED_ALLOCATED) {
                sb.append(pad).append(String.format(" %4d  %4d  %4d  %4d %4d  %s%n", c.cpu(), c.available(),
                        c.managed(), c.managedAllocated(), c.allocated(), c.vectors()));
            } else {
                sb.append(pad).append(String.format(" %4d  %4d  %4d  %4d  %s%n", c.cpu(), c.available(),
                        c.managed(), c.allocated(), c.vectors()));
            }
        }
        return sb.toString().replace("\r\n", "\n");
    }

    /**
     * The whole VECTOR domain file: irq_domain_debug_show_one() header, then the matrix at indentation 1.
     * {@code mapped} is the number of interrupts in the domain; {@code flags} the domain flags, which differ
     * between kernel builds (not verified, pass what the target shows).
     */
    public String formatDomainFile(MatrixSnapshot s, int mapped, int flags) {
        return String.format("name:   VECTOR%n size:   0%n mapped: %d%n flags:  0x%08x%n", mapped, flags)
                .replace("\r\n", "\n") + formatMatrix(s, 1);
    }
}
