package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel generations the simulator reproduces, with the behaviours that differ between them. Every
 * switch names the kernel change it stands for; see the report for what was verified in which source.
 */
public final class KernelRules {
    /** RHEL 8.4 style 4.18.0-305 (the incident host). */
    public static final KernelRules EL8_4_18 = new KernelRules("el8-4.18", "4.18.0-305.30.1.el8.x86_64");
    /** Debian 6.1 (6.1.176), as measured in the oracle. */
    public static final KernelRules V6_1 = new KernelRules("6.1", "6.1.0-50-amd64");
    /** Debian 6.12 (6.12.117), as measured in the oracle. */
    public static final KernelRules V6_12 = new KernelRules("6.12", "6.12.117+deb12-amd64");

    private static final List<KernelRules> PROFILES = List.of(EL8_4_18, V6_1, V6_12);
    private static final Map<String, KernelRules> BY_TEXT = new ConcurrentHashMap<>();

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
    private final KernelVersion version;
    private final Map<KernelRule, RuleDecision> decisions;

    private KernelRules(String id, String release) {
        this(id, release, KernelVersion.parse(id).version());
    }

    private KernelRules(String id, String release, KernelVersion version) {
        this.id = id;
        this.release = release;
        this.version = version;
        this.decisions = KernelRuleBook.decide(version);
    }

    /** The rules of a kernel written as a profile name, an upstream version or what `uname -r` prints. */
    public static KernelRules of(String written) {
        String text = written.strip();
        for (KernelRules p : PROFILES) {
            if (p.id.equals(text)) {
                return p;
            }
        }
        KernelVersion.Parsed parsed = KernelVersion.parse(text);
        if (!parsed.ok()) {
            throw new IllegalArgumentException(parsed.error());
        }
        return BY_TEXT.computeIfAbsent(text, t -> new KernelRules(t, t, parsed.version()));
    }

    /** The three profiles the oracle and the examples name: el8-4.18, 6.1, 6.12. */
    public static List<KernelRules> values() {
        return PROFILES;
    }

    public String id() {
        return id;
    }

    /** A typical `uname -r` of this profile, or the version as written. */
    public String release() {
        return release;
    }

    public KernelVersion version() {
        return version;
    }

    /** Every rule of the table, which side this kernel is on and why, in the table's order. */
    public List<RuleDecision> decisions() {
        return List.copyOf(decisions.values());
    }

    public RuleDecision decision(KernelRule rule) {
        return decisions.get(rule);
    }

    public boolean has(KernelRule rule) {
        return decisions.get(rule).present();
    }

    public static KernelRules byId(String id) {
        for (KernelRules p : PROFILES) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown kernel profile '" + id + "'");
    }

    /** The vp_find_vqs() ladder of drivers/virtio/virtio_pci_common.c in this generation. */
    public List<VirtioStep> virtioSteps() {
        List<VirtioStep> steps = new ArrayList<>(List.of(VirtioStep.EACH));
        if (has(KernelRule.SHARED_SLOW)) {
            steps.add(VirtioStep.SHARED_SLOW);
        }
        steps.add(VirtioStep.SHARED);
        if (has(KernelRule.INTX_CHECK)) {
            steps.add(VirtioStep.IRQ_CHECK);
        }
        steps.add(VirtioStep.INTX);
        return List.copyOf(steps);
    }

    /**
     * Default for MSI reservation mode. The el8 incident host routes MSI through interrupt remapping and its
     * probes failed with -28 inside msi_domain_alloc_irqs(), i.e. vectors were assigned at allocation time.
     * The QEMU guests of the oracle (plain PCI-MSI) keep the reserve-then-activate-at-request_irq split.
     */
    public boolean defaultMsiReservationMode() {
        return !isRhel8();
    }

    /** Default for interrupt remapping, which lets affinity changes move a vector at once (IRQD_MOVE_PCNTXT). */
    public boolean defaultInterruptRemapping() {
        return isRhel8();
    }

    /**
     * 4.18's msi_domain_alloc_irqs() allocates all vectors of the block, then activates them; from 5.x on
     * (6.1's __msi_domain_alloc_irqs) each vector is activated right after its own allocation.
     */
    public boolean msiActivatesAfterWholeBlock() {
        return !has(KernelRule.PER_VECTOR_ACTIVATION);
    }

    /** virtio_blk's num_request_queues module parameter (BLK-1). */
    public boolean virtioBlkHasNumRequestQueues() {
        return has(KernelRule.NUM_REQUEST_QUEUES);
    }

    /** virtio_blk's poll_queues module parameter and its "default/read/poll queues" message (BLK-2). */
    public boolean virtioBlkHasPollQueues() {
        return has(KernelRule.POLL_QUEUES);
    }

    /** irq_matrix_alloc() rejects an empty search mask with -EINVAL (upstream; absent in the el8 tree). */
    public boolean matrixAllocRejectsEmptyMask() {
        return has(KernelRule.EMPTY_MASK_EINVAL);
    }

    /** irq_matrix_allocated() excludes managed vectors upstream; the el8 tree returns all allocated. */
    public boolean matrixAllocatedExcludesManaged() {
        return has(KernelRule.ALLOCATED_EXCLUDES_MANAGED);
    }

    /**
     * nvme_probe() moves a device that sits on no NUMA node to first_memory_node, so its interrupts are
     * placed there first; "nvme-pci: do not set the NUMA node of device if it has none" removed that (v6.6,
     * dad651b2a44e; stable 6.5.6, 6.1.56, 5.15.134, 5.10.198, 5.4.258, 4.19.296).
     */
    public boolean nvmeMovesNodelessDeviceToFirstNode() {
        return !has(KernelRule.NVME_NODELESS_STAYS);
    }

    /** Which lib/sort.c heapsort sorts the nodes in group_cpus_evenly(). el8's is assumed, not verified. */
    public HeapsortVariant heapsort() {
        if (has(KernelRule.SORT_DOUBLE_POP)) {
            return HeapsortVariant.DOUBLE_POP_6_11;
        }
        return has(KernelRule.SORT_BOTTOM_UP) ? HeapsortVariant.BOTTOM_UP_5_1 : HeapsortVariant.CLASSIC_PRE_5_1;
    }

    /** Driver core message for a failed probe (drivers/base/dd.c changed its wording in 5.x). */
    public String probeFailedMessage(String driver, String device, int errno) {
        if (!has(KernelRule.PROBE_FAILURE_DEV_ERR)) {
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
        return has(KernelRule.NO_MOVE_CLEANUP_VECTOR) ? "0-19,29,50,128,236-255" : "0-19,29,32,50,128,236-255";
    }

    /**
     * FIRST_SYSTEM_VECTOR, the end of the allocation range: LOCAL_TIMER_VECTOR (0xec) in el8 and 6.1;
     * in 6.12 POSTED_MSI_NOTIFICATION_VECTOR (0xeb), whether or not posted MSI is configured.
     */
    public int defaultAllocEnd() {
        return has(KernelRule.POSTED_MSI_VECTOR) ? 0xeb : 0xec;
    }

    /** assign_irq_vector_any_locked() tries the affinity mask before the device's node (VD-1, v5.10). */
    public boolean vectorSearchAffinityBeforeNode() {
        return has(KernelRule.AFFINITY_BEFORE_NODE);
    }

    /** activate_reserved() warns when exhaustion breaks an interrupt's affinity (VD-2, v5.4). */
    public boolean warnsAffinityBroken() {
        return has(KernelRule.AFFINITY_BROKEN_WARNING);
    }

    /** migrate_one_irq() retries a failed non-managed migration with every online CPU (HP-2, v6.11). */
    public boolean migrationRetriesWithOnlineCpus() {
        return has(KernelRule.MIGRATION_RETRY_ONLINE);
    }

    /** Whether group_cpus_evenly() gives nodes vectors by their CPU ratio (AF-3); before, IrqLab has no model. */
    public boolean spreadsByNodeRatio() {
        return has(KernelRule.NODE_RATIO);
    }

    /** The machine defaults of the incident host's family: RHEL 8 on a server with interrupt remapping. */
    private boolean isRhel8() {
        return version.distribution() == KernelVersion.Distribution.RHEL && version.major() == 4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KernelRules other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
