package org.irqlab.kernel;

/**
 * One device to hot-add. {@code queues} means: request virtqueues of a virtio_blk (num_queues), queue
 * pairs of a virtio_net, I/O queues the NVMe controller offers, or vectors of a generic MSI-X device.
 *
 * @param managed         null = the driver's own choice; TRUE/FALSE forces passing / not passing an
 *                        affinity descriptor (e.g. FALSE models the proposed virtio_blk patch)
 * @param numaNode        device NUMA node, -1 for none
 * @param intxLine        pci_dev->irq, 0 when the device has no INTx (the incident's DPU)
 * @param numRequestQueues virtio_blk num_request_queues parameter (0 = no limit)
 * @param pollQueues      virtio_blk / nvme poll_queues parameter
 * @param writeQueues     nvme write_queues parameter
 * @param minVectors      generic MSI-X: the minimum accepted (0 = all or nothing)
 * @param preVectors      generic MSI-X: leading unmanaged vectors when managed
 * @param postVectors     generic MSI-X: trailing unmanaged vectors when managed
 * @param namePrefix      generic MSI-X: device/irq name prefix (virtio and nvme use kernel names)
 * @param msixTableSize   MSI-X table size of the function (0 = big enough)
 * @param capacitySectors virtio_blk capacity in 512-byte sectors, for the log line
 */
public record DeviceSpec(DeviceKind type, int queues, Boolean managed, int numaNode, int intxLine,
        int numRequestQueues, int pollQueues, int writeQueues, int minVectors, int preVectors, int postVectors,
        String namePrefix, int msixTableSize, long capacitySectors) {

    /** PCI allows 2048 MSI-X entries per function, so no driver asks for more queue vectors. */
    public static final int MAX_QUEUES = 2048;
    /** The highest IO-APIC line a device's INTx can be routed to. */
    public static final int MAX_INTX_LINE = 255;
    /** A device's queue count. */
    public static final Limit QUEUES = new Limit("queues", 1, MAX_QUEUES);
    /** A device's INTx line, or a line set up at boot: irq 0 is the timer's, so a line is at least 1. */
    public static final Limit INTX_LINE = new Limit("intx", 1, MAX_INTX_LINE);

    public DeviceSpec {
        if (queues < 1) {
            throw new IllegalArgumentException("queues must be >= 1");
        }
        namePrefix = namePrefix == null ? "dev" : namePrefix;
    }

    public static Builder builder(DeviceKind type) {
        return new Builder(type);
    }

    public static DeviceSpec virtioBlk(int queues) {
        return builder(DeviceKind.VIRTIO_BLK).queues(queues).build();
    }

    public static DeviceSpec virtioNet(int queuePairs) {
        return builder(DeviceKind.VIRTIO_NET).queues(queuePairs).build();
    }

    public static DeviceSpec nvme(int ioQueues) {
        return builder(DeviceKind.NVME).queues(ioQueues).build();
    }

    public static DeviceSpec genericMsix(int vectors, boolean managed) {
        return builder(DeviceKind.GENERIC_MSIX).queues(vectors).managed(managed).build();
    }

    /** Builder with the defaults of a QEMU-like device: node 0, no INTx, 64 MiB. */
    public static final class Builder {
        private final DeviceKind type;
        private int queues = 1;
        private Boolean managed;
        private int numaNode = 0;
        private int intxLine;
        private int numRequestQueues;
        private int pollQueues;
        private int writeQueues;
        private int minVectors;
        private int preVectors;
        private int postVectors;
        private String namePrefix;
        private int msixTableSize;
        private long capacitySectors = 131072;

        private Builder(DeviceKind type) {
            this.type = type;
        }

        public Builder queues(int n) {
            this.queues = n;
            return this;
        }

        public Builder managed(Boolean m) {
            this.managed = m;
            return this;
        }

        public Builder numaNode(int node) {
            this.numaNode = node;
            return this;
        }

        public Builder noNumaNode() {
            this.numaNode = -1;
            return this;
        }

        public Builder intxLine(int line) {
            this.intxLine = line;
            return this;
        }

        public Builder numRequestQueues(int n) {
            this.numRequestQueues = n;
            return this;
        }

        public Builder pollQueues(int n) {
            this.pollQueues = n;
            return this;
        }

        public Builder writeQueues(int n) {
            this.writeQueues = n;
            return this;
        }

        public Builder minVectors(int n) {
            this.minVectors = n;
            return this;
        }

        public Builder preVectors(int n) {
            this.preVectors = n;
            return this;
        }

        public Builder postVectors(int n) {
            this.postVectors = n;
            return this;
        }

        public Builder namePrefix(String prefix) {
            this.namePrefix = prefix;
            return this;
        }

        public Builder msixTableSize(int n) {
            this.msixTableSize = n;
            return this;
        }

        public Builder capacitySectors(long n) {
            this.capacitySectors = n;
            return this;
        }

        public DeviceSpec build() {
            return new DeviceSpec(type, queues, managed, numaNode, intxLine, numRequestQueues, pollQueues,
                    writeQueues, minVectors, preVectors, postVectors, namePrefix, msixTableSize, capacitySectors);
        }
    }
}
