package org.irqlab.dsl.tests.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * The models the fuzz test found that froze the editor or made the simulator throw: each is now
 * refused with an error on the scenario that names what to fix, before anything is simulated.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class SimulationBoundsTest {

	private static final String VM = "machine vm { kernel 6.12 cpus 8 nodes 1 }\n";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void twoBillionQueuesAreRefusedNotAllocated() throws Exception {
		Model model = parser.parse(VM + """
				device nic : virtio_net { queues 2147483647 }
				scenario s on vm { add nic }
				""");

		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_REFUSED,
				"not simulated until device type nic is fixed", "queues 2147483647 is outside 1-2048");
	}

	@Test
	void aCpuListReachingTwoToTheThirtyFirstIsRefused() throws Exception {
		Model model = parser.parse(VM + """
				device disk : virtio_blk { queues 2 }
				scenario s on vm { add disk offline 1-2147483647 }
				""");

		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_REFUSED,
				"CPU 2147483647 of 1-2147483647 is outside CPUs 0-7");
	}

	@Test
	void moreSmtThreadsThanCpusAreRefused() throws Exception {
		Model model = parser.parse("""
				machine host { cpus 64 smt 235 }
				device disk : virtio_blk { }
				scenario s on host { add disk }
				""");

		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_REFUSED, "smt 235 is outside 1-8");
	}

	@Test
	void aLoadTheCpusCannotHoldSaysTheMachineCannotBoot() throws Exception {
		Model model = parser.parse("""
				machine host { kernel 6.12 cpus 2 nodes 1 load on 0 { allocated 256 } }
				device disk : virtio_blk { }
				scenario s on host { add disk }
				""");

		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_REFUSED,
				"machine host cannot boot as written", "boot load does not fit");
	}

	@Test
	void irqbalancePassesCountTowardsTheBound() throws Exception {
		Model model = parser.parse("""
				machine host { kernel el8-4.18 cpus 80 nodes 2 irqbalance on }
				device disk : virtio_blk { queues 2 }
				scenario s on host { balance 99999 x add disk }
				""");

		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_TOO_LARGE,
				"more than IrqLab simulates while you edit");
	}

	@Test
	void emptyRepeatsStillCountTowardsTheBound() throws Exception {
		Model model = parser.parse(VM + """
				scenario s on vm { repeat 2147483647 { repeat 2147483647 { } } }
				""");

		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_TOO_LARGE,
				"more than IrqLab simulates while you edit");
	}

	@Test
	void devicesCountWithTheVectorsTheyPlace() throws Exception {
		String machine = "machine big { kernel 6.12 cpus 8192 nodes 16 }\ndevice nic : virtio_net { queues 1000 }\n";

		// 2001 non-managed vectors, each placed by a search over 8192 CPUs
		validation.assertError(parser.parse(machine + "scenario s on big { add 64 x nic }"), Literals.SCENARIO,
				IssueCodes.SIMULATION_TOO_LARGE, "more than IrqLab simulates while you edit");
		// one of them is simulated; the headroom stops early instead of probing 1024 more (2 minutes)
		List<Issue> issues = validation.validate(parser.parse(machine + "scenario s on big { add nic }"));
		Issue headroom = issues.stream().filter(i -> IssueCodes.HEADROOM.equals(i.getCode())).findFirst().orElseThrow();
		Matcher more = Pattern.compile("room for at least (\\d+) more nic").matcher(headroom.getMessage());
		assertTrue(more.find() && Integer.parseInt(more.group(1)) <= 16, headroom.getMessage());
	}

	@Test
	void anIntxLineOfZeroIsRefusedByTheValidatorAndTheSimulatorAlike() throws Exception {
		Model model = parser.parse(VM + """
				device disk : virtio_blk { intx 0 }
				scenario s on vm { add disk }
				""");

		validation.assertError(model, Literals.INTX_SETTING, IssueCodes.VALUE_OUT_OF_RANGE, "an INTx line is 1 to 255");
		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_REFUSED,
				"not simulated until device type disk is fixed", "intx 0 is outside 1-255");
	}

	@Test
	void nvmeWriteQueuesBeyondTheCpusAreSimulatedNotACrash() throws Exception {
		// the adversarial run's reproducer: it gave "IrqLab's simulator failed (ArrayIndexOutOfBoundsException)"
		for (String kernel : List.of("el8-4.18", "6.1", "6.12")) {
			Model model = parser.parse("machine m { kernel " + kernel + " cpus 2 }\n"
					+ "device ssd : nvme { queues 4 write_queues 3 }\n"
					+ "scenario s on m { add ssd }\n");

			List<Issue> issues = validation.validate(model);
			assertTrue(issues.stream().noneMatch(i -> IssueCodes.SIMULATION_FAILED.equals(i.getCode())), kernel + ": " + issues);
		}
	}
}
