package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.KernelRules;

/**
 * Writes what an import read as a .irqlab model: the machine with its load, the devices already present
 * (as comments naming them as the kernel does), device types shaped like them, and an empty scenario.
 *
 * <p>The devices present are part of the machine's load, not scenario events: their vectors are in the
 * counts the host shows, and adding them again would count them twice. `first virtio` and `first nvme`
 * make the scenario's devices take the names the kernel would give them next.
 */
public final class ModelWriter {

	/** FIRST_EXTERNAL_VECTOR: where the allocation range starts in every profile. */
	static final int ALLOC_START = 32;

	private final HostCapture host;
	private final String machineName;
	private final StringBuilder out = new StringBuilder();
	private final List<String> guesses = new ArrayList<>();
	private KernelRules profile;
	private int cpus;

	private ModelWriter(HostCapture host, String machineName) {
		this.host = host;
		this.machineName = machineName;
	}

	/** The model's text, and what it had to assume in the order its comments say it. */
	public record Written(String text, List<String> guesses) {
	}

	/** @throws InputError when the captured counts do not fit together */
	public static Written write(HostCapture host, String machineName) throws InputError {
		ModelWriter writer = new ModelWriter(host, machineName);
		String text = writer.model();
		return new Written(text, List.copyOf(writer.guesses));
	}

	private String model() throws InputError {
		line(0, "// Imported by `irqlab import` from " + host.origin() + ".");
		line(0, "// The machine holds the host's state as captured: the vectors of every interrupt, including those of");
		line(0, "// the devices already present, are its load. Device types shaped like those devices follow, then an");
		line(0, "// empty scenario for what you plan to do. Lines starting with \"guess:\" are assumptions to check.");
		for (String file : host.unreadable()) {
			line(0, "// not readable by this user, left out: " + file);
		}
		blank();
		machine();
		blank();
		Map<String, DeviceShape> types = deviceTypes();
		presentDevices(types);
		scenario(types);
		return out.toString();
	}

	// ---------------------------------------------------------------- machine

	private void machine() throws InputError {
		line(0, "machine " + machineName + " {");
		kernel();
		cpuCount();
		nodes();
		smt();
		systemVectors();
		load();
		irqbalance();
		switches();
		firstNames();
		line(0, "}");
	}

	private void kernel() {
		if (host.release() == null) {
			profile = KernelRules.EL8_4_18;
			guess(1, "no /proc/version and no crash banner: kernel assumed to be el8-4.18");
		} else {
			KernelProfiles.Mapping mapping = KernelProfiles.map(host.release());
			profile = mapping.profile();
			line(1, "// " + host.release() + " (" + inCapture(host.releaseSource()) + ")");
			if (!mapping.exact()) {
				guess(1, mapping.guess());
			}
		}
		line(1, "kernel " + profile.id());
	}

	private void cpuCount() {
		Topology topology = host.topology();
		if (topology != null) {
			cpus = topology.cpuCount();
			line(1, "// possible CPUs " + topology.possible().toList() + " (" + inCapture(topology.source()) + ")");
			for (String guess : topology.guesses()) {
				guess(1, guess);
			}
			line(1, "cpus " + cpus);
			CpuSet possible = CpuSet.range(0, cpus - 1);
			if (!topology.present().equals(possible)) {
				line(1, "present " + topology.present().toList());
			}
			if (!topology.online().equals(topology.present())) {
				line(1, "online " + topology.online().toList());
			}
			return;
		}
		if (host.interrupts() != null) {
			int[] columns = host.interrupts().cpus();
			cpus = columns[columns.length - 1] + 1;
			guess(1, "no CPU topology captured: CPUs 0-" + (cpus - 1) + " from the columns of " + host.interrupts().file());
			line(1, "cpus " + cpus);
			CpuSet online = CpuSet.of(columns);
			if (!online.equals(CpuSet.range(0, cpus - 1))) {
				line(1, "online " + online.toList());
			}
		} else if (host.vector() != null) {
			cpus = host.vector().cpus().get(host.vector().cpus().size() - 1).cpu() + 1;
			guess(1, "no CPU topology captured: CPUs 0-" + (cpus - 1) + " from the rows of " + host.vector().file());
			line(1, "cpus " + cpus);
		} else {
			CrashSession crash = host.crash();
			int online = crash.last().map(CrashSession.MatrixPrint::onlineMaps).orElse(0);
			cpus = crash.cpus() > 0 ? crash.cpus() : online;
			guess(1, "no CPU topology captured: " + cpus + " CPUs from " + (crash.cpus() > 0 ? "the crash banner (CPUS:)"
					: "online_maps") + " of " + crash.file() + ", all of them possible and online");
			line(1, "cpus " + cpus);
		}
	}

	private void nodes() {
		Topology topology = host.topology();
		if (topology == null || topology.nodes().isEmpty()) {
			guess(1, "no node*/cpulist captured: one NUMA node assumed");
			return;
		}
		SortedMap<Integer, CpuSet> nodes = new TreeMap<>(topology.nodes());
		CpuSet all = CpuSet.range(0, cpus - 1);
		CpuSet covered = nodes.values().stream().reduce(CpuSet.empty(), CpuSet::or);
		CpuSet orphans = all.andNot(covered);
		if (!orphans.isEmpty()) {
			int first = nodes.firstKey();
			nodes.put(first, nodes.get(first).or(orphans));
			guess(1, "CPUs " + orphans.toList() + " are in no node's cpulist (offline CPUs drop out of it): put in node " + first);
		}
		if (nodes.size() == 1) {
			line(1, "nodes 1");
			return;
		}
		if (evenSplit(nodes)) {
			line(1, "nodes " + nodes.size());
			return;
		}
		nodes.forEach((node, list) -> line(1, "node " + node + " cpus " + list.toList()));
	}

	// what `nodes N` means: node k holds the k-th block of ceil(cpus / N) CPUs
	private boolean evenSplit(SortedMap<Integer, CpuSet> nodes) {
		int count = nodes.size();
		int per = (cpus + count - 1) / count;
		for (int node = 0; node < count; node++) {
			CpuSet expected = CpuSet.range(node * per, Math.min(cpus, (node + 1) * per) - 1);
			if (!expected.equals(nodes.get(node))) {
				return false;
			}
		}
		return true;
	}

	private void smt() {
		Topology topology = host.topology();
		if (topology == null || topology.siblings().isEmpty()) {
			return;
		}
		int threads = topology.siblings().stream().mapToInt(CpuSet::size).max().orElse(1);
		if (threads <= 1) {
			return;
		}
		boolean interleaved = true;
		boolean adjacent = true;
		int cores = cpus / threads;
		for (CpuSet group : topology.siblings()) {
			int first = group.first();
			interleaved &= cpus % threads == 0 && group.equals(stride(first % cores, cores, threads));
			adjacent &= group.equals(stride(first - first % threads, 1, threads));
		}
		if (interleaved) {
			line(1, "// thread_siblings_list: CPU c and c + " + cores + " are siblings");
			line(1, "smt " + threads);
		} else if (adjacent) {
			line(1, "// thread_siblings_list: siblings are numbered next to each other");
			line(1, "smt " + threads + " adjacent");
		} else {
			guess(1, "SMT siblings (" + topology.siblings().get(0).toList() + ", ...) follow neither numbering the language"
					+ " knows: no `smt` written; only the affinity spreading of new devices is affected");
		}
	}

	private static CpuSet stride(int first, int step, int count) {
		int[] cpus = new int[count];
		for (int i = 0; i < count; i++) {
			cpus[i] = first + i * step;
		}
		return CpuSet.of(cpus);
	}

	private void systemVectors() {
		CpuSet system = null;
		String source = null;
		if (host.vector() != null) {
			system = host.vector().systemVectors();
			source = inCapture(host.vector().file());
		} else if (host.crash() != null && host.crash().last().isPresent()) {
			system = host.crash().last().get().systemVectors();
			source = "system_map of " + inCapture(host.crash().file());
		}
		if (system == null) {
			return;
		}
		int allocEnd = profile.defaultAllocEnd();
		if (host.vector() == null && host.crash().last().get().allocEnd() != allocEnd) {
			guess(1, "the dump's allocation range ends at " + host.crash().last().get().allocEnd() + ", the " + profile.id()
					+ " profile's at " + allocEnd);
		}
		List<Integer> inRange = system.stream().filter(v -> v >= ALLOC_START && v < allocEnd).boxed().toList();
		line(1, "// the system map's vectors inside the allocation range " + ALLOC_START + "-" + (allocEnd - 1) + " (" + source + ")");
		if (inRange.isEmpty()) {
			guess(1, "the system map has no vector inside the allocation range; the profile's own are used");
			return;
		}
		line(1, "system vectors " + inRange.stream().map(String::valueOf).collect(Collectors.joining(", ")));
	}

	/** Vectors per CPU outside the system map, as the VECTOR file's system map and the profile's range leave them. */
	private int capacity() {
		int allocEnd = profile.defaultAllocEnd();
		return allocEnd - ALLOC_START
				- (int) host.vector().systemVectors().stream().filter(v -> v >= ALLOC_START && v < allocEnd).count();
	}

	private void load() throws InputError {
		if (host.vector() != null) {
			HostLoad load = LoadDerivation.fromDebugfs(host.vector(), host.vectorFile(), cpus, capacity());
			line(1, "// per CPU, from " + inCapture(load.source()) + ": non-managed vectors allocated, managed vectors");
			line(1, "// reserved and managed vectors allocated; the devices present are in these counts");
			if (host.crash() != null && host.crash().last().isPresent()) {
				line(1, "// (" + inCapture(host.crash().file()) + " has a vector_matrix print too; the VECTOR file is exact per CPU and wins)");
			}
			perCpu(load);
		} else if (host.crash() != null && host.crash().last().isPresent()) {
			CrashSession.MatrixPrint print = host.crash().last().get();
			line(1, "// the global counters of `crash> p *vector_matrix` (" + print.label() + ", " + inCapture(host.crash().file()) + ":"
					+ (print.line() + 1) + "); IrqLab spreads them evenly over the online CPUs");
			if (host.crash().prints().size() > 1) {
				line(1, "// (the session prints vector_matrix " + host.crash().prints().size() + " times; this is the last)");
			}
			if (print.onlineMaps() != cpus) {
				guess(1, "the dump counts " + print.onlineMaps() + " online CPUs where the machine has " + cpus);
			}
			line(1, "crash {");
			line(2, "global_available " + print.globalAvailable());
			line(2, "global_reserved " + print.globalReserved());
			line(2, "total_allocated " + print.totalAllocated());
			line(1, "}");
		} else if (host.interrupts() != null) {
			CpuSet online = host.topology() != null ? host.topology().online() : CpuSet.of(host.interrupts().cpus());
			HostLoad load = LoadDerivation.fromInterrupts(host.interrupts(), host.affinities(), online, cpus);
			line(1, "// per CPU, from the interrupts of " + inCapture(load.source()) + " and /proc/irq/N: non-managed vectors");
			line(1, "// allocated, managed vectors reserved and managed vectors allocated; the devices present are in them");
			perCpu(load);
		} else {
			guess(1, "nothing in the capture shows the vectors in use: the machine starts empty");
		}
	}

	private void perCpu(HostLoad load) {
		for (String note : load.notes()) {
			guess(1, note);
		}
		for (HostLoad.Group group : load.groups()) {
			line(1, "load on " + group.cpus().toList() + " {");
			if (group.allocated() > 0) {
				line(2, "allocated " + group.allocated());
			}
			if (group.managed() > 0) {
				line(2, "managed " + group.managed());
			}
			if (group.managedAllocated() > 0) {
				line(2, "managed_allocated " + group.managedAllocated());
			}
			line(1, "}");
		}
		if (load.reserved() > 0) {
			line(1, "// global_reserved: interrupts set up but not yet activated, each holding a reservation");
			line(1, "load {");
			line(2, "reserved " + load.reserved());
			line(1, "}");
		}
	}

	private void irqbalance() {
		IrqbalanceState state = host.irqbalance();
		if (state == null) {
			guess(1, "irqbalance's state is not in the capture: left off");
			return;
		}
		for (String note : state.notes()) {
			line(1, "// " + inCapture(note));
		}
		if (!state.running()) {
			line(1, "// no irqbalance process found");
			line(1, "irqbalance off");
			return;
		}
		CpuSet banned = state.banned().and(CpuSet.range(0, cpus - 1));
		line(1, "irqbalance on" + (banned.isEmpty() ? "" : " banned " + banned.toList()));
		if (host.interrupts() != null) {
			line(1, "// powersave is not visible from outside irqbalance; add `powersave` if it runs with --powerthresh");
		}
	}

	private void switches() {
		if (host.remapped() == null) {
			return;
		}
		boolean remapped = host.remapped();
		if (remapped != profile.defaultInterruptRemapping()) {
			line(1, "// " + (remapped ? "IR- interrupt chips or an -IR irq domain: interrupts go through interrupt remapping"
					: "no IR- interrupt chip: interrupts do not go through interrupt remapping"));
			line(1, "interrupt_remapping " + (remapped ? "on" : "off"));
		}
		boolean reservation = !remapped;
		if (reservation != profile.defaultMsiReservationMode()) {
			guess(1, "MSI reservation mode " + (reservation ? "on" : "off") + ": the kernel reserves MSI vectors until"
					+ " activation only without interrupt remapping");
			line(1, "msi_reservation " + (reservation ? "on" : "off"));
		}
	}

	private void firstNames() {
		firstName("virtio", host.virtioNames());
		firstName("nvme", host.nvmeNames());
	}

	private void firstName(String kind, SortedSet<Integer> used) {
		if (used.isEmpty()) {
			return;
		}
		int next = used.last() + 1;
		List<Integer> free = new ArrayList<>();
		for (int i = 0; i < next && free.size() < 3; i++) {
			if (!used.contains(i)) {
				free.add(i);
			}
		}
		line(1, "// " + (used.size() > 1 ? kind + used.first() + " to " + kind + used.last() + " are" : kind + used.first() + " is")
				+ " on the host");
		if (!free.isEmpty()) {
			guess(1, kind + free.get(0) + " is free on the host and the kernel reuses the lowest free number first;"
					+ " the model numbers new devices from " + next);
		}
		line(1, "first " + kind + " " + next);
	}

	// ---------------------------------------------------------------- devices

	/** A device type for the scenario, with the present devices it was made from. */
	private record DeviceShape(PresentDevice.Kind kind, int queues, String numa, String intx, List<String> notes,
			List<PresentDevice> examples) {
	}

	private Map<String, DeviceShape> deviceTypes() {
		Map<String, DeviceShape> types = new LinkedHashMap<>();
		for (PresentDevice device : host.devices()) {
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
			String numa = numaOf(device, notes);
			String intx = intxOf(device, notes);
			String base = switch (device.kind()) {
				case VIRTIO_BLK -> "blk_" + queues + "q";
				case VIRTIO_NET -> "net_" + queues + "q";
				default -> "nvme_" + queues + "q";
			};
			String name = base;
			for (int n = 2; types.containsKey(name) && !sameShape(types.get(name), device.kind(), queues, numa, intx); n++) {
				name = base + "_" + n;
			}
			DeviceShape shape = types.get(name);
			if (shape == null) {
				shape = new DeviceShape(device.kind(), queues, numa, intx, notes, new ArrayList<>());
				types.put(name, shape);
			}
			shape.examples().add(device);
		}
		return types;
	}

	private static boolean sameShape(DeviceShape shape, PresentDevice.Kind kind, int queues, String numa, String intx) {
		return shape.kind() == kind && shape.queues() == queues && shape.numa().equals(numa) && shape.intx().equals(intx);
	}

	private static String numaOf(PresentDevice device, List<String> notes) {
		if (device.pci() == null) {
			notes.add("guess: no PCI function of " + device.name() + " captured: its NUMA node is unknown, none assumed");
			return "none";
		}
		return device.pci().numaNode() < 0 ? "none" : String.valueOf(device.pci().numaNode());
	}

	private static String intxOf(PresentDevice device, List<String> notes) {
		if (device.pci() == null || device.pci().intxLine() < 0) {
			notes.add("guess: " + device.name() + "'s INTx line is unknown (no irq file captured): none assumed");
			return "none";
		}
		int line = device.pci().intxLine();
		if (line == 0) {
			return "none";
		}
		if (line > 255) {
			notes.add("guess: " + device.name() + "'s irq file shows " + line + ", an MSI interrupt, not its INTx line: none assumed");
			return "none";
		}
		return String.valueOf(line);
	}

	private void presentDevices(Map<String, DeviceShape> types) {
		if (host.devices().isEmpty()) {
			line(0, "// No virtio or NVMe device was found among the host's interrupts.");
			blank();
			return;
		}
		line(0, "// Devices present on the host. Their vectors are in the machine's load already, so the scenario does");
		line(0, "// not add them again; new devices take the next names (first virtio / first nvme above).");
		for (PresentDevice device : host.devices()) {
			line(0, "//   " + device.name() + (device.pci() == null ? "" : " (" + device.pci().address()
					+ (device.pci().driver() == null ? "" : ", " + device.pci().driver()) + ")") + ": " + describe(device));
		}
		blank();
		types.forEach((name, shape) -> {
			String names = shape.examples().stream().map(PresentDevice::name).collect(Collectors.joining(", "));
			line(0, "// shaped like " + names + " (" + describeShape(shape) + ")");
			for (PresentDevice example : shape.examples()) {
				if (example.path() != PresentDevice.Path.PER_QUEUE) {
					line(0, "// " + example.name() + " runs on " + example.path().description() + ": the kernel could not give it"
							+ " per-queue vectors when it probed; a new device tries per-queue vectors first");
				}
			}
			for (String note : shape.notes()) {
				line(0, "// " + note);
				if (note.startsWith("guess: ")) {
					guesses.add(note.substring(7));
				}
			}
			line(0, "device " + name + " : " + shape.kind().driver() + " {");
			line(1, "queues " + shape.queues());
			line(1, "numa " + shape.numa());
			line(1, "intx " + shape.intx());
			line(0, "}");
			blank();
		});
	}

	private static String describeShape(DeviceShape shape) {
		return switch (shape.kind()) {
			case VIRTIO_BLK -> count(shape.queues(), "request queue");
			case VIRTIO_NET -> count(shape.queues(), "queue pair");
			default -> count(shape.queues(), "I/O queue") + " and the admin queue";
		};
	}

	private static String count(int n, String what) {
		return n + " " + what + (n == 1 ? "" : "s");
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

	private void scenario(Map<String, DeviceShape> types) {
		line(0, "// What will you do to this host? Add events, for example");
		line(0, "//     add 8 x " + (types.isEmpty() ? "disk" : types.keySet().iterator().next())
				+ (types.isEmpty() ? "   (after writing a `device disk : virtio_blk { ... }`)" : ""));
		line(0, "// then run `irqlab check` on this file. Empty, the scenario is the host as captured.");
		line(0, "scenario plan on " + machineName + " {");
		line(0, "}");
	}

	// ---------------------------------------------------------------- text

	/** A captured file's name relative to the capture directory, which the header names once. */
	private String inCapture(String text) {
		String prefix = host.origin() + (host.origin().endsWith("/") ? "" : "/");
		return text.replace(prefix, "");
	}

	private void guess(int indent, String text) {
		guesses.add(inCapture(text));
		line(indent, "// guess: " + inCapture(text));
	}

	private void line(int indent, String text) {
		out.append("    ".repeat(indent)).append(text).append('\n');
	}

	private void blank() {
		out.append('\n');
	}
}
