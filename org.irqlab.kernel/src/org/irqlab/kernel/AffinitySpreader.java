package org.irqlab.kernel;

/**
 * Builds the per-vector affinity of a multi-vector allocation, like kernel/irq/affinity.c: vectors before
 * and after the spread range get the default affinity and stay unmanaged; the others get a
 * group_cpus_evenly() mask each and are managed.
 */
final class AffinitySpreader {
    private final GroupCpus groups;
    private final CpuSet defaultAffinity;
    private final int possibleCount;

    AffinitySpreader(GroupCpus groups, MachineSpec machine) {
        this.groups = groups;
        this.defaultAffinity = machine.defaultAffinity();
        this.possibleCount = machine.possibleCpus().size();
    }

    /** Affinity of one vector of a block: its mask and whether it is managed. */
    record Desc(CpuSet mask, boolean managed) {
    }

    // mirrors irq_create_affinity_masks(): null when nothing needs spreading (then nothing is managed)
    Desc[] createMasks(int nvecs, IrqAffinity affd) {
        int reserved = affd.preVectors + affd.postVectors;
        int affvecs = nvecs > reserved ? nvecs - reserved : 0;
        int[] sets = affd.calcSets == null ? new int[] {affvecs} : affd.calcSets.apply(affvecs);
        if (affvecs == 0) {
            return null;
        }
        Desc[] masks = new Desc[nvecs];
        Desc unmanaged = new Desc(defaultAffinity, false);
        int curvec = 0;
        for (; curvec < affd.preVectors; curvec++) {
            masks[curvec] = unmanaged;
        }
        int usedvecs = 0;
        for (int size : sets) {
            CpuSet[] result = groups.groupEvenly(size);
            for (int j = 0; j < size; j++) {
                masks[curvec + j] = new Desc(result[j], true);
            }
            curvec += size;
            usedvecs += size;
        }
        curvec = affd.preVectors + Math.min(usedvecs, affvecs);
        for (; curvec < nvecs; curvec++) {
            masks[curvec] = unmanaged;
        }
        for (int i = affd.preVectors; i < nvecs - affd.postVectors; i++) {
            if (!masks[i].managed()) {
                masks[i] = new Desc(masks[i].mask(), true);
            }
        }
        return masks;
    }

    // mirrors irq_calc_affinity_vectors(): how many vectors are worth asking for
    int calcAffinityVectors(int minvec, int maxvec, IrqAffinity affd) {
        int resv = affd.preVectors + affd.postVectors;
        if (resv > minvec) {
            return 0;
        }
        int setVecs = affd.calcSets != null ? maxvec - resv : possibleCount;
        return resv + Math.min(setVecs, maxvec - resv);
    }
}
