package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.cli.ModelLoader;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.report.Fix;
import org.irqlab.dsl.report.FixProposals;
import org.irqlab.dsl.report.ScenarioFacts;
import org.irqlab.dsl.report.WhatIf;
import org.irqlab.dsl.simulation.DeviceTranslator;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.junit.jupiter.api.Test;

/** The fixes the seed incident's report proposes, each simulated, and the user's model left as written. */
public class FixProposalsTest {

	private static Scenario seedScenario() {
		var model = Reports.examples().resolve("seed-incident.irqlab");
		var result = new ModelLoader(Reports.injector()).loadAndValidate(List.of(model));
		Model root = (Model) result.resources().get(model).getContents().get(0);
		return root.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast).findFirst()
				.orElseThrow();
	}

	private static FixProposals.Proposals proposals(Scenario scenario) {
		ScenarioSimulations simulations = Reports.injector().getInstance(ScenarioSimulations.class);
		return FixProposals.of(ScenarioFacts.of(simulations.outcome(scenario, CancelIndicator.NullImpl)), () -> false);
	}

	private static Fix fix(FixProposals.Proposals proposals, String id) {
		return proposals.fixes().stream().filter(f -> f.id().equals(id)).findFirst()
				.orElseThrow(() -> new AssertionError(id + " not proposed: " + proposals.fixes()));
	}

	@Test
	void droppingTheAffinityDescriptorLetsEveryDiskProbe() {
		Fix drop = fix(proposals(seedScenario()), FixProposals.DROP_AFFINITY);
		assertEquals(Fix.Kind.DRIVER_PATCH, drop.kind());
		assertEquals(512, drop.result().perQueue());
		assertEquals(0, drop.result().failed());
		assertTrue(drop.result().endAvailable() > 10_000, drop.toString());
		assertTrue(drop.effect().contains("takes 3 vector slots instead of 81"), drop.effect());
		assertTrue(drop.upstream().startsWith("Rejected upstream"), drop.upstream());
		assertTrue(drop.upstream().contains("blk-mq's queue mapping relies on managed affinity"), drop.upstream());
	}

	@Test
	void theIntxFixFailsCleanlyButGivesNoCapacityBack() {
		Fix intx = fix(proposals(seedScenario()), FixProposals.INTX_CHECK);
		assertEquals(221, intx.result().failed());
		assertEquals(190, intx.result().perQueue());
		assertEquals(-28, intx.result().errno(), "the MSI-X step's -ENOSPC instead of -EBUSY");
		assertTrue(intx.cost().contains("no capacity back"), intx.cost());
	}

	@Test
	void settingsAreShownOnlyWhenTheyHelp() {
		FixProposals.Proposals proposals = proposals(seedScenario());
		Fix fewer = fix(proposals, "fewer-devices");
		assertEquals(190, fewer.result().probes());
		assertEquals(0, fewer.result().degraded());
		assertFalse(proposals.fixes().stream().anyMatch(f -> f.id().equals("irqbalance-powersave")),
				"the seed runs no irqbalance pass, so powersave changes nothing");
		assertTrue(proposals.triedWithoutEffect().contains("irqbalance powersave"), proposals.triedWithoutEffect().toString());
		assertFalse(proposals.fixes().stream().anyMatch(f -> f.id().equals("num-request-queues")),
				"el8's virtio_blk has no num_request_queues parameter");
	}

	@Test
	void whatIfCopiesLeaveTheModelAlone() {
		Scenario scenario = seedScenario();
		WhatIf whatIf = WhatIf.of(scenario);
		DeviceType original = whatIf.types().keySet().iterator().next();
		DeviceType copy = whatIf.types().get(original);
		int settings = original.getSettings().size();
		copy.getSettings().clear();
		assertEquals(settings, original.getSettings().size());
		assertTrue(whatIf.scenario().getMachine() == whatIf.machine(), "the copy's scenario runs on the copied machine");
		assertTrue(whatIf.scenario().getMachine() != scenario.getMachine());

		String before = org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(scenario.eContainer()).getText();
		proposals(scenario);
		assertEquals(null, DeviceTranslator.translate(original).managed(), "the driver's own choice, as written");
		assertEquals(settings, original.getSettings().size(), "proposing fixes changes nothing in the model");
		assertEquals(before, org.eclipse.xtext.nodemodel.util.NodeModelUtils.getNode(scenario.eContainer()).getText());
		var outcome = Reports.injector().getInstance(ScenarioSimulations.class).outcome(scenario, CancelIndicator.NullImpl);
		assertEquals(221, ScenarioFacts.of(outcome).count(InterruptPath.PROBE_FAILED), "the model still fails as written");
	}
}
