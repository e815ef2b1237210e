package org.irqlab.dsl.verify;

/**
 * Where the guest and the simulation disagree.
 *
 * @param step      0 for the guest's shape and boot state, else the step's number (1-based)
 * @param where     the step as the model names it ("line 12: add disk_a (3 of 16)"), or "boot"
 * @param subject   what differs: a device's interrupt ("virtio3-req.1"), a device, or the matrix
 * @param property  which of its properties ("effective CPU", "path", "global_available", ...)
 * @param guest     the guest's value
 * @param simulated IrqLab's value
 */
public record Difference(int step, String where, String subject, String property, String guest, String simulated) {

	public String describe() {
		return where + ": " + subject + " " + property + ": guest " + guest + ", IrqLab " + simulated;
	}
}
