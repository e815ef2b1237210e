package org.irqlab.dsl.findings;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.AsyncProbeBounds;
import org.irqlab.kernel.Attempt;
import org.irqlab.kernel.CpuHotplugResult;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelMessage;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.dsl.simulation.DeviceRuns;
import org.irqlab.dsl.simulation.Errnos;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.ScenarioOutcome;

/** The validator's sentences: what happens, with the kernel's own words and the numbers behind it. */
final class CapacityMessages {

	private CapacityMessages() {
	}

	static String probeFails(List<EventOutcome> passes, DeviceRuns.Run failed, KernelRules rules) {
		DeviceResult sample = failed.sample();
		return which(passes, failed, "fails", "fail") + " to probe: " + Errnos.describe(sample.errno())
				+ kernelLine(sample) + ". " + attempts(sample) + why(passes) + KernelRuleNotes.ofFailure(sample, rules);
	}

	static String fallsBackToShared(List<EventOutcome> passes, DeviceRuns.Run shared, KernelRules rules) {
		DeviceResult sample = shared.sample();
		if (sample.type() == DeviceKind.NVME) {
			// nvme_setup_io_queues() with one vector: the admin queue and a single I/O queue share it
			return which(passes, shared, "falls", "fall") + " back to one MSI-X vector, " + sample.name()
					+ "q0, for the admin queue and a single I/O queue (" + actionsOf(sample)
					+ "), so the per-queue interrupts and their CPU affinity are lost. " + attempts(sample) + why(passes);
		}
		return which(passes, shared, "falls", "fall") + " back to shared MSI-X: one vector for all queues, so the"
				+ " per-queue interrupts and their CPU affinity are lost (" + sample.name() + "-virtqueues). "
				+ attempts(sample) + why(passes) + KernelRuleNotes.ofFallback(sample, rules);
	}

	/** "nvme171q0, nvme171q1": the handlers on a device's first vector. */
	private static String actionsOf(DeviceResult device) {
		return device.vectors().isEmpty() ? device.name() + "q0" : device.vectors().get(0).name();
	}

	/**
	 * "between 167 and 178 of the 200 nvme of this add get per-queue vectors; which ones varies from boot to
	 * boot: NVMe probes asynchronously ..."
	 */
	static String asyncProbeRange(List<EventOutcome> passes, EventOutcome pass, AsyncProbeBounds bounds) {
		String driver = deviceKind(pass.devices().get(0));
		String of = passes.size() > 1 ? " of the " + bounds.count() + " " + driver + " of pass " + (pass.pass() + 1)
				+ " of this add" : " of the " + bounds.count() + " " + driver + " of this add";
		return "between " + bounds.fewest() + " and " + bounds.most() + of + " get per-queue vectors; which ones"
				+ " varies from boot to boot: NVMe probes asynchronously, so controllers set up their queue vectors at"
				+ " the same time. " + bounds.most() + " is the order in which they set up one after the other (the"
				+ " order simulated here). " + bounds.fewest() + " is the order in which all hold their first admin"
				+ " vector (nvme_pci_enable()) and each sets up while one other controller per online CPU is half-way"
				+ " through reserving its queue vectors: the admin vector then goes to the CPU that looks emptiest,"
				+ " one the others have not reached yet, so admin vectors pile up on the CPUs that come last in the"
				+ " masks and those fill first. How far set-ups overlap is timing, not a kernel rule; Debian 6.1 guests"
				+ " of this kind (200 controllers, 16 CPUs in 2 nodes; range 167-178) fitted 170, 172 and 177, and a"
				+ " 6.12 guest on a busy host 165: the low end assumes one set-up in flight per online CPU, and more"
				+ " overlap fits fewer (docs/kernels.md, 1.9).";
	}

	static String fallsBackToIntx(List<EventOutcome> passes, DeviceRuns.Run intx) {
		return which(passes, intx, "falls", "fall") + " back to legacy INTx, shared with other devices on the line. "
				+ attempts(intx.sample()) + why(passes);
	}

	static String affinityBroken(long broken) {
		return broken + " vector" + (broken == 1 ? " was" : "s were")
				+ " placed outside the affinity asked for: \"Affinity broken due to vector space exhaustion.\"";
	}

	static String hotplugRefused(CpuHotplugResult result, boolean online) {
		String kernelSays = result.messages().isEmpty() ? "" : ": \"" + String.join("; ", result.messages()) + "\"";
		if (online) {
			return "CPU " + result.cpu() + " cannot come online: " + Errnos.describe(result.errno()) + kernelSays;
		}
		return "CPU " + result.cpu() + " cannot go offline: " + Errnos.describe(result.errno()) + kernelSays
				+ " (its vectors do not fit on the CPUs that stay online)";
	}

	/** What a CPU hotplug event did when the kernel let it happen. */
	static String hotplugDone(List<CpuHotplugResult> done, boolean online) {
		int moved = done.stream().mapToInt(CpuHotplugResult::moved).sum();
		int shutDown = done.stream().mapToInt(CpuHotplugResult::shutDown).sum();
		int restarted = done.stream().mapToInt(CpuHotplugResult::restarted).sum();
		int broken = done.stream().mapToInt(CpuHotplugResult::broken).sum();
		String cpus = CpuSet.of(done.stream().mapToInt(CpuHotplugResult::cpu).toArray()).toList();
		StringBuilder text = new StringBuilder("CPU").append(done.size() > 1 ? "s " : " ").append(cpus)
				.append(online ? " came online" : " went offline");
		if (online) {
			text.append(": ").append(restarted).append(" managed interrupt").append(restarted == 1 ? "" : "s")
					.append(" started again");
		} else {
			text.append(": ").append(moved).append(" interrupt").append(moved == 1 ? "" : "s")
					.append(" moved to other CPUs, ").append(shutDown).append(" managed interrupt")
					.append(shutDown == 1 ? "" : "s").append(" shut down (their whole mask went offline)");
			if (broken > 0) {
				text.append(", ").append(broken).append(" with their affinity broken");
			}
		}
		return text.toString();
	}

	static String headroom(ScenarioOutcome outcome, List<String> parts) {
		return "at the end: " + outcome.end().globalAvailable() + " free vectors (global_available) on "
				+ outcome.end().onlineMaps() + " online CPUs; " + String.join("; ", parts);
	}

	/**
	 * "virtio12 fails", "device 7 of this add (virtio12) fails", "devices 196..512 of this add fail";
	 * an add inside a `repeat` counts the devices of all its passes, in order.
	 */
	private static String which(List<EventOutcome> passes, DeviceRuns.Run run, String singular, String plural) {
		String first = run.sample().name();
		int total = passes.stream().mapToInt(pass -> pass.devices().size()).sum();
		String of = passes.size() > 1 ? " of the " + total + " this add makes over its repeats" : " of this add";
		if (total <= 1) {
			return first + " " + singular;
		}
		if (run.count() == 1) {
			return "device " + run.first() + of + " (" + first + ") " + singular;
		}
		String range = run.first() + ".." + run.last();
		return (run.contiguous() ? "devices " + range : run.count() + " devices between " + range) + of
				+ " (from " + first + ") " + plural;
	}

	/** The line the kernel printed that says the most: the genirq complaint, else the probe failure. */
	private static String kernelLine(DeviceResult device) {
		KernelMessage line = device.tellingLine();
		return line == null ? "" : ", \"" + line.text() + "\"";
	}

	/** The driver's interrupt setup, step by step: "Tried per-queue MSI-X: -ENOSPC (-28); INTx: -EBUSY (-16)." */
	private static String attempts(DeviceResult device) {
		List<String> steps = new ArrayList<>();
		for (Attempt attempt : device.attempts()) {
			steps.add(attempt.step().label() + ": " + (attempt.result() == 0 ? "ok" : Errnos.describe(attempt.result())));
		}
		return steps.isEmpty() ? "" : "Tried " + String.join("; ", steps) + ".";
	}

	/** Which CPUs had run out when the first device of the statement lost its per-queue vectors, and by what. */
	private static String why(List<EventOutcome> passes) {
		EventOutcome event = passes.stream().filter(pass -> pass.firstDegraded() != null).findFirst().orElse(null);
		if (event == null) {
			return "";
		}
		MatrixSnapshot matrix = event.firstDegraded();
		List<Integer> full = new ArrayList<>();
		MatrixSnapshot.CpuMap example = null;
		for (MatrixSnapshot.CpuMap cpu : matrix.cpus()) {
			if (cpu.online() && cpu.available() == 0) {
				full.add(cpu.cpu());
				example = example == null ? cpu : example;
			}
		}
		StringBuilder why = new StringBuilder(" Why: ");
		if (example == null) {
			why.append("every online CPU still had a free vector, but not every CPU of a queue's affinity mask could reserve one");
		} else {
			int usable = example.available() + example.managed() + example.allocated() - example.managedAllocated();
			why.append("CPU").append(full.size() > 1 ? "s " : " ")
					.append(CpuSet.of(full.stream().mapToInt(Integer::intValue).toArray()).toList())
					.append(full.size() > 1 ? " had" : " had").append(" no free vector (CPU ").append(example.cpu())
					.append(": ").append(usable).append(" usable, ").append(example.managed())
					.append(" reserved for managed interrupts, ")
					.append(example.allocated() - example.managedAllocated()).append(" allocated to others)");
		}
		DeviceResult costly = passes.stream().map(CapacityMessages::firstPerQueueDevice).filter(d -> d != null)
				.findFirst().orElse(null);
		if (costly != null) {
			long managedVectors = costly.vectors().stream().filter(VectorInfo::managed).count();
			long slots = (long) costly.before().globalAvailable() - costly.after().globalAvailable();
			why.append("; each ").append(deviceKind(costly)).append(" with per-queue vectors took ").append(slots)
					.append(" slots");
			if (managedVectors > 0) {
				why.append(": its ").append(managedVectors).append(" managed queue vector")
						.append(managedVectors == 1 ? "" : "s")
						.append(" reserve one slot on every CPU of their masks, whatever the queue count");
			}
		}
		return why.append('.').toString();
	}

	private static DeviceResult firstPerQueueDevice(EventOutcome event) {
		for (DeviceResult device : event.devices()) {
			if (device.path() == InterruptPath.PER_QUEUE_MSIX_MANAGED
					|| device.path() == InterruptPath.PER_QUEUE_MSIX_UNMANAGED) {
				return device;
			}
		}
		return null;
	}

	private static String deviceKind(DeviceResult device) {
		return switch (device.type()) {
			case VIRTIO_BLK -> "virtio_blk";
			case VIRTIO_NET -> "virtio_net";
			case NVME -> "nvme";
			case GENERIC_MSIX -> "device";
		};
	}
}
