package org.irqlab.kernel;

import java.util.EnumMap;
import java.util.Map;

import org.irqlab.kernel.KernelVersion.Distribution;
import org.irqlab.kernel.RuleDecision.Basis;

/**
 * Decides for a kernel which side of every {@link KernelRule} it is on: by its upstream base, the stable
 * backports its line took, and what public sources show of a distribution's own backports. Where nothing
 * public tells, the decision is the upstream base's and is marked {@link Basis#ASSUMED}, so that hovers and
 * reports can say which rule is uncertain instead of guessing silently.
 */
public final class KernelRuleBook {

    private KernelRuleBook() {
    }

    public static Map<KernelRule, RuleDecision> decide(KernelVersion v) {
        Map<KernelRule, RuleDecision> decisions = new EnumMap<>(KernelRule.class);
        for (KernelRule rule : KernelRule.values()) {
            decisions.put(rule, decide(rule, v));
        }
        return decisions;
    }

    static RuleDecision decide(KernelRule rule, KernelVersion v) {
        String base = "upstream " + v.major() + "." + v.minor();
        if (v.atLeast(rule.firstRelease())) {
            return new RuleDecision(rule, true, Basis.UPSTREAM_VERSION,
                    base + " has it (" + rule.firstReleaseText() + ", " + rule.commit() + ")");
        }
        RuleDecision known = distributionSource(rule, v);
        if (known != null) {
            return known;
        }
        if (v.distribution().followsStable()) {
            for (KernelRule.StableBackport b : rule.stable()) {
                if (b.line() == v.base()) {
                    return stable(rule, v, b);
                }
            }
        }
        if (v.distribution() == Distribution.UPSTREAM || v.distribution().followsStable()) {
            return new RuleDecision(rule, false, Basis.UPSTREAM_VERSION,
                    base + " predates it (" + rule.firstReleaseText() + ", " + rule.commit() + ")");
        }
        return new RuleDecision(rule, false, Basis.ASSUMED, v.describe() + ": whether it was backported is not"
                + " publicly known; assumed as " + base + ", which predates it (" + rule.firstReleaseText() + ")");
    }

    private static RuleDecision stable(KernelRule rule, KernelVersion v, KernelRule.StableBackport b) {
        String line = v.major() + "." + v.minor() + ".y";
        String evidence = b.verified() ? "stable review mail" : "inferred from the neighbouring stable lines";
        if (v.sublevel() == 0) {
            return new RuleDecision(rule, false, Basis.STABLE_BACKPORT, line + " took it in a later point release;"
                    + " " + v.major() + "." + v.minor() + ".0 is the release itself, which predates it ("
                    + rule.firstReleaseText() + ", " + rule.commit() + ")");
        }
        if (b.sublevel() >= 0 && v.sublevel() >= 0) {
            boolean has = v.sublevel() >= b.sublevel();
            return new RuleDecision(rule, has, Basis.STABLE_BACKPORT, line + " took it in " + v.major() + "." + v.minor()
                    + "." + b.sublevel() + " (" + evidence + "); this is " + v.major() + "." + v.minor() + "."
                    + v.sublevel());
        }
        if (v.sublevel() >= 0) {
            return new RuleDecision(rule, true, Basis.ASSUMED, line + " took it (" + evidence
                    + "), in a point release not determined: assumed present in " + v.major() + "." + v.minor() + "."
                    + v.sublevel());
        }
        return new RuleDecision(rule, true, Basis.STABLE_BACKPORT, line + " took it (" + evidence
                + "; current point releases have it)");
    }

    /** What public sources show of RHEL 8's own kernels (docs/kernels.md, "Distribution kernels"). */
    private static RuleDecision distributionSource(KernelRule rule, KernelVersion v) {
        if (v.distribution() != Distribution.RHEL || v.major() != 4 || v.minor() != 18) {
            return null;
        }
        int minor = rhel8Minor(v.release());
        String name = "RHEL " + (v.release() == null ? "8" : v.release());
        if (rule == KernelRule.NODE_RATIO && minor >= 4) {
            boolean seen = minor == 4;
            return new RuleDecision(rule, true, seen ? Basis.DISTRIBUTION_SOURCE : Basis.ASSUMED, seen
                    ? name + " backported it: a 4.18.0-305 call trace (quoted in upstream 71491c54eafa) shows ncpus_cmp_func"
                    : name + ": RHEL 8.4 backported it (4.18.0-305 call trace); assumed kept in later minor releases");
        }
        if (rule == KernelRule.INTX_CHECK && minor == 4) {
            return new RuleDecision(rule, false, Basis.DISTRIBUTION_SOURCE, name
                    + " lacks it: upstream 71491c54eafa quotes 4.18.0-305 requesting irq 0 from vp_find_vqs()");
        }
        boolean inEl81Tree = rule == KernelRule.NODE_RATIO || rule == KernelRule.EMPTY_MASK_EINVAL
                || rule == KernelRule.ALLOCATED_EXCLUDES_MANAGED || rule == KernelRule.AFFINITY_BEFORE_NODE
                || rule == KernelRule.AFFINITY_BROKEN_WARNING || rule == KernelRule.PER_VECTOR_ACTIVATION;
        if (minor == 1 && inEl81Tree) {
            return new RuleDecision(rule, false, Basis.DISTRIBUTION_SOURCE, name + " lacks it (read in its 4.18.0-147 sources)");
        }
        return null;
    }

    private static int rhel8Minor(String release) {
        if (release == null || !release.startsWith("8.")) {
            return -1;
        }
        try {
            return Integer.parseInt(release.substring(2));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
