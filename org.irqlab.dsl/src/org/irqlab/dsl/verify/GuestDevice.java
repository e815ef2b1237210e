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
 * @param bridge   which PCI bridge it sits behind (1 for the first)
 * @param slot     the device's slot on that bridge
 */
public record GuestDevice(int index, String typeName, DeviceSpec spec, int bridge, int slot) {

	/** Devices per bridge: a conventional PCI bus has 32 slots. */
	public static final int SLOTS_PER_BRIDGE = 32;

	public DeviceKind kind() {
		return spec.type();
	}

	/**
	 * The bridge's slot on the root bus. Slots 0 and 1 hold the host bridge and the PIIX3; bridges follow. The
	 * bus numbers behind them are the guest kernel's choice, so the init finds each device below its bridge.
	 */
	public int bridgeSlot() {
		return 1 + bridge;
	}

	/** Where the guest's sysfs shows it: its bridge's address and its own slot, e.g. "0000:00:02.0/0000:*:03.0". */
	public String sysfsPattern() {
		return String.format("0000:00:%02x.0/0000:*:%02x.0", bridgeSlot(), slot);
	}

	public boolean isVirtio() {
		return kind() == DeviceKind.VIRTIO_BLK || kind() == DeviceKind.VIRTIO_NET;
	}
}
