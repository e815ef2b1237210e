/**
 * IrqLab's Linux x86 interrupt-vector simulator: predicts where each device interrupt lands and whether
 * the vector matrix holds when devices and CPUs come and go.
 *
 * <p>Entry points: build a {@link org.irqlab.dsl.kernel.Machine} (CPUs, nodes, SMT, kernel profile, boot
 * load), create a {@link org.irqlab.dsl.kernel.Simulation} and apply events
 * ({@code addDevice}, {@code removeDevice}, {@code unbind}/{@code bind}, {@code offlineCpu}/{@code onlineCpu},
 * {@code runIrqbalance}); read {@link org.irqlab.dsl.kernel.DeviceResult}s, {@code snapshot()} and
 * {@link org.irqlab.dsl.kernel.VectorDebugfsFormatter}. {@link org.irqlab.dsl.kernel.Simulation#run} is the
 * one-call form for batch runs and benchmarks; {@link org.irqlab.dsl.kernel.CapacityEstimator} answers
 * "how many more fit".
 *
 * <p>Layering follows the kernel: {@code VectorMatrix} (kernel/irq/matrix.c), {@code VectorDomain}
 * (arch/x86/kernel/apic/vector.c), {@code IrqCore} (kernel/irq/manage.c, chip.c, cpuhotplug.c),
 * {@code GroupCpus} and {@code AffinitySpreader} (lib/group_cpus.c, kernel/irq/affinity.c), {@code MsiLayer}
 * (drivers/pci/msi, kernel/irq/msi.c), {@code VirtioPci} (drivers/virtio/virtio_pci_common.c) and the
 * drivers. Code here is a re-implementation from reading those sources, not a copy. Only java.* is used.
 */
package org.irqlab.dsl.kernel;
