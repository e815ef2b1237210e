package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.irqlab.kernel.Attempt;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.VectorInfo;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.CpuSetKind;
import org.irqlab.dsl.model.CpuSetSetting;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Driver;
import org.irqlab.dsl.model.DriverParameter;
import org.irqlab.dsl.model.DriverParameterKind;
import org.irqlab.dsl.model.IrqbalanceSetting;
import org.irqlab.dsl.model.ManagedSetting;
import org.irqlab.dsl.model.MachineSetting;
import org.irqlab.dsl.model.ModelFactory;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.DeviceTranslator;
import org.irqlab.dsl.simulation.Headroom;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.SimulationBudget;

/**
 * The fixes worth proposing for a scenario whose devices lose their per-queue vectors or fail, each
 * simulated on a copy of the model: the driver change, the virtio_pci INTx fix, and the settings that
 * the simulation shows to help.
 */
public final class FixProposals {

	/** The identifiers of the two code changes, as {@link Fix#id()} gives them. */
	public static final String DROP_AFFINITY = Fix.Type.DROP_AFFINITY.id();
	public static final String INTX_CHECK = Fix.Type.INTX_CHECK.id();

	/** The fixes to show, and the settings that were simulated but changed nothing worth showing. */
	public record Proposals(List<Fix> fixes, List<String> triedWithoutEffect) {
	}

	private final ScenarioFacts base;
	private final BooleanSupplier cancelled;
	private final List<String> tried = new ArrayList<>();

	private FixProposals(ScenarioFacts base, BooleanSupplier cancelled) {
		this.base = base;
		this.cancelled = cancelled;
	}

	public static Proposals of(ScenarioFacts base, BooleanSupplier cancelled) {
		if (!base.outcome().simulated() || base.degraded() == 0) {
			return new Proposals(List.of(), List.of());
		}
		return new FixProposals(base, cancelled).propose();
	}

	private Proposals propose() {
		List<Fix> fixes = new ArrayList<>();
		dropAffinity().ifPresent(fixes::add);
		intxCheck().ifPresent(fixes::add);
		numRequestQueues().ifPresent(fixes::add);
		irqbalance().ifPresent(fixes::add);
		fewerDevices().ifPresent(fixes::add);
		moreCpusOnline().ifPresent(fixes::add);
		return new Proposals(List.copyOf(fixes), List.copyOf(tried));
	}

	// ---------------------------------------------------------------- the driver change

	private Optional<Fix> dropAffinity() {
		List<DeviceType> managedBlk = virtioBlkTypes();
		boolean blkDegraded = base.devices().stream().anyMatch(d -> d.driver().equals("virtio_blk")
				&& d.path() != InterruptPath.PER_QUEUE_MSIX_MANAGED && d.path() != InterruptPath.PER_QUEUE_MSIX_UNMANAGED);
		if (managedBlk.isEmpty() || !blkDegraded) {
			return Optional.empty();
		}
		WhatIf whatIf = WhatIf.of(scenario());
		for (DeviceType type : managedBlk) {
			DeviceType copy = whatIf.types().get(type);
			copy.getSettings().removeIf(ManagedSetting.class::isInstance);
			ManagedSetting managed = ModelFactory.eINSTANCE.createManagedSetting();
			managed.setValue(org.irqlab.dsl.model.Bool.FALSE);
			copy.getSettings().add(managed);
		}
		ScenarioOutcome outcome = whatIf.run(cancelled);
		if (!outcome.simulated()) {
			return Optional.empty();
		}
		ScenarioFacts fixed = ScenarioFacts.of(outcome);
		Fix.Result result = resultOf(fixed, whatIf);
		String names = String.join(", ", managedBlk.stream().map(DeviceType::getName).toList());
		int before = base.cause() == null ? 0 : base.cause().slotsPerDevice();
		String effect = comparison(result) + " Each " + names + " with per-queue vectors now takes "
				+ Figures.count(slotsOfFirstPerQueue(fixed), "vector slot", "vector slots")
				+ (before > 0 ? " instead of " + Figures.n(before) : "") + ".";
		String cost = placementCost(fixed)
				+ " blk-mq then maps its hardware queues to CPUs with its generic spread instead of reading the"
				+ " interrupts' affinity, so a request may complete on a CPU far from the one that issued it;"
				+ " and on CPU hot-unplug the queue interrupts are migrated rather than shut down with their CPUs.";
		String upstream = "Rejected upstream. The same change was posted in September 2022 (\"virtio_blk: should not"
				+ " use IRQD_AFFINITY_MANAGED in init_rq\") and not merged: the maintainers answered that blk-mq's"
				+ " queue mapping relies on managed affinity and that vector exhaustion is not virtio_blk's problem to"
				+ " solve. For you this means a local patch to carry and rebase on every kernel update, and no"
				+ " support from your distribution for it.";
		return Optional.of(new Fix(Fix.Type.DROP_AFFINITY,
				"virtio_blk: stop passing an irq_affinity descriptor from init_vq()",
				"init_vq() calls virtio_find_vqs() with no struct irq_affinity, so the request-queue vectors of "
						+ names + " are ordinary (not managed) interrupts",
				result, effect, cost, upstream, List.of(), null));
	}

	private List<DeviceType> virtioBlkTypes() {
		List<DeviceType> types = new ArrayList<>();
		for (DeviceType type : WhatIf.of(scenario()).types().keySet()) {
			if (type.getDriver() == Driver.VIRTIO_BLK && !Boolean.FALSE.equals(DeviceTranslator.translate(type).managed())) {
				types.add(type);
			}
		}
		return types;
	}

	/** Where the no longer managed queue vectors ended up, read off the re-simulated probes. */
	private static String placementCost(ScenarioFacts fixed) {
		int[] perCpu = new int[Math.max(1, fixed.outcome().machine().nrCpuIds())];
		int vectors = 0;
		for (ScenarioFacts.DeviceRow row : fixed.devices()) {
			if (row.driver().equals("virtio_blk") && row.path() == InterruptPath.PER_QUEUE_MSIX_UNMANAGED) {
				for (VectorInfo vector : row.result().vectors()) {
					if (vector.queue().startsWith("req") && vector.effectiveCpu() >= 0) {
						perCpu[vector.effectiveCpu()]++;
						vectors++;
					}
				}
			}
		}
		int max = 0;
		int used = 0;
		for (int each : perCpu) {
			max = Math.max(max, each);
			used += each > 0 ? 1 : 0;
		}
		return "The kernel no longer spreads the queue interrupts: the " + Figures.n(vectors)
				+ " request-queue vectors land wherever the vector allocator finds room (" + Figures.n(used)
				+ " CPUs, up to " + Figures.n(max) + " on one CPU) and irqbalance may move them.";
	}

	// ---------------------------------------------------------------- the INTx fix

	private Optional<Fix> intxCheck() {
		KernelRules profile = base.outcome().machine().profile();
		if (profile.virtioSteps().contains(KernelRules.VirtioStep.IRQ_CHECK)) {
			return Optional.empty();
		}
		List<ScenarioFacts.DeviceRow> collided = base.devices().stream().filter(FixProposals::failedOnIrqZero)
				.toList();
		if (collided.isEmpty()) {
			return Optional.empty();
		}
		// Asking for irq 0 takes nothing from the vector matrix, so a kernel that skips the INTx step ends
		// every probe in the same matrix; only the error the probe returns differs.
		int errno = lastMsixError(collided.get(0));
		Fix.Result before = resultOf(base, null);
		Fix.Result result = new Fix.Result(before.probes(), before.perQueue(), before.shared(), before.intx(), before.failed(),
				before.endAvailable(), errno, before.headroom(), true);
		ScenarioFacts.DeviceRow first = collided.get(0);
		String effect = "The same " + Figures.count(collided.size(), "device", "devices") + " (from " + first.name()
				+ ") still fail" + (collided.size() == 1 ? "s" : "") + ", now with " + Figures.errno(errno)
				+ " from the MSI-X step instead of " + Figures.errno(first.errno())
				+ ", and the kernel no longer asks for irq 0: no \"genirq: Flags mismatch irq 0\" and no backtrace"
				+ " in the log. IrqLab reads these figures off the run above: the INTx attempt on a device without a"
				+ " line takes nothing from the vector matrix, so the fixed kernel ends in the same state.";
		String cost = "None, and no capacity back: not one more device probes. It makes the failure honest and"
				+ " easy to recognise, nothing more.";
		String upstream = "Merged upstream for 6.1 in October 2022: commit 71491c54eafa (\"virtio_pci: don't try to"
				+ " use intxif pin is zero\") and its follow-up 2145ab513e3b (\"virtio_pci: use irq to detect"
				+ " interrupt support\"), which tests pci_dev->irq. " + profile.id() + " (" + profile.release()
				+ ") predates it; ask your distribution for the backport.";
		return Optional.of(new Fix(Fix.Type.INTX_CHECK,
				"virtio_pci: give up before INTx when the device has no interrupt line",
				"vp_find_vqs() returns the MSI-X error when pci_dev->irq is 0 instead of requesting irq 0 as a shared"
						+ " INTx line",
				result, effect, cost, upstream, List.of(), null));
	}

	private static boolean failedOnIrqZero(ScenarioFacts.DeviceRow row) {
		return row.path() == InterruptPath.PROBE_FAILED && row.result().intxCollidedWithTimer();
	}

	private static int lastMsixError(ScenarioFacts.DeviceRow row) {
		int errno = row.errno();
		for (Attempt attempt : row.result().attempts()) {
			if (attempt.step().msix() && attempt.failed()) {
				errno = attempt.result();
			}
		}
		return errno;
	}

	// ---------------------------------------------------------------- settings

	private Optional<Fix> numRequestQueues() {
		if (!base.outcome().machine().profile().virtioBlkHasNumRequestQueues()) {
			return Optional.empty();
		}
		List<DeviceType> types = new ArrayList<>();
		for (DeviceType type : WhatIf.of(scenario()).types().keySet()) {
			DeviceSpec spec = DeviceTranslator.translate(type);
			if (type.getDriver() == Driver.VIRTIO_BLK && spec.queues() > 1
					&& (spec.numRequestQueues() == 0 || spec.numRequestQueues() > 1)) {
				types.add(type);
			}
		}
		if (types.isEmpty()) {
			return Optional.empty();
		}
		return setting(Fix.Type.NUM_REQUEST_QUEUES, "virtio_blk.num_request_queues=1",
				"boot with virtio_blk.num_request_queues=1: one request queue (and one queue vector) per disk",
				"One request queue per disk: less parallel I/O on fast disks.", whatIf -> {
					for (DeviceType type : types) {
						DeviceType copy = whatIf.types().get(type);
						copy.getSettings().removeIf(s -> s instanceof DriverParameter p
								&& p.getKind() == DriverParameterKind.NUM_REQUEST_QUEUES);
						DriverParameter parameter = ModelFactory.eINSTANCE.createDriverParameter();
						parameter.setKind(DriverParameterKind.NUM_REQUEST_QUEUES);
						parameter.setValue(1);
						copy.getSettings().add(parameter);
					}
				});
	}

	private Optional<Fix> irqbalance() {
		IrqbalanceSetting setting = irqbalanceOf(scenario().getMachine().getSettings());
		if (setting == null || !setting.isEnabled()) {
			return Optional.empty();
		}
		if (setting.getBanned() != null) {
			Optional<Fix> unban = setting(Fix.Type.IRQBALANCE_UNBAN, "irqbalance without banned CPUs",
					"irqbalance may place interrupts on every CPU (IRQBALANCE_BANNED_CPULIST emptied)",
					"Interrupts may land on the CPUs you had kept quiet for latency-sensitive work.",
					whatIf -> irqbalanceOf(whatIf.machine().getSettings()).setBanned(null));
			if (unban.isPresent()) {
				return unban;
			}
		}
		if (setting.isPowersave()) {
			return setting(Fix.Type.IRQBALANCE_NO_POWERSAVE, "irqbalance without powersave",
					"irqbalance without its power-save threshold: interrupts stay spread over the CPUs when load is low",
					"Idle CPUs keep taking interrupts, so they sleep less deeply.",
					whatIf -> irqbalanceOf(whatIf.machine().getSettings()).setPowersave(false));
		}
		return setting(Fix.Type.IRQBALANCE_POWERSAVE, "irqbalance powersave",
				"irqbalance with a power-save threshold: interrupts gathered on fewer CPUs when load is low",
				"Interrupt load concentrates on fewer CPUs when the host is idle.",
				whatIf -> irqbalanceOf(whatIf.machine().getSettings()).setPowersave(true));
	}

	private static IrqbalanceSetting irqbalanceOf(List<MachineSetting> settings) {
		for (MachineSetting each : settings) {
			if (each instanceof IrqbalanceSetting irqbalance) {
				return irqbalance;
			}
		}
		return null;
	}

	private Optional<Fix> fewerDevices() {
		ScenarioFacts.Cause cause = base.cause();
		if (cause == null || cause.firstDegraded().index() <= 1) {
			return Optional.empty();
		}
		AddEvent add = addAt(cause.firstDegraded().line());
		if (add == null || add.getCount() <= 1) {
			return Optional.empty();
		}
		int fit = cause.firstDegraded().index() - 1;
		return setting(Fix.Type.FEWER_DEVICES, "at most " + fit + " " + cause.firstDegraded().type() + " on this host",
				"the add at line " + cause.firstDegraded().line() + " plugs " + fit + " devices instead of "
						+ add.getCount() + "; place the other " + (add.getCount() - fit) + " on another host",
				"Another host for " + Figures.count(add.getCount() - fit, "device", "devices") + ".",
				whatIf -> whatIf.copyOf(add).setCount(fit));
	}

	private AddEvent addAt(int line) {
		var all = scenario().eAllContents();
		while (all.hasNext()) {
			if (all.next() instanceof AddEvent add && ScenarioFacts.lineOf(add) == line) {
				return add;
			}
		}
		return null;
	}

	private Optional<Fix> moreCpusOnline() {
		var machine = base.outcome().machine();
		CpuSet offline = machine.possibleCpus().andNot(machine.onlineCpus());
		if (offline.isEmpty()) {
			return Optional.empty();
		}
		String all = machine.possibleCpus().toList();
		return setting(Fix.Type.MORE_CPUS_ONLINE, "CPUs " + offline.toList() + " online",
				"bring the " + Figures.count(offline.size(), "offline CPU", "offline CPUs") + " (" + offline.toList()
						+ ") online before the devices are plugged",
				"Those CPUs run (power, and whatever kept them offline, such as licensing or isolation).",
				whatIf -> {
					List<MachineSetting> settings = whatIf.machine().getSettings();
					settings.removeIf(CpuSetSetting.class::isInstance);
					CpuSetSetting present = ModelFactory.eINSTANCE.createCpuSetSetting();
					present.setKind(CpuSetKind.PRESENT);
					present.setCpus(all);
					CpuSetSetting online = ModelFactory.eINSTANCE.createCpuSetSetting();
					online.setKind(CpuSetKind.ONLINE);
					online.setCpus(all);
					settings.add(present);
					settings.add(online);
				});
	}

	/** Simulates a setting; shows it only when fewer devices degrade or fail than without it. */
	private Optional<Fix> setting(Fix.Type type, String title, String change, String cost,
			Consumer<WhatIf> apply) {
		WhatIf whatIf = WhatIf.of(scenario());
		apply.accept(whatIf);
		ScenarioOutcome outcome = whatIf.run(cancelled);
		if (!outcome.simulated()) {
			tried.add(title + " (could not be simulated: " + outcome.problem() + ")");
			return Optional.empty();
		}
		ScenarioFacts fixed = ScenarioFacts.of(outcome);
		Fix.Result result = resultOf(fixed, whatIf);
		Fix.Result original = resultOf(base, null);
		boolean helps = result.failed() < original.failed() || result.degraded() < original.degraded();
		if (!helps) {
			tried.add(title);
			return Optional.empty();
		}
		return Optional.of(new Fix(type, title, change, result, comparison(result), cost,
				null, List.of(), null));
	}

	// ---------------------------------------------------------------- figures

	private Fix.Result resultOf(ScenarioFacts facts, WhatIf whatIf) {
		int errno = facts.devices().stream().filter(d -> d.path() == InterruptPath.PROBE_FAILED)
				.mapToInt(ScenarioFacts.DeviceRow::errno).findFirst().orElse(0);
		return new Fix.Result(facts.devices().size(), facts.perQueue(), facts.count(InterruptPath.SHARED_MSIX),
				facts.count(InterruptPath.INTX), facts.count(InterruptPath.PROBE_FAILED),
				facts.outcome().end().globalAvailable(), errno, headroom(facts, whatIf), false);
	}

	/** How many more of the type that degraded first would still fit at the end. */
	private String headroom(ScenarioFacts facts, WhatIf whatIf) {
		if (base.cause() == null) {
			return "";
		}
		String name = base.cause().firstDegraded().type();
		for (Map.Entry<DeviceType, DeviceType> entry : WhatIf.of(scenario()).types().entrySet()) {
			if (entry.getKey().getName().equals(name)) {
				DeviceType type = whatIf == null ? entry.getKey() : whatIf.types().get(entry.getKey());
				return Headroom.describe(facts.outcome(), type, SimulationBudget.standard().maxWork(), cancelled);
			}
		}
		return "";
	}

	private String comparison(Fix.Result fixed) {
		Fix.Result before = resultOf(base, null);
		StringBuilder text = new StringBuilder();
		text.append(Figures.n(fixed.perQueue())).append(" of ").append(Figures.n(fixed.probes()))
				.append(" probes get per-queue vectors (").append(Figures.n(before.perQueue())).append(" without it)");
		if (fixed.shared() + fixed.intx() > 0) {
			text.append(", ").append(Figures.n(fixed.shared() + fixed.intx())).append(" fall back");
		}
		text.append(", ").append(Figures.n(fixed.failed())).append(" fail (").append(Figures.n(before.failed()))
				.append(" without it); ").append(Figures.n(fixed.endAvailable()))
				.append(" vector slots stay free at the end (").append(Figures.n(before.endAvailable()))
				.append(" without it).");
		return text.toString();
	}

	private static int slotsOfFirstPerQueue(ScenarioFacts facts) {
		return facts.devices().stream().filter(d -> d.path() == InterruptPath.PER_QUEUE_MSIX_UNMANAGED
				|| d.path() == InterruptPath.PER_QUEUE_MSIX_MANAGED).mapToInt(ScenarioFacts.DeviceRow::slots)
				.findFirst().orElse(0);
	}

	private Scenario scenario() {
		return base.outcome().scenario();
	}
}
