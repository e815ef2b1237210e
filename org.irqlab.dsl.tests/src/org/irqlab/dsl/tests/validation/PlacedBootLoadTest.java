package org.irqlab.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.irqlab.kernel.MatrixSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** `load { placed N }` and `placed N on node K`: the boot-time IO-APIC interrupts, placed as the kernel does. */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class PlacedBootLoadTest {

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private ScenarioSimulations simulations;

	private ScenarioOutcome outcome(String text) throws Exception {
		Model model = parser.parse(text);
		validation.assertNoErrors(model);
		Scenario scenario = model.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast)
				.findFirst().orElseThrow();
		return simulations.outcome(scenario, CancelIndicator.NullImpl);
	}

	private static String allocatedPerCpu(ScenarioOutcome outcome) {
		return Arrays.toString(outcome.start().cpus().stream().mapToInt(MatrixSnapshot.CpuMap::allocated).toArray());
	}

	private static String guest(String load) {
		return """
				machine guest {
				    kernel 6.1
				    cpus 8
				    nodes 2
				    %s
				    intx lines 10, 11
				}
				device disk : virtio_blk { queues 1 numa 0 intx 10 }
				scenario s on guest { add disk }
				""".formatted(load);
	}

	@Test
	void aGuestWhoseNode0HasFourCpusGetsTheBootVectorsAsTheKernelPlacesThem() throws Exception {
		// 8 CPUs in 2 nodes of 4: the timer stays on CPU 0, the other 5 go to node 0 first, the CPU with most
		// room and the lowest number on a tie: CPUs 1, 2, 3, then 0 and 1
		ScenarioOutcome outcome = outcome(guest("load { placed 6 reserved 9 }"));
		assertEquals("[2, 2, 1, 1, 0, 0, 0, 0]", allocatedPerCpu(outcome));
	}

	@Test
	void theBootLinesKeepTheirLegacyNumbersSoTheFirstDeviceInterruptIsIrq24() throws Exception {
		ScenarioOutcome outcome = outcome(guest("load { placed 6 reserved 9 }"));
		var config = outcome.events().get(0).devices().get(0).vectors().get(0);
		assertEquals("virtio0-config", config.name());
		assertEquals(24, config.irq());
		// node 0's CPUs 2 and 3 have the most room left
		assertEquals(2, config.effectiveCpu());
	}

	@Test
	void placedOnNode1FillsNode1First() throws Exception {
		ScenarioOutcome outcome = outcome(guest("load { placed 6 on node 1 reserved 9 }"));
		assertEquals("[1, 0, 0, 0, 2, 1, 1, 1]", allocatedPerCpu(outcome));
	}

	@Test
	void aNodeTheMachineDoesNotHaveIsAnError() throws Exception {
		String text = guest("load { placed 6 on node 2 reserved 9 }");
		validation.assertError(parser.parse(text), Literals.LOAD_ITEM, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("2 reserved"), 1, "machine guest has no node 2 (its nodes: 0-1)");
	}

	@Test
	void onlyPlacedInterruptsSitOnANode() throws Exception {
		String text = guest("load { placed 6 reserved 9 on node 1 }");
		validation.assertError(parser.parse(text), Literals.LOAD_ITEM, IssueCodes.LOAD_SCOPE_MISMATCH,
				text.indexOf("on node 1"), 2, "only `placed` interrupts sit on a node");
	}
}
