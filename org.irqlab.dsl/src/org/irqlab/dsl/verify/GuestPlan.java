package org.irqlab.dsl.verify;

import java.util.List;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.MachineSpec;

/**
 * A guest shaped like a scenario's machine, and the scenario's events as steps of its init script.
 *
 * @param scenario       the scenario's name
 * @param machine        the machine as the model describes it (CPUs, nodes, SMT siblings, kernel rules)
 * @param devices        every device the scenario adds, in order
 * @param steps          what the init script does, in order
 * @param moduleParameters parameters of the driver modules ("virtio_blk num_request_queues=2"), one per line
 * @param notes          where the model describes something the guest cannot be (a device's NUMA node):
 *                       verified anyway, said before the comparison
 */
public record GuestPlan(String scenario, MachineSpec machine, List<GuestDevice> devices, List<GuestStep> steps,
		List<String> moduleParameters, List<String> notes) {

	public int cpus() {
		return machine.nrCpuIds();
	}

	public int nodes() {
		return machine.nrNodeIds();
	}

	public CpuSet nodeCpus(int node) {
		return machine.nodeCpus(node);
	}

	/** Threads per core QEMU is told: 1, or the model's `smt N adjacent`. */
	public int threadsPerCore() {
		return machine.smtSiblings(0).size();
	}

	/** Bridges needed for the devices. */
	public int bridges() {
		return devices.isEmpty() ? 0 : devices.get(devices.size() - 1).bridge();
	}

	/**
	 * Guest memory: room for the kernel, the initramfs and per-CPU and per-device structures, a multiple of the
	 * node count (QEMU wants the nodes' memory to add up to it exactly). An NVMe controller's I/O queues need about
	 * a MiB each (their request tags and queue memory): 200 controllers of 16 queues set up together ran a guest
	 * of 776 MiB out of memory in nvme_reset_work().
	 */
	public int memoryMiB() {
		int nvmeQueues = devices.stream().filter(d -> d.kind() == org.irqlab.kernel.DeviceKind.NVME)
				.mapToInt(d -> d.spec().queues() + 1).sum();
		int needed = 512 + 4 * cpus() + devices.size() + nvmeQueues;
		return (needed + nodes() - 1) / nodes() * nodes();
	}
}
