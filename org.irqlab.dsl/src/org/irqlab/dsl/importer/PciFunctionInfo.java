package org.irqlab.dsl.importer;

import java.util.List;

/**
 * One PCI function under /sys/bus/pci/devices.
 *
 * @param driver   the bound driver's name (the `driver` link), or null
 * @param intxLine the `irq` file: the INTx line, 0 when the function has none; -1 when not captured
 * @param numaNode the `numa_node` file, -1 for none or not captured
 * @param msiIrqs  the irq numbers listed in msi_irqs
 */
public record PciFunctionInfo(String address, String driver, int intxLine, int numaNode, List<Integer> msiIrqs) {
}
