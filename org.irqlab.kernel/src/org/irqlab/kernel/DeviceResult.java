package org.irqlab.kernel;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A device's interrupt setup after an event (probe, rebind, hot-remove), plus what the event printed and
 * the matrix counters around it.
 *
 * @param name     kernel device name ("virtio7", "nvme0", "dev3")
 * @param pciAddress the PCI function, assigned in hot-add order ("0000:01:00.0", "0000:01:01.0", ...)
 * @param diskName block device name for virtio_blk ("vda"), else null
 * @param errno    0, or the negative errno the probe failed with
 * @param attempts the driver's interrupt setup steps in order
 * @param printed  what the kernel printed during the event
 */
public record DeviceResult(String name, String pciAddress, DeviceKind type, String diskName, InterruptPath path, int errno,
        List<VectorInfo> vectors, List<Attempt> attempts, List<KernelMessage> printed, MatrixCounters before,
        MatrixCounters after) {

    /** The kernel's lines as dmesg shows them. */
    public List<String> messages() {
        return printed.stream().map(KernelMessage::text).toList();
    }

    /**
     * The line that says the most about a failed probe: genirq's complaint about a line already taken,
     * else the driver core's probe failure; null when neither was printed.
     */
    public KernelMessage tellingLine() {
        KernelMessage probe = null;
        for (KernelMessage line : printed) {
            if (line.kind() == KernelMessage.Kind.IRQ_FLAGS_MISMATCH) {
                return line;
            }
            if (line.kind() == KernelMessage.Kind.PROBE_FAILED) {
                probe = line;
            }
        }
        return probe;
    }

    /** The probe ended with an INTx request on irq 0, which the timer holds unshared. */
    public boolean intxCollidedWithTimer() {
        return !attempts.isEmpty() && attempts.get(attempts.size() - 1).step() == SetupStep.INTX
                && printed.stream().anyMatch(KernelMessage::collidesWithTimer);
    }

    /** How many of this device's vectors were placed outside the affinity asked for. */
    public long brokenAffinities() {
        return printed.stream().filter(line -> line.kind() == KernelMessage.Kind.AFFINITY_BROKEN).count();
    }

    public boolean failed() {
        return path == InterruptPath.PROBE_FAILED;
    }

    /** The attempts in the oracle's notation, e.g. "pcialloc:2,msix:0,". */
    public String attemptsString() {
        return attempts.stream().map(a -> (a.pciAlloc() != 0 ? "pcialloc:" + a.pciAlloc() + "," : "") + a.step().oracleName()
                + ":" + a.result() + ",").collect(Collectors.joining());
    }

    public VectorInfo vector(String queue) {
        return vectors.stream().filter(v -> v.queue().equals(queue)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no vector " + queue));
    }
}
