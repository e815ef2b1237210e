package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.KernelMessage;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Event;
import org.irqlab.dsl.simulation.DeviceRuns;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.Headroom;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.SimulationBudget;
import org.irqlab.dsl.validation.IssueCodes;

/**
 * The sentences a kernel engineer would write about a scenario: the verdict (which devices fail, from
 * which one on, with the kernel's words), and the cause with the numbers behind it. Plain text; the
 * HTML and Markdown writers only mark it up.
 */
public final class Verdict {

	public enum Status {
		FAILS("devices fail"), DEGRADED("interrupts degraded"), WARNINGS("holds, with warnings"), HOLDS("holds"),
		NOT_SIMULATED("not simulated");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		/** The report's CSS class: "fails", "not-simulated". */
		public String css() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	private final Status status;
	private final String headline;
	private final List<String> findings;
	private final List<String> cause;

	private Verdict(Status status, String headline, List<String> findings, List<String> cause) {
		this.status = status;
		this.headline = headline;
		this.findings = findings;
		this.cause = cause;
	}

	public Status status() {
		return status;
	}

	/** One line: what happens, in numbers. */
	public String headline() {
		return headline;
	}

	/** The verdict paragraph, sentence by sentence. */
	public List<String> findings() {
		return findings;
	}

	/** The cause, with the figures; empty when nothing degraded. */
	public List<String> cause() {
		return cause;
	}

	public static Verdict of(ScenarioFacts facts, List<Issue> issues, BooleanSupplier cancelled) {
		ScenarioOutcome outcome = facts.outcome();
		long errors = issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).count();
		if (!outcome.simulated()) {
			return new Verdict(Status.NOT_SIMULATED, "IrqLab could not simulate this scenario",
					List.of("IrqLab could not simulate scenario " + outcome.scenario().getName() + ": "
							+ outcome.problem() + "."),
					List.of());
		}
		List<String> findings = new ArrayList<>();
		findings.add(machineSentence(outcome) + ", " + deviceSentence(facts));
		for (EventOutcome event : outcome.events()) {
			describeEvent(event, findings);
		}
		MatrixSnapshot end = outcome.end();
		int total = facts.usablePerCpu() * end.onlineMaps();
		findings.add("At the end " + Figures.n(end.globalAvailable()) + " of " + Figures.n(total)
				+ (end.globalAvailable() == 1 ? " vector slots is" : " vector slots are") + " free (global_available), " + Figures.n(end.globalReserved())
				+ " are reserved and " + Figures.n(end.totalAllocated()) + " allocated; " + headroom(facts, cancelled)
				+ ".");
		List<String> warnings = issues.stream().filter(i -> i.getSeverity() == Severity.WARNING)
				.filter(i -> !IssueCodes.FALLBACK_SHARED_MSIX.equals(i.getCode()) && !IssueCodes.FALLBACK_INTX.equals(i.getCode()))
				.map(Issue::getMessage).toList();
		if (!warnings.isEmpty()) {
			findings.add("The validator also warns: " + String.join(" ", warnings.stream()
					.map(w -> w.endsWith(".") ? w : w + ".").toList()));
		}
		Status status = facts.count(org.irqlab.kernel.InterruptPath.PROBE_FAILED) > 0 || errors > 0
				? Status.FAILS
				: facts.degraded() > 0 ? Status.DEGRADED : warnings.isEmpty() ? Status.HOLDS : Status.WARNINGS;
		if (errors > 0 && facts.count(org.irqlab.kernel.InterruptPath.PROBE_FAILED) == 0) {
			findings.add("The validator reports " + Figures.count(errors, "error", "errors") + " in this scenario (listed below).");
		}
		return new Verdict(status, headline(facts, status), List.copyOf(findings), cause(facts));
	}

	private static String headline(ScenarioFacts facts, Status status) {
		long probes = facts.devices().size();
		long failed = facts.count(org.irqlab.kernel.InterruptPath.PROBE_FAILED);
		long fellBack = facts.degraded() - failed;
		return switch (status) {
			case FAILS -> failed == 0 ? "The model has errors"
					: Figures.n(failed) + " of " + Figures.count(probes, "probe", "probes") + " fail"
							+ (fellBack > 0 ? "; " + Figures.n(fellBack) + " more lose per-queue interrupts" : "");
			case DEGRADED -> Figures.n(fellBack) + " of " + Figures.count(probes, "probe", "probes")
					+ " lose per-queue interrupts; none fails";
			case HOLDS -> "All " + Figures.count(probes, "probe", "probes") + " get per-queue vectors";
			case WARNINGS -> "All " + Figures.count(probes, "probe", "probes") + " get per-queue vectors, with warnings";
			case NOT_SIMULATED -> "Not simulated";
		};
	}

	private static String machineSentence(ScenarioOutcome outcome) {
		MachineSpec machine = outcome.machine();
		int online = machine.onlineCpus().size();
		StringBuilder text = new StringBuilder("On ").append(outcome.scenario().getMachine().getName()).append(" (")
				.append(Figures.count(online, "online CPU", "online CPUs"));
		if (online != machine.nrCpuIds()) {
			text.append(" of ").append(Figures.n(machine.nrCpuIds()));
		}
		if (machine.nrNodeIds() > 1) {
			text.append(" in ").append(machine.nrNodeIds()).append(" NUMA nodes");
		}
		text.append(", kernel ").append(machine.profile().id()).append(" as ").append(machine.profile().release())
				.append(')');
		return text.toString();
	}

	private static String deviceSentence(ScenarioFacts facts) {
		long probes = facts.devices().size();
		if (probes == 0) {
			return "scenario " + facts.outcome().scenario().getName() + " probes no device.";
		}
		long failed = facts.count(org.irqlab.kernel.InterruptPath.PROBE_FAILED);
		if (facts.degraded() == 0) {
			return "all " + Figures.count(probes, "probe", "probes") + " of scenario "
					+ facts.outcome().scenario().getName() + " get one interrupt vector per queue.";
		}
		return Figures.n(facts.perQueue()) + " of " + Figures.count(probes, "probe", "probes")
				+ " get one interrupt vector per queue, " + Figures.n(facts.degraded() - failed)
				+ " fall back to fewer interrupts and " + Figures.n(failed) + " fail to probe.";
	}

	private static void describeEvent(EventOutcome event, List<String> findings) {
		if (!(event.event() instanceof AddEvent) || event.devices().isEmpty()) {
			return;
		}
		DeviceRuns runs = DeviceRuns.of(event);
		String statement = "`" + sourceOf(event.event()) + "` (line " + ScenarioFacts.lineOf(event.event()) + ")";
		DeviceRuns.Run shared = runs.firstShared();
		DeviceRuns.Run intx = runs.firstIntx();
		DeviceRuns.Run failed = runs.firstFailed();
		if (shared != null && shared.sample().type() == DeviceKind.NVME) {
			findings.add(which(shared) + " of " + statement + " fell back to one MSI-X vector (nvmeNq0) for the"
					+ " admin queue and a single I/O queue, their per-queue interrupts and CPU affinity are lost.");
		} else if (shared != null) {
			findings.add(which(shared) + " of " + statement + " fell back to shared MSI-X: one vector for all"
					+ " queues, their per-queue interrupts and CPU affinity are lost.");
		}
		if (intx != null) {
			findings.add(which(intx) + " of " + statement + " fell back to legacy INTx.");
		}
		if (failed != null) {
			DeviceResult sample = failed.sample();
			findings.add(which(failed) + " of " + statement + " fail" + (failed.count() == 1 ? "s" : "")
					+ " to probe with " + Figures.errno(sample.errno()) + kernelSays(sample) + ".");
		}
	}

	/** "Devices 292..512 (from virtio291)", "Device 7 (virtio12)". */
	private static String which(DeviceRuns.Run run) {
		if (run.count() == 1) {
			return "Device " + run.first() + " (" + run.sample().name() + ")";
		}
		String range = Figures.range(run.first(), run.last());
		return (run.contiguous() ? "Devices " + range : Figures.n(run.count()) + " devices between " + range)
				+ " (from " + run.sample().name() + " on)";
	}

	private static String kernelSays(DeviceResult device) {
		KernelMessage line = device.tellingLine();
		return line == null ? "" : ": the kernel prints \"" + line.text() + "\"";
	}

	static String sourceOf(Event event) {
		ICompositeNode node = NodeModelUtils.getNode(event);
		return node == null ? event.eClass().getName() : NodeModelUtils.getTokenText(node);
	}

	private static String headroom(ScenarioFacts facts, BooleanSupplier cancelled) {
		Map<String, DeviceType> types = new LinkedHashMap<>();
		for (EventOutcome event : facts.outcome().events()) {
			if (event.event() instanceof AddEvent add && add.getType() != null && !add.getType().eIsProxy()) {
				types.putIfAbsent(add.getType().getName(), add.getType());
			}
		}
		if (types.isEmpty()) {
			return "no device type to measure the room left";
		}
		List<String> parts = new ArrayList<>();
		for (DeviceType type : types.values()) {
			parts.add(Headroom.describe(facts.outcome(), type, SimulationBudget.standard().maxWork(), cancelled));
		}
		return String.join("; ", parts);
	}

	private static List<String> cause(ScenarioFacts facts) {
		ScenarioFacts.Cause cause = facts.cause();
		if (cause == null) {
			return List.of();
		}
		List<String> text = new ArrayList<>();
		MatrixSnapshot start = facts.outcome().start();
		int usable = facts.usablePerCpu();
		int online = start.onlineMaps();
		ScenarioFacts.DeviceRow costly = cause.costly();
		if (costly != null && cause.managedVectors() > 0) {
			int others = costly.slots() - cause.maskSlots();
			text.add("Each " + costly.type() + " with managed per-queue vectors takes "
					+ Figures.count(costly.slots(), "vector slot", "vector slots") + " although /proc/interrupts shows "
					+ Figures.count(costly.vectors(), "interrupt", "interrupts") + " for it: its "
					+ Figures.n(cause.managedVectors()) + " managed queue vector" + (cause.managedVectors() == 1 ? "" : "s")
					+ " reserve one slot on every CPU of " + (cause.managedVectors() == 1 ? "its" : "their")
					+ " affinity mask" + (cause.managedVectors() == 1 ? "" : "s") + " ("
					+ Figures.count(cause.maskSlots(), "slot", "slots") + " over " + Figures.count(cause.maskCpus(), "CPU", "CPUs")
					+ "), whatever the queue count" + (others > 0 ? ", plus " + Figures.n(others) + " for the rest" : "")
					+ ".");
		}
		text.add("The " + Figures.count(online, "online CPU", "online CPUs") + " offer " + Figures.n(usable)
				+ " slots each (vectors " + start.allocStart() + "-" + (start.allocEnd() - 1) + " minus "
				+ Figures.n(start.systembitsInalloc()) + " system vectors): " + Figures.n((long) usable * online)
				+ " in all; " + Figures.n(start.globalAvailable()) + " were free before the first event"
				+ (costly != null && costly.slots() > 0 ? ", room for " + Figures.n(start.globalAvailable() / costly.slots())
						+ " devices at " + Figures.n(costly.slots()) + " slots each" : "")
				+ ".");
		ScenarioFacts.DeviceRow degraded = cause.firstDegraded();
		StringBuilder when = new StringBuilder("When ").append(degraded.name()).append(" (device ")
				.append(degraded.index()).append(" of line ").append(degraded.line()).append(") probed, ");
		if (cause.exhaustedCpus().isEmpty()) {
			when.append("every online CPU still had a free vector, but not every CPU of a queue's affinity mask could"
					+ " reserve one");
		} else {
			MatrixSnapshot.CpuMap example = cause.atDegradation().cpu(cause.exhaustedCpus().get(0));
			when.append(cause.exhaustedCpus().size() == 1 ? "CPU " : "CPUs ").append(Figures.cpus(cause.exhaustedCpus()))
					.append(" had no free vector left (CPU ").append(example.cpu()).append(": ")
					.append(Figures.n(example.managed())).append(" reserved for managed interrupts, ")
					.append(Figures.n(example.allocated() - example.managedAllocated())).append(" allocated to others)");
		}
		List<String> steps = new ArrayList<>();
		degraded.result().attempts().forEach(a -> steps.add(a.step().label() + " "
				+ (a.result() == 0 ? "succeeded" : "failed with " + Figures.errno(a.result()))));
		if (!steps.isEmpty()) {
			when.append(": ").append(String.join(", ", steps));
		}
		text.add(when.append('.').toString());
		return List.copyOf(text);
	}
}
