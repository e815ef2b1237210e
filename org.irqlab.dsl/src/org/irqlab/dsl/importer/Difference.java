package org.irqlab.dsl.importer;

/**
 * One place where the simulated end state and the captured host disagree.
 *
 * @param subject what differs: "matrix", "CPUs 3,7", "virtio4", "virtio4-req.0"
 * @param what    which value: "act", "effective CPU", "present"
 * @param model   the model's value, as text
 * @param machine the machine's value, as text
 */
public record Difference(String subject, String what, String model, String machine) {

	@Override
	public String toString() {
		return subject + ": " + what + ": model " + model + ", machine " + machine;
	}
}
