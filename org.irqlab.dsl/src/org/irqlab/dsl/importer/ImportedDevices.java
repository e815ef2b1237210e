package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.irqlab.dsl.model.Driver;

/**
 * The devices of an imported model: the ones present on the host, described for the model's comments, and
 * device types shaped like them for the scenario. ModelWriter.xtend spells them.
 */
public final class ImportedDevices {

	/**
	 * A device type for the scenario, with the present devices it was made from.
	 *
	 * @param numa  the NUMA node, or null for none
	 * @param intx  the INTx line, or null for none
	 * @param notes comments above the type, each starting with "guess: "
	 */
	public record Shape(String name, PresentDevice.Kind kind, int queues, Integer numa, Integer intx, List<String> notes,
			List<PresentDevice> examples) {

		public Driver driver() {
			return switch (kind) {
				case VIRTIO_BLK -> Driver.VIRTIO_BLK;
				case VIRTIO_NET -> Driver.VIRTIO_NET;
				case NVME -> Driver.NVME;
				case OTHER_VIRTIO -> throw new IllegalStateException("no device type for " + kind);
			};
		}

		/** "virtio1, virtio2" */
		public String exampleNames() {
			return examples.stream().map(PresentDevice::name).collect(Collectors.joining(", "));
		}

		/** "2 request queues" */
		public String description() {
			return switch (kind) {
				case VIRTIO_BLK -> count(queues, "request queue");
				case VIRTIO_NET -> count(queues, "queue pair");
				default -> count(queues, "I/O queue") + " and the admin queue";
			};
		}

		/** The examples that did not get per-queue vectors. */
		public List<PresentDevice> degradedExamples() {
			return examples.stream().filter(e -> e.path() != PresentDevice.Path.PER_QUEUE).toList();
		}
	}

	private final List<String> present;
	private final List<Shape> types;

	private ImportedDevices(List<String> present, List<Shape> types) {
		this.present = present;
		this.types = types;
	}

	public static ImportedDevices of(HostCapture host) {
		List<String> present = host.devices().stream().map(ImportedDevices::presentLine).toList();
		return new ImportedDevices(present, shapes(host.devices()));
	}

	/** One line per device present: "virtio1 (0000:00:04.0, virtio-pci): virtio_blk, 2 request queues, ...". */
	public List<String> present() {
		return present;
	}

	/** The device types, in the order of the devices they were first made from. */
	public List<Shape> types() {
		return types;
	}

	/** What the types' comments assume, in their order, without the "guess: " prefix. */
	public List<String> guesses() {
		return types.stream().flatMap(t -> t.notes().stream()).filter(n -> n.startsWith("guess: "))
				.map(n -> n.substring(7)).toList();
	}

	private static List<Shape> shapes(List<PresentDevice> devices) {
		Map<String, Shape> types = new LinkedHashMap<>();
		for (PresentDevice device : devices) {
			if (device.kind() == PresentDevice.Kind.OTHER_VIRTIO) {
				continue;
			}
			List<String> notes = new ArrayList<>();
			int queues = device.queues();
			if (queues < 1) {
				queues = 1;
				notes.add("guess: " + device.name() + " shares one vector among its queues, so the capture does not show"
						+ " how many it has; 1 assumed");
			}
			Integer numa = numaOf(device, notes);
			Integer intx = intxOf(device, notes);
			String base = switch (device.kind()) {
				case VIRTIO_BLK -> "blk_" + queues + "q";
				case VIRTIO_NET -> "net_" + queues + "q";
				default -> "nvme_" + queues + "q";
			};
			String name = base;
			for (int n = 2; types.containsKey(name) && !sameShape(types.get(name), device.kind(), queues, numa, intx); n++) {
				name = base + "_" + n;
			}
			Shape shape = types.get(name);
			if (shape == null) {
				shape = new Shape(name, device.kind(), queues, numa, intx, notes, new ArrayList<>());
				types.put(name, shape);
			}
			shape.examples().add(device);
		}
		return List.copyOf(types.values());
	}

	private static boolean sameShape(Shape shape, PresentDevice.Kind kind, int queues, Integer numa, Integer intx) {
		return shape.kind() == kind && shape.queues() == queues && Objects.equals(shape.numa(), numa)
				&& Objects.equals(shape.intx(), intx);
	}

	private static Integer numaOf(PresentDevice device, List<String> notes) {
		if (device.pci() == null) {
			notes.add("guess: no PCI function of " + device.name() + " captured: its NUMA node is unknown, none assumed");
			return null;
		}
		return device.pci().numaNode() < 0 ? null : device.pci().numaNode();
	}

	private static Integer intxOf(PresentDevice device, List<String> notes) {
		if (device.pci() == null || device.pci().intxLine() < 0) {
			notes.add("guess: " + device.name() + "'s INTx line is unknown (no irq file captured): none assumed");
			return null;
		}
		int line = device.pci().intxLine();
		if (line == 0) {
			return null;
		}
		if (line > 255) {
			notes.add("guess: " + device.name() + "'s irq file shows " + line + ", an MSI interrupt, not its INTx line: none assumed");
			return null;
		}
		return line;
	}

	private static String presentLine(PresentDevice device) {
		return device.name() + (device.pci() == null ? "" : " (" + device.pci().address()
				+ (device.pci().driver() == null ? "" : ", " + device.pci().driver()) + ")") + ": " + describe(device);
	}

	private static String describe(PresentDevice device) {
		String vectors = device.vectors().stream().map(v -> v.queue().equals("intx") ? "irq " + v.irq()
				: v.action() + (v.effectiveCpu() >= 0 ? " on CPU " + v.effectiveCpu() : ""))
				.collect(Collectors.joining(", "));
		String what = switch (device.kind()) {
			case VIRTIO_BLK -> "virtio_blk, " + (device.queues() > 0 ? count(device.queues(), "request queue") + ", " : "");
			case VIRTIO_NET -> "virtio_net, " + (device.queues() > 0 ? count(device.queues(), "queue pair") + ", " : "");
			case NVME -> "nvme, " + count(device.queues(), "I/O queue") + ", ";
			case OTHER_VIRTIO -> "another virtio driver, ";
		};
		return what + device.path().description() + " (" + vectors + ")";
	}

	private static String count(int n, String what) {
		return n + " " + what + (n == 1 ? "" : "s");
	}
}
