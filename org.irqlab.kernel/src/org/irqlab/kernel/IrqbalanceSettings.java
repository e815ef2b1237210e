package org.irqlab.kernel;

/**
 * What the irqbalance daemon is told (IRQBALANCE_BANNED_CPULIST, --powerthresh). Only what changes vector
 * placement is modelled; see {@link Irqbalance}.
 */
public record IrqbalanceSettings(boolean enabled, CpuSet bannedCpus, boolean powersave) {
    public IrqbalanceSettings {
        bannedCpus = bannedCpus == null ? CpuSet.empty() : bannedCpus;
    }

    public static IrqbalanceSettings disabled() {
        return new IrqbalanceSettings(false, CpuSet.empty(), false);
    }

    public static IrqbalanceSettings enabled(CpuSet banned) {
        return new IrqbalanceSettings(true, banned, false);
    }

    public IrqbalanceSettings withPowersave(boolean on) {
        return new IrqbalanceSettings(enabled, bannedCpus, on);
    }
}
