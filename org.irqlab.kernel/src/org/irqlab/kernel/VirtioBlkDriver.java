package org.irqlab.kernel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * virtio_blk (drivers/block/virtio_blk.c): one request virtqueue per queue up to nr_cpu_ids, poll queues
 * without interrupts, and an empty {@code struct irq_affinity} so the queue vectors are managed.
 */
final class VirtioBlkDriver implements DeviceDriver {
    @Override
    public String name() {
        return "virtio_blk";
    }

    @Override
    public int probe(Kernel k, DeviceState d, Indexes indexes) {
        int disk = indexes.allocDisk();
        int err = initVq(k, d);
        if (err != 0) {
            indexes.freeDisk(disk);
            return err;
        }
        d.diskIndex = disk;
        String size = sizeString(d.spec.capacitySectors());
        k.log.print(KernelMessage.Kind.INFO, "virtio_blk " + d.name + ": [" + diskName(disk) + "] " + d.spec.capacitySectors()
                + " 512-byte logical blocks (" + size + ")");
        return 0;
    }

    // mirrors init_vq(): queue count, poll queues, names, and the affinity descriptor
    private int initVq(Kernel k, DeviceState d) {
        int numVqs = Math.max(1, d.spec.queues());
        int numPoll = 0;
        int nrCpuIds = k.machine.nrCpuIds();
        KernelRules rules = k.machine.profile();
        if (rules.virtioBlkHasNumRequestQueues()) {
            int limit = d.spec.numRequestQueues() > 0 ? d.spec.numRequestQueues() : nrCpuIds;
            numVqs = Math.min(Math.min(limit, nrCpuIds), numVqs);
        } else {
            numVqs = Math.min(nrCpuIds, numVqs);
        }
        if (rules.virtioBlkHasPollQueues()) {
            numPoll = Math.min(d.spec.pollQueues(), numVqs - 1);
            k.log.print(KernelMessage.Kind.INFO, "virtio_blk " + d.name + ": " + (numVqs - numPoll) + "/0/" + numPoll
                    + " default/read/poll queues");
        }
        List<VirtioPci.Vq> vqs = new ArrayList<>(numVqs);
        for (int i = 0; i < numVqs; i++) {
            boolean polled = i >= numVqs - numPoll;
            vqs.add(new VirtioPci.Vq((polled ? "req_poll." : "req.") + i, !polled));
        }
        IrqAffinity desc = Boolean.FALSE.equals(d.spec.managed()) ? null : IrqAffinity.plain();
        return new VirtioPci(k).findVqs(d, vqs, desc);
    }

    @Override
    public void remove(Kernel k, DeviceState d, Indexes indexes) {
        new VirtioPci(k).delVqs(d);
        if (d.diskIndex >= 0) {
            indexes.freeDisk(d.diskIndex);
            d.diskIndex = -1;
        }
    }

    // mirrors virtblk_name_format(): vda .. vdz, vdaa ..
    static String diskName(int index) {
        StringBuilder sb = new StringBuilder();
        int i = index;
        do {
            sb.append((char) ('a' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return "vd" + sb.reverse();
    }

    // an approximation of string_get_size() for both unit systems, 3 significant digits
    /** The last size printed: a model's disks mostly share one capacity, and BigDecimal rounding is slow. */
    private record SizeString(long sectors, String text) {
    }

    private static volatile SizeString lastSize = new SizeString(-1, "");

    static String sizeString(long sectors) {
        SizeString last = lastSize;
        if (last.sectors() == sectors) {
            return last.text();
        }
        String text = computeSizeString(sectors);
        lastSize = new SizeString(sectors, text);
        return text;
    }

    private static String computeSizeString(long sectors) {
        double bytes = sectors * 512.0;
        return scaled(bytes, 1000, new String[] {"B", "kB", "MB", "GB", "TB", "PB", "EB"}) + "/"
                + scaled(bytes, 1024, new String[] {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"});
    }

    private static String scaled(double v, int divisor, String[] units) {
        int u = 0;
        while (v >= divisor && u < units.length - 1) {
            v /= divisor;
            u++;
        }
        int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
        if (u == 0) {
            decimals = 0;
        }
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString() + " " + units[u];
    }
}
