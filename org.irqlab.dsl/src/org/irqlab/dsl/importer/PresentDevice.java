package org.irqlab.dsl.importer;

import java.util.List;

import org.irqlab.kernel.CpuSet;

/**
 * A virtio or NVMe device the host already has, recovered from its interrupts' names.
 *
 * @param name     the kernel's name: virtio7, nvme0
 * @param kind     which driver drives it, as far as the names and sysfs tell
 * @param queues   request queues (virtio_blk), queue pairs (virtio_net), I/O queues (nvme); 0 when unknown
 * @param path     how it is interrupted
 * @param vectors  its interrupts, in /proc/interrupts order
 * @param pci      its PCI function, or null when the capture does not hold one with its interrupts
 */
public record PresentDevice(String name, Kind kind, int queues, Path path, List<Vector> vectors,
		PciFunctionInfo pci) {

	/** Which driver drives it; ImportedDevices maps the three the language knows to its Driver literals. */
	public enum Kind {
		VIRTIO_BLK, VIRTIO_NET, NVME, OTHER_VIRTIO
	}

	public enum Path {
		/** One vector per queue (virtio7-req.0, nvme0q3, virtio8-input.0). */
		PER_QUEUE("per-queue vectors"),
		/** virtio's config vector plus one shared by all queues (virtio7-virtqueues). */
		SHARED("one vector shared by all queues (virtqueues)"),
		/** The legacy INTx line, named after the device alone. */
		INTX("INTx");

		private final String description;

		Path(String description) {
			this.description = description;
		}

		public String description() {
			return description;
		}
	}

	/**
	 * One interrupt of the device.
	 *
	 * @param effectiveCpu the CPU holding its vector, -1 when none or unknown
	 * @param affinity     its smp_affinity_list, null when not captured
	 */
	public record Vector(String action, String queue, int irq, CpuSet affinity, int effectiveCpu) {
	}

	/** The number in the name (7 for virtio7). */
	public int index() {
		return Integer.parseInt(name.replaceAll("\\D", ""));
	}
}
