package org.irqlab.dsl.kernel;

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
 * @param messages kernel messages printed during the event
 */
public record DeviceResult(String name, String pciAddress, DeviceType type, String diskName, InterruptPath path, int errno,
        List<VectorInfo> vectors, List<Attempt> attempts, List<String> messages, MatrixCounters before,
        MatrixCounters after) {

    public boolean failed() {
        return path == InterruptPath.PROBE_FAILED;
    }

    /** The attempts in the oracle's notation, e.g. "pcialloc:2,msix:0,". */
    public String attemptsString() {
        return attempts.stream().map(a -> (a.pciAlloc() != 0 ? "pcialloc:" + a.pciAlloc() + "," : "") + a.step()
                + ":" + a.result() + ",").collect(Collectors.joining());
    }

    public VectorInfo vector(String queue) {
        return vectors.stream().filter(v -> v.queue().equals(queue)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " has no vector " + queue));
    }
}
