package org.irqlab.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.ide.hover.AddEventDescription;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.report.DeviceTable;
import org.irqlab.dsl.report.ScenarioFacts;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * nvme's fallback is one vector, nvmeNq0, for its admin queue and a single I/O queue: the hover and the
 * report's device table say so instead of virtio's "shared MSI-X", and the hover repeats the warning that
 * which controllers lose varies from boot to boot.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class NvmeFallbackWordingTest {

	private static final String GUEST = """
			machine guest { kernel 6.1 cpus 16 nodes 2 load { placed 6 reserved 9 } intx lines 10, 11 }
			device ssd : nvme { queues 64 numa none }
			scenario probe on guest { add 200 x ssd }
			""";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ScenarioSimulations simulations;

	@Inject
	private AddEventDescription hover;

	@Test
	void theHoverNamesNvmesSingleVectorAndTheRange() throws Exception {
		Scenario scenario = (Scenario) parser.parse(GUEST).getElements().get(2);
		String text = hover.describe((AddEvent) scenario.getEvents().get(0), CancelIndicator.NullImpl);

		assertTrue(text.contains("178 per-queue MSI-X (managed): 17 slots each"), text);
		assertTrue(text.contains("22 one MSI-X vector for admin and I/O (nvmeNq0)"), text);
		assertTrue(text.contains("nvme178q0, nvme178q1  irq "), text);
		assertTrue(text.contains("warning: between 167 and 178 of the 200 nvme of this add get per-queue vectors"), text);
		assertFalse(text.contains("shared MSI-X"), text);
	}

	@Test
	void theReportsDeviceTableNamesNvmesSingleVector() throws Exception {
		Scenario scenario = (Scenario) parser.parse(GUEST).getElements().get(2);
		List<DeviceTable.Row> rows = DeviceTable.rows(ScenarioFacts.of(simulations.outcome(scenario, CancelIndicator.NullImpl)));

		assertEquals(2, rows.size());
		assertEquals("per-queue MSI-X, managed", rows.get(0).interrupts());
		assertEquals("one MSI-X vector for admin and I/O (nvmeNq0)", rows.get(1).interrupts());
	}
}
