package org.irqlab.dsl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;

import org.irqlab.dsl.importer.ModelLine.Comment;
import org.irqlab.dsl.importer.ModelLine.Count;
import org.irqlab.dsl.model.CpuSetKind;
import org.irqlab.dsl.model.CrashCounterKind;
import org.irqlab.dsl.model.LoadKind;
import org.irqlab.dsl.model.NumberingKind;
import org.irqlab.dsl.model.SwitchKind;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;

/**
 * The machine of an imported model, decided from what the host showed: its settings in order, with the
 * comments that say where each came from and what had to be assumed. ModelWriter.xtend spells them.
 */
public final class ImportedMachine {

	/** FIRST_EXTERNAL_VECTOR: where the allocation range starts in every profile. */
	static final int ALLOC_START = MachineSpec.FIRST_EXTERNAL_VECTOR;

	private final HostCapture host;
	private final List<ModelLine> lines = new ArrayList<>();
	private final List<String> guesses = new ArrayList<>();
	private KernelRules profile;
	private int cpus;

	private ImportedMachine(HostCapture host) {
		this.host = host;
	}

	/** @throws InputError when the captured counts do not fit together */
	public static ImportedMachine of(HostCapture host) throws InputError {
		ImportedMachine machine = new ImportedMachine(host);
		machine.kernel();
		machine.cpuCount();
		machine.nodes();
		machine.smt();
		machine.systemVectors();
		machine.load();
		machine.irqbalance();
		machine.switches();
		machine.firstName(NumberingKind.VIRTIO, "virtio", host.virtioNames());
		machine.firstName(NumberingKind.NVME, "nvme", host.nvmeNames());
		return machine;
	}

	/** The machine's body in order: settings and comments. */
	public List<ModelLine> lines() {
		return List.copyOf(lines);
	}

	/** What it assumed, in the order its comments say it. */
	public List<String> guesses() {
		return List.copyOf(guesses);
	}

	private void kernel() {
		if (host.release() == null) {
			// decided by what the capture shows of the vector space, not by a fixed default: the load's
			// consistency check below depends on the profile's allocation range
			KernelProfiles.Mapping inferred = KernelProfiles.inferred(host.vector(),
					host.crash() == null ? null : host.crash().last().orElse(null));
			profile = inferred.profile();
			guess(inferred.guess());
		} else {
			KernelProfiles.Mapping mapping = KernelProfiles.map(host.release());
			profile = mapping.profile();
			note(host.release() + " (" + inCapture(host, host.releaseSource()) + ")");
			if (!mapping.exact()) {
				guess(mapping.guess());
			}
		}
		lines.add(new ModelLine.Kernel(profile));
	}

	private void cpuCount() {
		Topology topology = host.topology();
		if (topology != null) {
			cpus = topology.cpuCount();
			note("possible CPUs " + topology.possible().toList() + " (" + inCapture(host, topology.source()) + ")");
			topology.guesses().forEach(this::guess);
			lines.add(new ModelLine.Cpus(cpus));
			if (!topology.present().equals(CpuSet.range(0, cpus - 1))) {
				lines.add(new ModelLine.CpuList(CpuSetKind.PRESENT, topology.present().toList()));
			}
			if (!topology.online().equals(topology.present())) {
				lines.add(new ModelLine.CpuList(CpuSetKind.ONLINE, topology.online().toList()));
			}
		} else if (host.interrupts() != null) {
			int[] columns = host.interrupts().cpus();
			cpus = columns[columns.length - 1] + 1;
			guess("no CPU topology captured: CPUs 0-" + (cpus - 1) + " from the columns of " + host.interrupts().file());
			lines.add(new ModelLine.Cpus(cpus));
			CpuSet online = CpuSet.of(columns);
			if (!online.equals(CpuSet.range(0, cpus - 1))) {
				lines.add(new ModelLine.CpuList(CpuSetKind.ONLINE, online.toList()));
			}
		} else if (host.vector() != null) {
			cpus = host.vector().cpus().get(host.vector().cpus().size() - 1).cpu() + 1;
			guess("no CPU topology captured: CPUs 0-" + (cpus - 1) + " from the rows of " + host.vector().file());
			lines.add(new ModelLine.Cpus(cpus));
		} else {
			CrashSession crash = host.crash();
			int online = crash.last().map(CrashSession.MatrixPrint::onlineMaps).orElse(0);
			cpus = crash.cpus() > 0 ? crash.cpus() : online;
			guess("no CPU topology captured: " + cpus + " CPUs from " + (crash.cpus() > 0 ? "the crash banner (CPUS:)"
					: "online_maps") + " of " + crash.file() + ", all of them possible and online");
			lines.add(new ModelLine.Cpus(cpus));
		}
	}

	private void nodes() {
		Topology topology = host.topology();
		if (topology == null || topology.nodes().isEmpty()) {
			guess("no node*/cpulist captured: one NUMA node assumed");
			return;
		}
		SortedMap<Integer, CpuSet> nodes = new TreeMap<>(topology.nodes());
		CpuSet covered = nodes.values().stream().reduce(CpuSet.empty(), CpuSet::or);
		CpuSet orphans = CpuSet.range(0, cpus - 1).andNot(covered);
		if (!orphans.isEmpty()) {
			int first = nodes.firstKey();
			nodes.put(first, nodes.get(first).or(orphans));
			guess("CPUs " + orphans.toList() + " are in no node's cpulist (offline CPUs drop out of it): put in node " + first);
		}
		if (nodes.size() == 1 || evenSplit(nodes)) {
			lines.add(new ModelLine.Nodes(nodes.size()));
			return;
		}
		nodes.forEach((node, list) -> lines.add(new ModelLine.Node(node, list.toList())));
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
		if (threads > MachineSpec.MAX_SMT_THREADS || cpus % threads != 0) {
			guess("SMT siblings in groups of " + threads + " (" + topology.siblings().get(0).toList() + ", ...)"
					+ (threads > MachineSpec.MAX_SMT_THREADS ? ": more than the " + MachineSpec.MAX_SMT_THREADS + " threads per core the language knows"
							: " do not divide the " + cpus + " CPUs")
					+ ": no `smt` written; only the affinity spreading of new devices is affected");
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
			note("thread_siblings_list: CPU c and c + " + cores + " are siblings");
			lines.add(new ModelLine.Smt(threads, false));
		} else if (adjacent) {
			note("thread_siblings_list: siblings are numbered next to each other");
			lines.add(new ModelLine.Smt(threads, true));
		} else {
			guess("SMT siblings (" + topology.siblings().get(0).toList() + ", ...) follow neither numbering the language"
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
			source = inCapture(host, host.vector().file());
		} else if (host.crash() != null && host.crash().last().isPresent()) {
			system = host.crash().last().get().systemVectors();
			source = "system_map of " + inCapture(host, host.crash().file());
		}
		if (system == null) {
			return;
		}
		int allocEnd = profile.defaultAllocEnd();
		if (host.vector() == null && host.crash().last().get().allocEnd() != allocEnd) {
			guess("the dump's allocation range ends at " + host.crash().last().get().allocEnd() + ", the " + profile.id()
					+ " profile's at " + allocEnd);
		}
		List<Integer> inRange = system.stream().filter(v -> v >= ALLOC_START && v < allocEnd).boxed().toList();
		note("the system map's vectors inside the allocation range " + ALLOC_START + "-" + (allocEnd - 1) + " (" + source + ")");
		if (inRange.isEmpty()) {
			guess("the system map has no vector inside the allocation range; the profile's own are used");
			return;
		}
		lines.add(new ModelLine.SystemVectors(inRange));
	}

	/** Vectors per CPU outside the system map, as the VECTOR file's system map and the profile's range leave them. */
	private int capacity() {
		return KernelProfiles.capacity(profile, host.vector().systemVectors());
	}

	private void load() throws InputError {
		boolean crashPrint = host.crash() != null && host.crash().last().isPresent();
		if (host.vector() != null) {
			HostLoad load = LoadDerivation.fromDebugfs(host.vector(), host.vectorFile(), cpus, capacity());
			note("per CPU, from " + inCapture(host, load.source()) + ": non-managed vectors allocated, managed vectors");
			note("reserved and managed vectors allocated; the devices present are in these counts");
			if (crashPrint) {
				note("(" + inCapture(host, host.crash().file()) + " has a vector_matrix print too; the VECTOR file is exact per CPU and wins)");
			}
			perCpu(load);
		} else if (crashPrint) {
			crashCounters(host.crash().last().get());
		} else if (host.interrupts() != null) {
			CpuSet online = host.topology() != null ? host.topology().online() : CpuSet.of(host.interrupts().cpus());
			HostLoad load = LoadDerivation.fromInterrupts(host.interrupts(), host.affinities(), online, cpus);
			note("per CPU, from the interrupts of " + inCapture(host, load.source()) + " and /proc/irq/N: non-managed vectors");
			note("allocated, managed vectors reserved and managed vectors allocated; the devices present are in them");
			perCpu(load);
		} else {
			guess("nothing in the capture shows the vectors in use: the machine starts empty");
		}
	}

	private void crashCounters(CrashSession.MatrixPrint print) {
		note("the global counters of `crash> p *vector_matrix` (" + print.label() + ", " + inCapture(host, host.crash().file())
				+ ":" + (print.line() + 1) + "); IrqLab spreads them evenly over the online CPUs");
		if (host.crash().prints().size() > 1) {
			note("(the session prints vector_matrix " + host.crash().prints().size() + " times; this is the last)");
		}
		if (print.onlineMaps() != cpus) {
			guess("the dump counts " + print.onlineMaps() + " online CPUs where the machine has " + cpus);
		}
		lines.add(new ModelLine.Crash(List.of(new Count<>(CrashCounterKind.GLOBAL_AVAILABLE, print.globalAvailable()),
				new Count<>(CrashCounterKind.GLOBAL_RESERVED, print.globalReserved()),
				new Count<>(CrashCounterKind.TOTAL_ALLOCATED, print.totalAllocated()))));
	}

	private void perCpu(HostLoad load) {
		load.notes().forEach(this::guess);
		for (HostLoad.Group group : load.groups()) {
			List<Count<LoadKind>> items = new ArrayList<>();
			if (group.allocated() > 0) {
				items.add(new Count<>(LoadKind.ALLOCATED, group.allocated()));
			}
			if (group.managed() > 0) {
				items.add(new Count<>(LoadKind.MANAGED, group.managed()));
			}
			if (group.managedAllocated() > 0) {
				items.add(new Count<>(LoadKind.MANAGED_ALLOCATED, group.managedAllocated()));
			}
			lines.add(new ModelLine.Load(group.cpus().toList(), items));
		}
		if (load.reserved() > 0) {
			note("global_reserved: interrupts set up but not yet activated, each holding a reservation");
			lines.add(new ModelLine.Load(null, List.of(new Count<>(LoadKind.RESERVED, load.reserved()))));
		}
	}

	private void irqbalance() {
		IrqbalanceState state = host.irqbalance();
		if (state == null) {
			guess("irqbalance's state is not in the capture: left off");
			return;
		}
		for (String note : state.notes()) {
			note(inCapture(host, note));
		}
		if (!state.running()) {
			note("no irqbalance process found");
			lines.add(new ModelLine.Irqbalance(false, null));
			return;
		}
		CpuSet banned = state.banned().and(CpuSet.range(0, cpus - 1));
		lines.add(new ModelLine.Irqbalance(true, banned.isEmpty() ? null : banned.toList()));
		if (host.interrupts() != null) {
			note("powersave is not visible from outside irqbalance; add `powersave` if it runs with --powerthresh");
		}
	}

	private void switches() {
		if (host.remapped() == null) {
			return;
		}
		boolean remapped = host.remapped();
		if (remapped != profile.defaultInterruptRemapping()) {
			note(remapped ? "IR- interrupt chips or an -IR irq domain: interrupts go through interrupt remapping"
					: "no IR- interrupt chip: interrupts do not go through interrupt remapping");
			lines.add(new ModelLine.Switch(SwitchKind.INTERRUPT_REMAPPING, remapped));
		}
		boolean reservation = !remapped;
		if (reservation != profile.defaultMsiReservationMode()) {
			guess("MSI reservation mode " + (reservation ? "on" : "off") + ": the kernel reserves MSI vectors until"
					+ " activation only without interrupt remapping");
			lines.add(new ModelLine.Switch(SwitchKind.MSI_RESERVATION, reservation));
		}
	}

	/** {@code name} is the kernel's: virtio0, nvme0. */
	private void firstName(NumberingKind kind, String name, SortedSet<Integer> used) {
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
		note((used.size() > 1 ? name + used.first() + " to " + name + used.last() + " are" : name + used.first() + " is")
				+ " on the host");
		if (!free.isEmpty()) {
			guess(name + free.get(0) + " is free on the host and the kernel reuses the lowest free number first;"
					+ " the model numbers new devices from " + next);
		}
		lines.add(new ModelLine.First(kind, next));
	}

	/** A captured file's name relative to the capture directory, which the header names once. */
	static String inCapture(HostCapture host, String text) {
		String prefix = host.origin() + (host.origin().endsWith("/") ? "" : "/");
		return text.replace(prefix, "");
	}

	private void note(String text) {
		lines.add(new Comment(text, false));
	}

	private void guess(String text) {
		guesses.add(inCapture(host, text));
		lines.add(new Comment(inCapture(host, text), true));
	}
}
