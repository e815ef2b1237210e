/**
 * IrqLab's Linux x86 interrupt-vector simulator: predicts where each device interrupt lands and whether
 * the vector matrix holds when devices and CPUs come and go.
 *
 * <p>Entry points: build a {@link org.irqlab.kernel.MachineSpec} (CPUs, nodes, SMT, kernel profile, boot
 * load), create a {@link org.irqlab.kernel.Simulation} and apply events
 * ({@code addDevice}, {@code removeDevice}, {@code unbind}/{@code bind}, {@code offlineCpu}/{@code onlineCpu},
 * {@code runIrqbalance}); read {@link org.irqlab.kernel.DeviceResult}s, {@code snapshot()} and
 * the report layer's VECTOR file. {@link org.irqlab.kernel.Simulation#run} is the
 * one-call form for batch runs and benchmarks; {@link org.irqlab.kernel.CapacityEstimator} answers
 * "how many more fit".
 *
 * <p>Layering follows the kernel: {@code VectorMatrix} (kernel/irq/matrix.c), {@code VectorDomain}
 * (arch/x86/kernel/apic/vector.c), {@code IrqCore} (kernel/irq/manage.c, chip.c, cpuhotplug.c),
 * {@code GroupCpus} and {@code AffinitySpreader} (lib/group_cpus.c, kernel/irq/affinity.c), {@code MsiLayer}
 * (drivers/pci/msi, kernel/irq/msi.c), {@code VirtioPci} (drivers/virtio/virtio_pci_common.c) and the
 * drivers. Code here is a re-implementation from reading those sources, not a copy. Only java.* is used.
 *
 * <p>Measured: everything the real-kernel oracle (Debian 6.1 and 6.12 in QEMU) shows is reproduced exactly.
 * Inferred from the sources, not measured:
 * <ul>
 * <li>exhaustion on 6.x: the INTx lines 10 and 11 of a QEMU guest hold a boot reservation; the first request
 * on a line needs a free vector and later devices share it (read in 6.1.158 and 6.12.19, not the exact
 * Debian releases);</li>
 * <li>6.12: the SHARED_SLOW step passes the affinity descriptor a second time (pre_vectors counted twice),
 * the allocation range ends at 0xeb and vector 0x20 is no longer a system vector;</li>
 * <li>el8: no MSI reservation mode (from the report's -ENOSPC at allocation), the node-ratio spreading
 * (the report's stack shows ncpus_cmp_func), the pre-5.1 heapsort tie order;</li>
 * <li>a crash dump's counters say nothing about the per-CPU split: {@link org.irqlab.kernel.BootLoad#fromCrashDump}
 * documents the even split assumed;</li>
 * <li>irqbalance is count-based, and powersave gathers each node's interrupts on its first CPU as the field
 * report describes; vector moves release the old vector at once; IRQ numbers are the lowest free from a base
 * (24), without the kernel's hwirq hint; plain MSI (not MSI-X) is not modelled; CPU 0 never goes offline.</li>
 * </ul>
 */
package org.irqlab.kernel;
