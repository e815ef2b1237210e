package org.irqlab.dsl.verify;

/**
 * One thing the guest's init script does after boot, in scenario order, and after which both the guest
 * and the simulator are read back.
 *
 * @param action what is done
 * @param device the device's index in add order (probe, unbind, bind, remove), the first one's for devices
 *               probed together, else -1
 * @param count  how many devices from {@code device} on the step probes (more than one only for NVMe
 *               controllers probed together)
 * @param cpu    the CPU (offline, online), else -1
 * @param line   the model line of the event
 * @param label  how progress and the comparison name the step ("add disk_a (3 of 16)")
 */
public record GuestStep(Action action, int device, int count, int cpu, int line, String label) {

	public enum Action {
		PROBE,
		/** NVMe controllers of one `add`, probed all at once: their probes overlap as in an asynchronous probe. */
		PROBE_TOGETHER, UNBIND, BIND, REMOVE, OFFLINE, ONLINE
	}

	public GuestStep(Action action, int device, int cpu, int line, String label) {
		this(action, device, 1, cpu, line, label);
	}

	public boolean touchesDevice() {
		return device >= 0;
	}

	/** The index after the last device the step touches. */
	public int endDevice() {
		return device + count;
	}
}
