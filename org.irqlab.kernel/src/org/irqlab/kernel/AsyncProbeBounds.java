package org.irqlab.kernel;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How many NVMe controllers of one hot-add get one vector per queue when their probes run at the same time.
 *
 * <p>nvme probes asynchronously (the driver asks for PROBE_PREFER_ASYNCHRONOUS, and the controller setup runs
 * in its reset work), so controllers added together are set up in parallel, in an order that changes from boot
 * to boot. Each one takes its interrupts in two steps: nvme_pci_enable() allocates a single vector for the admin
 * queue and requests it; later, nvme_setup_io_queues() frees that vector and allocates the admin vector again
 * together with one managed vector per I/O queue set. Between the two steps a controller holds exactly one
 * non-managed vector and nothing else, and controllers meet only in the vector matrix. So the more controllers
 * sit between their two steps while another one allocates its queue vectors, the less room that one finds, and
 * set-ups that run at the same moment interleave vector by vector (the MSI domain's lock is taken per vector):
 * <ul>
 * <li>at best no other controller holds an admin vector at that moment: the controllers are set up one after
 * the other, as {@link Simulation#addDevice} plays them;</li>
 * <li>at worst every controller that has not set up its queues yet already holds its admin vector, and each
 * sets up while one other controller per online CPU, less one, is half-way through its queue vectors
 * ({@link Simulation#addNvmeControllersAtOnce}): the admin vector then goes to a CPU the others have not
 * reached yet, so admin vectors pile up on the CPUs that come last in the masks, which fill first.</li>
 * </ul>
 * How many set-ups are in flight at once is timing, not a kernel rule; one per online CPU is IrqLab's
 * assumption. Debian 6.1 guests with 16 CPUs fitted 170, 172 and 177 of 200 where the bounds are 167-178
 * (docs/kernels.md 1.9).
 *
 * @param count  controllers added together
 * @param fewest controllers with one vector per queue in the worst order
 * @param most   controllers with one vector per queue in the best order
 * @param othersPath the path the others end on (nvme: one vector for the admin and I/O queue, SHARED_MSIX), or
 *               null when every controller gets per-queue vectors in both orders
 * @param otherPaths every path a controller without per-queue vectors ends on in either order (when the vectors
 *               run out altogether, some fail to probe: PROBE_FAILED)
 */
public record AsyncProbeBounds(int count, int fewest, int most, InterruptPath othersPath, Set<InterruptPath> otherPaths) {

    /** The bounds from the controllers' results in the worst and in the best order. */
    public static AsyncProbeBounds of(int count, List<DeviceResult> worst, List<DeviceResult> best) {
        InterruptPath others = null;
        Set<InterruptPath> all = EnumSet.noneOf(InterruptPath.class);
        for (List<DeviceResult> order : List.of(worst, best)) {
            for (DeviceResult r : order) {
                if (!perQueue(r)) {
                    all.add(r.path());
                    if (others == null) {
                        others = r.path();
                    }
                }
            }
        }
        return new AsyncProbeBounds(count, perQueue(worst), perQueue(best), others, Collections.unmodifiableSet(all));
    }

    /** Whether the outcome depends on the order the probes run in. */
    public boolean varies() {
        return fewest != most;
    }

    /** Whether the device got one vector per queue. */
    public static boolean perQueue(DeviceResult r) {
        return r.path() == InterruptPath.PER_QUEUE_MSIX_MANAGED || r.path() == InterruptPath.PER_QUEUE_MSIX_UNMANAGED;
    }

    static int perQueue(List<DeviceResult> results) {
        return (int) results.stream().filter(AsyncProbeBounds::perQueue).count();
    }
}
