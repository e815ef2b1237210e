package org.irqlab.kernel;

import java.util.List;

/**
 * Every upstream change between v4.15 and the newest checked release that alters what the simulator
 * computes, with the commit that made it and the first release that has it. docs/kernels.md shows the same
 * table with the evidence for each row; {@link KernelRuleBook} decides per kernel which side it is on.
 */
public enum KernelRule {
    EMPTY_MASK_EINVAL("MX-1", "irq_matrix_alloc() refuses an empty CPU mask with -EINVAL (before: -ENOSPC)",
            "784a0830377d", 5009, List.of(new StableBackport(4019, -1, true), new StableBackport(5008, -1, true))),
    ALLOCATED_EXCLUDES_MANAGED("MX-2",
            "irq_matrix_allocated() leaves managed vectors out, so they no longer block taking a CPU offline",
            "a0b0bad10587", 6007, List.of(new StableBackport(4019, 298, true), new StableBackport(5004, -1, true),
                    new StableBackport(6006, -1, true), new StableBackport(6001, -1, false),
                    new StableBackport(5010, -1, false), new StableBackport(5015, -1, false))),
    AFFINITY_BEFORE_NODE("VD-1",
            "assign_irq_vector_any_locked() tries the affinity mask before the device's node (before: node first)",
            "190113b4c653", 5010, List.of(new StableBackport(5004, 84, true))),
    AFFINITY_BROKEN_WARNING("VD-2", "\"Affinity broken due to vector space exhaustion\" is printed", "743dac494d61",
            5004, List.of()),
    NO_MOVE_CLEANUP_VECTOR("VD-3", "moved vectors are cleaned up by a timer: vector 32 is no longer a system vector",
            "bdc1dad299bb", 6006, List.of()),
    POSTED_MSI_VECTOR("VD-4", "the allocation range ends at 0xeb (POSTED_MSI_NOTIFICATION_VECTOR) instead of 0xec",
            "f5a3562ec9dd", 6010, List.of()),
    NODE_RATIO("AF-3", "affinity spreading gives each NUMA node vectors in proportion to its CPUs",
            "b1a5a73e64e9", 5004, List.of()),
    SORT_BOTTOM_UP("AF-8a", "lib/sort.c's heapsort is the bottom-up variant (decides equal nodes' order)",
            "(hash not determined)", 5001, List.of()),
    SORT_DOUBLE_POP("AF-8b", "lib/sort.c's heapsort pops two elements per round (equal nodes' order changes)",
            "0e02ca29a563", 6010, List.of()),
    PER_VECTOR_ACTIVATION("MSI-1/2",
            "each MSI-X vector is activated right after its own allocation, and a partial allocation is retried",
            "890337624e1f, ef8dd01538ea", 5017, List.of()),
    INTX_CHECK("VP-1", "virtio_pci gives up instead of requesting INTx when the device has no interrupt line",
            "71491c54eafa, 2145ab513e3b", 6001, List.of()),
    SHARED_SLOW("VP-2", "virtio_pci tries a SHARED_SLOW step (config vector shared with slow-path queues) before SHARED",
            "06909a4427d6", 6011, List.of()),
    NUM_REQUEST_QUEUES("BLK-1", "virtio_blk has the num_request_queues parameter", "1a662cf6cb9a", 5016, List.of()),
    POLL_QUEUES("BLK-2", "virtio_blk has poll queues (poll_queues) and prints \"default/read/poll queues\"",
            "4e0400525691", 5019, List.of()),
    NVME_NODELESS_STAYS("NVME-2",
            "nvme no longer moves a device without a NUMA node to the first memory node",
            "dad651b2a44e", 6006, List.of(new StableBackport(6005, 6, true), new StableBackport(6001, 56, true),
                    new StableBackport(5015, 134, true), new StableBackport(5010, 198, true),
                    new StableBackport(5004, 258, true), new StableBackport(4019, 296, true))),
    MIGRATION_RETRY_ONLINE("HP-2",
            "a CPU going offline retries a failed non-managed migration with every online CPU",
            "88d724e2301a", 6011, List.of(new StableBackport(6006, -1, true))),
    PROBE_FAILURE_DEV_ERR("DD-1",
            "the driver core reports a failed probe as \"<driver> <device>: probe with driver <driver> failed\"",
            "32de4b4f9dfa", 6010, List.of());

    /**
     * A stable kernel line that took the change.
     *
     * @param line     the line, as major * 1000 + minor
     * @param sublevel the first point release with it, -1 when not determined
     * @param verified whether a stable review mail or changelog shows it (else inferred: the lines around it took it)
     */
    public record StableBackport(int line, int sublevel, boolean verified) {
    }

    private final String id;
    private final String change;
    private final String commit;
    private final int firstRelease;
    private final List<StableBackport> stable;

    KernelRule(String id, String change, String commit, int firstRelease, List<StableBackport> stable) {
        this.id = id;
        this.change = change;
        this.commit = commit;
        this.firstRelease = firstRelease;
        this.stable = stable;
    }

    /** The row in docs/kernels.md. */
    public String id() {
        return id;
    }

    /** What the kernel does once it has the change. */
    public String change() {
        return change;
    }

    public String commit() {
        return commit;
    }

    /** The first upstream release with the change, as major * 1000 + minor. */
    public int firstRelease() {
        return firstRelease;
    }

    public String firstReleaseText() {
        return "v" + firstRelease / 1000 + "." + firstRelease % 1000;
    }

    public List<StableBackport> stable() {
        return stable;
    }
}
