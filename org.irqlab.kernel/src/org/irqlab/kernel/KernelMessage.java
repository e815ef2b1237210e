package org.irqlab.kernel;

/**
 * A line the simulated kernel printed, with what it means, so that no surface has to search the wording
 * (which changes between kernel versions) to find out.
 *
 * @param kind what the line reports
 * @param irq  the interrupt it names, or -1
 * @param text the line as dmesg shows it
 */
public record KernelMessage(Kind kind, int irq, String text) {
    /** What a kernel line reports. */
    public enum Kind {
        /** __setup_irq(): "genirq: Flags mismatch irq N": a non-shared handler already holds the line. */
        IRQ_FLAGS_MISMATCH,
        /** The driver core: the driver's probe returned an error. */
        PROBE_FAILED,
        /** A driver's own complaint about its failed probe (nvme's "Removing after probe failure"). */
        DRIVER_PROBE_ERROR,
        /** The vector domain placed a vector outside the affinity asked for. */
        AFFINITY_BROKEN,
        /** A CPU cannot go offline: its vectors do not fit elsewhere, or it is CPU 0. */
        CPU_OFFLINE_REFUSED,
        /** A managed interrupt could not be started or moved. */
        MANAGED_STARTUP_FAILED,
        /** The matrix saw an inconsistency the kernel warns about (a bug if it happens). */
        MATRIX_WARNING,
        /** Informational: a disk appeared, a CPU went offline, a reservation may fail. */
        INFO
    }

    static KernelMessage of(Kind kind, String text) {
        return new KernelMessage(kind, -1, text);
    }

    /** The line the interrupt on irq 0 (the timer) refused a device's INTx request with. */
    public boolean collidesWithTimer() {
        return kind == Kind.IRQ_FLAGS_MISMATCH && irq == 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
