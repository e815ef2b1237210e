package org.irqlab.kernel;

import java.util.List;

/**
 * The kernel generations the simulator reproduces, with the behaviours that differ between them. Every
 * switch names the kernel change it stands for; see the report for what was verified in which source.
 */
public enum KernelRules {
    /** RHEL 8.4 style 4.18.0-305 (the incident host). */
    EL8_4_18("el8-4.18", "4.18.0-305.30.1.el8.x86_64"),
    /** Debian 6.1 (6.1.176), as measured in the oracle. */
    V6_1("6.1", "6.1.0-50-amd64"),
    /** Debian 6.12 (6.12.117), as measured in the oracle. */
    V6_12("6.12", "6.12.117+deb12-amd64");

    /** The fallback steps vp_find_vqs() walks through. */
    public enum VirtioStep {
        /** One vector per virtqueue with callback, plus config; managed when the driver passes a descriptor. */
        EACH,
        /**
         * Like EACH but slow-path queues share the config vector; passes the descriptor again (in 6.12, not
         * in 6.1).
         */
        SHARED_SLOW,
        /** Config vector plus one vector shared by all virtqueues, never managed. */
        SHARED,
        /** "Is there an interrupt? If not give up": INTx is skipped when pci_dev->irq is 0 (late 2022). */
        IRQ_CHECK,
        /** request_irq(pci_dev->irq, IRQF_SHARED). */
        INTX
    }

    private final String id;
    private final String release;

    KernelRules(String id, String release) {
        this.id = id;
        this.release = release;
    }

    public String id() {
        return id;
    }

    /** A typical `uname -r` of this profile. */
    public String release() {
        return release;
    }

    public static KernelRules byId(String id) {
        for (KernelRules p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown kernel profile '" + id + "'");
    }

    /** The vp_find_vqs() ladder of drivers/virtio/virtio_pci_common.c in this generation. */
    public List<VirtioStep> virtioSteps() {
        return switch (this) {
            case EL8_4_18 -> List.of(VirtioStep.EACH, VirtioStep.SHARED, VirtioStep.INTX);
            case V6_1 -> List.of(VirtioStep.EACH, VirtioStep.SHARED, VirtioStep.IRQ_CHECK, VirtioStep.INTX);
            case V6_12 -> List.of(VirtioStep.EACH, VirtioStep.SHARED_SLOW, VirtioStep.SHARED,
                    VirtioStep.IRQ_CHECK, VirtioStep.INTX);
        };
    }

    /**
     * Default for MSI reservation mode. The el8 incident host routes MSI through interrupt remapping and its
     * probes failed with -28 inside msi_domain_alloc_irqs(), i.e. vectors were assigned at allocation time.
     * The QEMU guests of the oracle (plain PCI-MSI) keep the reserve-then-activate-at-request_irq split.
     */
    public boolean defaultMsiReservationMode() {
        return this != EL8_4_18;
    }

    /** Default for interrupt remapping, which lets affinity changes move a vector at once (IRQD_MOVE_PCNTXT). */
    public boolean defaultInterruptRemapping() {
        return this == EL8_4_18;
    }

    /**
     * 4.18's msi_domain_alloc_irqs() allocates all vectors of the block, then activates them; from 5.x on
     * (6.1's __msi_domain_alloc_irqs) each vector is activated right after its own allocation.
     */
    public boolean msiActivatesAfterWholeBlock() {
        return this == EL8_4_18;
    }

    /** virtio_blk num_request_queues / poll_queues module parameters and its "default/read/poll" message. */
    public boolean virtioBlkHasQueueParams() {
        return this != EL8_4_18;
    }

    /** irq_matrix_alloc() rejects an empty search mask with -EINVAL (upstream; absent in the el8 tree). */
    public boolean matrixAllocRejectsEmptyMask() {
        return this != EL8_4_18;
    }

    /** irq_matrix_allocated() excludes managed vectors upstream; the el8 tree returns all allocated. */
    public boolean matrixAllocatedExcludesManaged() {
        return this != EL8_4_18;
    }

    /**
     * nvme_probe() moves a device that sits on no NUMA node to first_memory_node, so its interrupts are
     * placed there first; "nvme-pci: do not set the NUMA node of device if it has none" removed that (v6.5).
     */
    public boolean nvmeMovesNodelessDeviceToFirstNode() {
        return this != V6_12;
    }

    /** Which lib/sort.c heapsort sorts the nodes in group_cpus_evenly(). el8's is assumed, not verified. */
    public HeapsortVariant heapsort() {
        return switch (this) {
            case EL8_4_18 -> HeapsortVariant.CLASSIC_PRE_5_1;
            case V6_1 -> HeapsortVariant.BOTTOM_UP_5_1;
            case V6_12 -> HeapsortVariant.DOUBLE_POP_6_11;
        };
    }

    /** Driver core message for a failed probe (drivers/base/dd.c changed its wording in 5.x). */
    public String probeFailedMessage(String driver, String device, int errno) {
        if (this == EL8_4_18) {
            return driver + ": probe of " + device + " failed with error " + errno;
        }
        return driver + " " + device + ": probe with driver " + driver + " failed with error " + errno;
    }

    /**
     * System vectors inside and around the allocation range, decoded from the incident's crash dump. Inside
     * the range: 32 (IRQ_MOVE_CLEANUP_VECTOR), 50 (the PIC cascade) and 128 (the IA32 syscall). 6.12 cleans
     * moved vectors up with a timer instead of that IPI, so it has no system vector 32 but ends the range one
     * slot lower ({@link #defaultAllocEnd()}); both keep 201 slots per CPU, as the oracle shows. The bits
     * outside the range are the el8 dump's for every profile (not checked for 6.x).
     */
    public String defaultSystemVectors() {
        return this == V6_12 ? "0-19,29,50,128,236-255" : "0-19,29,32,50,128,236-255";
    }

    /**
     * FIRST_SYSTEM_VECTOR, the end of the allocation range: LOCAL_TIMER_VECTOR (0xec) in el8 and 6.1;
     * in 6.12 POSTED_MSI_NOTIFICATION_VECTOR (0xeb), whether or not posted MSI is configured.
     */
    public int defaultAllocEnd() {
        return this == V6_12 ? 0xeb : 0xec;
    }

    @Override
    public String toString() {
        return id;
    }
}
