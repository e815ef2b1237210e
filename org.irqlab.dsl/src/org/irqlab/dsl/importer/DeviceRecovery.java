package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recovers the virtio and NVMe devices a host has from the names their drivers give their interrupts:
 * virtio_pci names them DEVICE-QUEUE (virtio7-req.0, virtio7-config, virtio8-input.0) or DEVICE-virtqueues
 * when the queues share a vector, and the device name alone on INTx; nvme names them nvme0q0 (admin) to
 * nvme0qN. Other interrupts stay part of the machine's load only.
 */
public final class DeviceRecovery {

	private static final Pattern VIRTIO = Pattern.compile("(virtio\\d+)(?:-(.+))?");
	private static final Pattern NVME = Pattern.compile("(nvme\\d+)q(\\d+)");
	static final String VIRTIO_DIR = "sys/bus/virtio/devices/";

	private DeviceRecovery() {
	}

	public static List<PresentDevice> recover(InterruptsTable interrupts, IrqAffinities affinities,
			List<PciFunctionInfo> pci, CaptureRoot root) throws InputError {
		Map<String, List<PresentDevice.Vector>> byDevice = new LinkedHashMap<>();
		for (InterruptsTable.Row row : interrupts.rows()) {
			for (String action : row.actions()) {
				String device = deviceOf(action);
				if (device != null) {
					CaptureNumbers.parseInt(interrupts.file(), row.line(), device.replaceAll("\\D", ""),
							CaptureNumbers.DEVICE_INDEX);
					IrqAffinities.Affinity affinity = affinities.of(row.irq()).orElse(null);
					byDevice.computeIfAbsent(device, d -> new ArrayList<>())
							.add(new PresentDevice.Vector(action, queueOf(action), row.irq(),
									affinity == null ? null : affinity.affinity(),
									affinity == null ? -1 : affinity.effectiveCpu()));
				}
			}
		}
		List<PresentDevice> devices = new ArrayList<>();
		for (Map.Entry<String, List<PresentDevice.Vector>> entry : byDevice.entrySet()) {
			devices.add(device(entry.getKey(), entry.getValue(), pci, root));
		}
		return List.copyOf(devices);
	}

	/** virtio7 for virtio7-req.0 and virtio7, nvme0 for nvme0q3; null for other drivers' interrupts. */
	static String deviceOf(String action) {
		Matcher virtio = VIRTIO.matcher(action);
		if (virtio.matches()) {
			return virtio.group(1);
		}
		Matcher nvme = NVME.matcher(action);
		return nvme.matches() ? nvme.group(1) : null;
	}

	private static String queueOf(String action) {
		Matcher virtio = VIRTIO.matcher(action);
		if (virtio.matches()) {
			return virtio.group(2) == null ? "intx" : virtio.group(2);
		}
		Matcher nvme = NVME.matcher(action);
		return nvme.matches() ? "q" + nvme.group(2) : action;
	}

	private static PresentDevice device(String name, List<PresentDevice.Vector> vectors, List<PciFunctionInfo> pci,
			CaptureRoot root) throws InputError {
		PciFunctionInfo function = functionOf(vectors, pci);
		if (name.startsWith("nvme")) {
			int ioQueues = (int) vectors.stream().filter(v -> !v.queue().equals("q0")).count();
			return new PresentDevice(name, PresentDevice.Kind.NVME, ioQueues, PresentDevice.Path.PER_QUEUE, vectors,
					function);
		}
		long requests = vectors.stream().filter(v -> v.queue().startsWith("req.")).count();
		long inputs = vectors.stream().filter(v -> v.queue().startsWith("input.")).count();
		boolean shared = vectors.stream().anyMatch(v -> v.queue().equals("virtqueues"));
		boolean intx = vectors.stream().anyMatch(v -> v.queue().equals("intx"));
		PresentDevice.Path path = intx ? PresentDevice.Path.INTX
				: shared ? PresentDevice.Path.SHARED : PresentDevice.Path.PER_QUEUE;
		PresentDevice.Kind kind;
		int queues;
		if (requests > 0) {
			kind = PresentDevice.Kind.VIRTIO_BLK;
			queues = (int) requests;
		} else if (inputs > 0) {
			kind = PresentDevice.Kind.VIRTIO_NET;
			queues = (int) inputs;
		} else {
			kind = kindFromDriver(root, name);
			queues = kind == PresentDevice.Kind.VIRTIO_BLK ? blockQueues(root, name) : 0;
		}
		return new PresentDevice(name, kind, queues, path, vectors, function);
	}

	private static PciFunctionInfo functionOf(List<PresentDevice.Vector> vectors, List<PciFunctionInfo> pci) {
		for (PciFunctionInfo function : pci) {
			for (PresentDevice.Vector vector : vectors) {
				if (function.msiIrqs().contains(vector.irq())
						|| (vector.queue().equals("intx") && function.intxLine() == vector.irq())) {
					return function;
				}
			}
		}
		return null;
	}

	// the virtio device's own driver link: /sys/bus/virtio/devices/virtioN/driver -> virtio_blk
	private static PresentDevice.Kind kindFromDriver(CaptureRoot root, String name) throws InputError {
		Optional<String> driver = root.linkName(VIRTIO_DIR + name + "/driver");
		if (driver.isPresent() && driver.get().equals("virtio_blk")) {
			return PresentDevice.Kind.VIRTIO_BLK;
		}
		if (driver.isPresent() && driver.get().equals("virtio_net")) {
			return PresentDevice.Kind.VIRTIO_NET;
		}
		return PresentDevice.Kind.OTHER_VIRTIO;
	}

	// blk-mq's hardware queues: /sys/bus/virtio/devices/virtioN/block/vdX/mq/0..N-1
	private static int blockQueues(CaptureRoot root, String name) throws InputError {
		for (String disk : root.list(VIRTIO_DIR + name + "/block")) {
			List<String> queues = root.list(VIRTIO_DIR + name + "/block/" + disk + "/mq");
			if (!queues.isEmpty()) {
				return (int) queues.stream().filter(q -> q.chars().allMatch(Character::isDigit)).count();
			}
		}
		return 0;
	}
}
