package org.irqlab.dsl.importer;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.irqlab.kernel.CpuSet;

/**
 * Reads a host (or its capture, or a crash session alone) into a {@link HostCapture}: which files it
 * looks for is the list docs/import.md gives for the capture.
 */
public final class HostReader {

	public static final String PROC_INTERRUPTS = "proc/interrupts";
	public static final String VECTOR_FILE = "sys/kernel/debug/irq/domains/VECTOR";
	/** `lscpu -p` output inside a capture directory. */
	public static final String LSCPU_FILE = "lscpu.txt";
	/** A crash session's log inside a capture directory. */
	public static final String CRASH_FILE = "crash.txt";

	private HostReader() {
	}

	/**
	 * Reads every optional source of the capture in one place, longer than IrqLab's other methods on purpose:
	 * the order in which sources stand in for each other (sysfs before lscpu, /proc/version before the crash
	 * banner) is the logic, and it reads top to bottom here.
	 *
	 * @param root   the host or capture to read, or null to read only the given files
	 * @param crash  a crash session log given on its own, or null
	 * @param lscpu  `lscpu -p` output given on its own, or null
	 */
	public static HostCapture read(CaptureRoot root, TextFile crash, TextFile lscpu) throws InputError {
		Topology topology = null;
		String release = null;
		String releaseSource = null;
		InterruptsTable interrupts = null;
		IrqAffinities affinities = null;
		List<PciFunctionInfo> pci = List.of();
		VectorDebugfs vector = null;
		TextFile vectorFile = null;
		CrashSession session = crash == null ? null : CrashSessionParser.parse(crash);
		IrqbalanceState irqbalance = null;
		List<PresentDevice> devices = List.of();
		SortedSet<Integer> virtio = new TreeSet<>();
		SortedSet<Integer> nvme = new TreeSet<>();
		if (root != null) {
			topology = TopologyReader.read(root).orElse(null);
			if (topology == null && lscpu == null) {
				Optional<TextFile> inside = root.read(LSCPU_FILE);
				lscpu = inside.orElse(null);
			}
			Optional<TextFile> version = root.read("proc/version");
			if (version.isPresent()) {
				release = KernelProfiles.releaseOf(version.get());
				releaseSource = version.get().name();
			}
			Optional<TextFile> procInterrupts = root.read(PROC_INTERRUPTS);
			if (procInterrupts.isPresent()) {
				interrupts = ProcInterruptsParser.parse(procInterrupts.get());
				affinities = IrqAffinities.read(root, interrupts.rows().stream().map(InterruptsTable.Row::irq).toList());
			}
			pci = PciFunctionsReader.read(root);
			Optional<TextFile> debugfs = root.read(VECTOR_FILE);
			if (debugfs.isPresent()) {
				vectorFile = debugfs.get();
				vector = VectorDebugfsParser.parse(vectorFile);
			}
			if (session == null) {
				Optional<TextFile> inside = root.read(CRASH_FILE);
				session = inside.isPresent() ? CrashSessionParser.parse(inside.get()) : null;
			}
			// a capture without /proc (a crash session alone) says nothing about irqbalance
			irqbalance = root.isLive() || root.isDirectory("proc") ? IrqbalanceReader.read(root) : null;
			if (interrupts != null) {
				devices = DeviceRecovery.recover(interrupts, affinities, pci, root);
			}
			indexes(root, DeviceRecovery.VIRTIO_DIR, "virtio", virtio);
			indexes(root, "sys/class/nvme/", "nvme", nvme);
		}
		if (topology == null && lscpu != null) {
			topology = LscpuParser.parse(lscpu);
		}
		if (topology != null && topology.onlineGuessed() && vector != null) {
			topology = topology.withOnline(CpuSet.of(vector.cpus().stream().mapToInt(VectorDebugfs.CpuRow::cpu).toArray()),
					"no " + root.display(TopologyReader.CPU_DIR + "online") + ": the online CPUs are the rows of " + vector.file());
		} else if (topology != null && topology.onlineGuessed() && interrupts != null) {
			topology = topology.withOnline(CpuSet.of(interrupts.cpus()),
					"no " + root.display(TopologyReader.CPU_DIR + "online") + ": the online CPUs are the columns of " + interrupts.file());
		}
		if (release == null && session != null && session.release() != null) {
			release = session.release();
			releaseSource = session.file();
		}
		for (PresentDevice device : devices) {
			(device.kind() == PresentDevice.Kind.NVME ? nvme : virtio).add(device.index());
		}
		if (topology == null && interrupts == null && session == null && vector == null) {
			throw new InputError(root == null ? "import" : root.display(""), 0,
					"holds no CPU information: expected sys/devices/system/cpu/possible, " + LSCPU_FILE + ", "
							+ PROC_INTERRUPTS + ", " + VECTOR_FILE + " or a crash session");
		}
		return new HostCapture(root == null ? (crash != null ? crash.name() : lscpu.name()) : root.isLive() ? "the running system" : root.display(""),
				topology, release, releaseSource, interrupts, affinities, pci, vector, vectorFile, session, irqbalance,
				devices, virtio, nvme, remapped(interrupts, session), root == null ? List.of() : root.unreadable());
	}

	private static void indexes(CaptureRoot root, String dir, String prefix, SortedSet<Integer> into) throws InputError {
		for (String name : root.list(dir)) {
			if (name.matches(prefix + "\\d+")) {
				into.add(CaptureNumbers.parseInt(root.display(dir + name), name.substring(prefix.length()),
						CaptureNumbers.DEVICE_INDEX));
			}
		}
	}

	private static Boolean remapped(InterruptsTable interrupts, CrashSession session) {
		if (session != null && !session.domains().isEmpty()) {
			return session.remapped();
		}
		if (interrupts != null && interrupts.rows().stream().anyMatch(r -> r.chip().contains("MSI"))) {
			return interrupts.rows().stream().anyMatch(InterruptsTable.Row::remapped);
		}
		return null;
	}
}
