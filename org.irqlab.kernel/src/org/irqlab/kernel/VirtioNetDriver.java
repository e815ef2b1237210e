package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * virtio_net (drivers/net/virtio_net.c): receive and transmit queue per queue pair plus a control queue
 * without interrupt; no affinity descriptor, so nothing is managed; afterwards virtnet_set_affinity()
 * pins each queue pair to a group of online CPUs, and does so again whenever a CPU goes offline or comes
 * online (its CPU hotplug callbacks).
 */
final class VirtioNetDriver implements DeviceDriver {
    @Override
    public String name() {
        return "virtio_net";
    }

    @Override
    public int probe(Kernel k, DeviceState d, Indexes indexes) {
        int maxPairs = Math.max(1, d.spec.queues());
        int currPairs = Math.min(maxPairs, k.onlineCount());
        List<VirtioPci.Vq> vqs = new ArrayList<>();
        for (int i = 0; i < maxPairs; i++) {
            vqs.add(new VirtioPci.Vq("input." + i, true));
            vqs.add(new VirtioPci.Vq("output." + i, true));
        }
        vqs.add(new VirtioPci.Vq("control", false));
        IrqAffinity desc = Boolean.TRUE.equals(d.spec.managed()) ? IrqAffinity.plain() : null;
        VirtioPci vp = new VirtioPci(k);
        int err = vp.findVqs(d, vqs, desc);
        if (err != 0) {
            return err;
        }
        d.queuePairsInUse = currPairs;
        setAffinity(k, vp, d, currPairs);
        return 0;
    }

    // mirrors virtnet_cpu_dead() and virtnet_cpu_online(): spread the queue pairs again over the CPUs now online
    @Override
    public void cpusChanged(Kernel k, DeviceState d) {
        if (d.queuePairsInUse > 0) {
            setAffinity(k, new VirtioPci(k), d, d.queuePairsInUse);
        }
    }

    // mirrors virtnet_set_affinity(): consecutive online CPUs per queue pair, stragglers to the first pairs
    private static void setAffinity(Kernel k, VirtioPci vp, DeviceState d, int pairs) {
        int[] cpus = CpuSet.ofWords(k.online).toArray();
        int numCpu = cpus.length;
        int stride = Math.max(numCpu / pairs, 1);
        int stragglers = numCpu >= pairs ? numCpu % pairs : 0;
        int pos = 0;
        for (int i = 0; i < pairs; i++) {
            int groupSize = stride + (i < stragglers ? 1 : 0);
            int[] group = new int[groupSize];
            for (int j = 0; j < groupSize; j++) {
                group[j] = cpus[pos];
                pos = (pos + 1) % numCpu;
            }
            CpuSet mask = CpuSet.of(group);
            vp.setVqAffinity(d, 2 * i, mask);
            vp.setVqAffinity(d, 2 * i + 1, mask);
        }
    }

    @Override
    public void remove(Kernel k, DeviceState d, Indexes indexes) {
        new VirtioPci(k).delVqs(d);
    }
}
