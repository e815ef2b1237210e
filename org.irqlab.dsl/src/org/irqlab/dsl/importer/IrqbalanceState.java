package org.irqlab.dsl.importer;

import java.util.List;

import org.irqlab.kernel.CpuSet;

/**
 * irqbalance as the host runs it.
 *
 * @param running  whether an irqbalance process was found
 * @param banned   the CPUs it leaves alone: its configuration's banned CPUs plus isolcpus and nohz_full
 * @param notes    where each part came from, for the model's comments
 */
public record IrqbalanceState(boolean running, CpuSet banned, List<String> notes) {
}
