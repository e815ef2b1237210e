package org.irqlab.dsl.verify;

import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.DeviceSpec;

/**
 * One PCI function of the guest, in the order the scenario adds it. The guest holds every device from
 * boot, behind PCI bridges in this order, and the init script probes each one when the scenario adds it.
 *
 * @param index    0-based position in the scenario's add order
 * @param typeName the model's device type
 * @param spec     the simulator's description of the type
 * @param bus      the PCI bus number the kernel gives the device's bridge (1 for the first bridge)
 * @param slot     the device's slot on that bridge
 */
public record GuestDevice(int index, String typeName, DeviceSpec spec, int bus, int slot) {

	/** Devices per bridge: a conventional PCI bus has 32 slots. */
	public static final int SLOTS_PER_BRIDGE = 32;

	public DeviceKind kind() {
		return spec.type();
	}

	/** The PCI address the guest kernel gives it ("0000:01:03.0"). */
	public String pciAddress() {
		return String.format("0000:%02x:%02x.0", bus, slot);
	}

	public boolean isVirtio() {
		return kind() == DeviceKind.VIRTIO_BLK || kind() == DeviceKind.VIRTIO_NET;
	}
}
