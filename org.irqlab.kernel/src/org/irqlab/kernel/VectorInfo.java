package org.irqlab.kernel;

/**
 * One interrupt of a device as /proc/interrupts and /proc/irq/N show it.
 *
 * @param name         the action name, e.g. "virtio7-req.0", "virtio8-virtqueues", "nvme0q3"
 * @param queue        the part after the device name ("config", "req.0", "input.1"), or the name itself
 * @param irq          Linux irq number
 * @param managed      kernel-managed affinity
 * @param affinity     smp_affinity_list (a pending move shows its target, like the kernel)
 * @param effectiveCpu CPU holding the vector, -1 when none (reserved, or managed and shut down)
 * @param vector       vector number on that CPU, 0 when none
 * @param requested    whether a handler is installed (request_irq succeeded)
 */
public record VectorInfo(String name, String queue, int irq, boolean managed, CpuSet affinity, int effectiveCpu,
        int vector, boolean requested) {
}
