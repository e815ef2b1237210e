package org.irqlab.dsl.verify;

/**
 * One thing the guest's init script does after boot, in scenario order, and after which both the guest
 * and the simulator are read back.
 *
 * @param action what is done
 * @param device the device's index in add order (probe, unbind, bind, remove), else -1
 * @param cpu    the CPU (offline, online), else -1
 * @param line   the model line of the event
 * @param label  how progress and the comparison name the step ("add disk_a (3 of 16)")
 */
public record GuestStep(Action action, int device, int cpu, int line, String label) {

	public enum Action {
		PROBE, UNBIND, BIND, REMOVE, OFFLINE, ONLINE
	}

	public boolean touchesDevice() {
		return device >= 0;
	}
}
