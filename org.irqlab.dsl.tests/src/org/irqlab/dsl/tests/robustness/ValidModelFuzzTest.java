package org.irqlab.dsl.tests.robustness;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.findings.FindingKind;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.SimulationBudget;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.tests.kernel.Invariants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * Random valid models (see {@link ValidModels}) through parse, link, every check and the simulator: none
 * may make the simulator fail or leave its matrix inconsistent, and none may be refused as invalid (which
 * would mean the generator, or a validator, is wrong). 400 models by default (about 35 s); more with
 * {@code -Dirqlab.fuzz.valid=N}, others with {@code -Dirqlab.fuzz.seed=N}.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class ValidModelFuzzTest {

	private static final int MODELS = Integer.getInteger("irqlab.fuzz.valid", 400);
	private static final long SEED = Long.getLong("irqlab.fuzz.seed", 4_180_305L);

	/** What a valid model may still be told: everything the simulation finds. */
	private static final Set<String> SIMULATION_CODES = Arrays.stream(FindingKind.values())
			.filter(kind -> kind != FindingKind.SIMULATION_FAILED).map(FindingKind::issueCode).collect(Collectors.toSet());

	@Inject
	private ModelCheck check;

	@Inject
	private ParseHelper<Model> parser;

	@Test
	void noValidModelMakesTheSimulatorFailOrBreaksItsInvariants() throws Exception {
		ValidModels models = new ValidModels(SEED);
		List<String> failures = new ArrayList<>();
		int simulated = 0;
		for (int i = 0; i < MODELS && failures.size() < 5; i++) {
			String text = models.next();
			ModelCheck.Result result = check.check(text);
			if (result.failed()) {
				failures.add(result.signature() + "\n" + text + "\n" + result.stackTrace());
				continue;
			}
			List<Issue> refused = result.issues().stream()
					.filter(issue -> issue.getSeverity() == Severity.ERROR && !SIMULATION_CODES.contains(issue.getCode()))
					.toList();
			if (!refused.isEmpty()) {
				failures.add("a valid model was refused: " + refused + "\n" + text);
				continue;
			}
			String broken = invariantsAfter(text);
			if (broken != null) {
				failures.add(broken + "\n" + text);
			} else {
				simulated++;
			}
		}
		if (!failures.isEmpty()) {
			fail(failures.size() + " failing models, the first:\n" + String.join("\n----\n", failures));
		}
		assertTrue(simulated > MODELS * 9 / 10, simulated + " of " + MODELS + " models were simulated to the end");
	}

	/** Runs the scenario without the safety net and checks the matrix's invariants at its end; null when they hold. */
	private String invariantsAfter(String text) throws Exception {
		Scenario scenario = (Scenario) parser.parse(text).getElements().stream().filter(Scenario.class::isInstance)
				.findFirst().orElseThrow();
		ScenarioOutcome outcome = new ScenarioRunner(new SimulationBudget(SimulationBudget.DEFAULT_WORK), () -> false)
				.run(scenario);
		if (!outcome.simulated()) {
			return outcome.reason() == ScenarioOutcome.NotSimulated.TOO_LARGE ? null : "not simulated: " + outcome.problem();
		}
		try {
			// a managed reservation made while a CPU is offline is not taken off its available count, and the
			// kernel does not recount it when the CPU returns: per-CPU availability is exact only without hotplug
			Invariants.check(outcome.simulation().snapshot(), !text.contains("offline"));
			return null;
		} catch (AssertionError e) {
			return "invariant broken: " + e.getMessage();
		}
	}
}
