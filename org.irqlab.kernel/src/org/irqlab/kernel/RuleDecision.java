package org.irqlab.kernel;

/**
 * Which side of one {@link KernelRule} a kernel is on, and on what ground.
 *
 * @param rule    the change
 * @param present whether the kernel has it
 * @param basis   how that was decided
 * @param why     the reason in words, for hovers and `check --format json`
 */
public record RuleDecision(KernelRule rule, boolean present, Basis basis, String why) {

    /** How a decision was made, from the surest to the least sure. */
    public enum Basis {
        /** The upstream version alone decides: the change is older, or newer, than the kernel's base. */
        UPSTREAM_VERSION("upstream version"),
        /** A stable point release of the kernel's line took the change. */
        STABLE_BACKPORT("stable backport"),
        /** A public source shows what this distribution's kernel does. */
        DISTRIBUTION_SOURCE("distribution source"),
        /** Nothing public says whether the distribution backported it: assumed as its upstream base. */
        ASSUMED("assumed");

        private final String label;

        Basis(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Whether the decision rests on an assumption a user may want to check on the real kernel. */
    public boolean uncertain() {
        return basis == Basis.ASSUMED;
    }

    /** "VP-1 virtio_pci gives up ...: yes (upstream 6.1 has it since v6.1, 71491c54eafa)". */
    public String summary() {
        return rule.id() + " " + rule.change() + ": " + (present ? "yes" : "no") + " (" + why + ")";
    }
}
