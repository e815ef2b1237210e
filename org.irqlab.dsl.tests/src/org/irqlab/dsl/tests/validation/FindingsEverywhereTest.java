package org.irqlab.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.findings.Finding;
import org.irqlab.dsl.findings.ScenarioFindings;
import org.irqlab.dsl.ide.hover.AddEventDescription;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.Element;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Inject;

/**
 * The simulation's findings are made once and every surface shows the same ones: each becomes exactly one
 * diagnostic with its kind's severity and issue code, and the hover on an `add` repeats each finding on it.
 * (The reports and `check --format json` print the diagnostics themselves.)
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class FindingsEverywhereTest {

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private ScenarioSimulations simulations;

	@Inject
	private AddEventDescription hover;

	static List<Path> examples() throws IOException {
		Path folder = Path.of(System.getProperty("irqlab.examples"));
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.toString().endsWith(".irqlab")).sorted().toList();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyFindingIsOneDiagnosticAndInTheHover(Path example) throws Exception {
		Model model = parser.parse(Files.readString(example));
		List<Issue> issues = validation.validate(model);
		List<Finding> findings = new ArrayList<>();
		for (Element element : model.getElements()) {
			if (element instanceof Scenario scenario) {
				var outcome = simulations.outcome(scenario, CancelIndicator.NullImpl);
				findings.addAll(ScenarioFindings.of(outcome));
				Finding headroom = ScenarioFindings.headroom(outcome, org.irqlab.dsl.simulation.SimulationBudget.DEFAULT_WORK,
						() -> false);
				if (headroom != null) {
					findings.add(headroom);
				}
			}
		}
		assertFalse(findings.isEmpty(), example + " finds nothing");
		for (Finding finding : findings) {
			List<Issue> same = issues.stream().filter(i -> finding.kind().issueCode().equals(i.getCode())
					&& finding.message().equals(i.getMessage())).toList();
			assertEquals(1, same.size(), example + ": one diagnostic for " + finding.kind() + ": " + finding.message());
			assertEquals(finding.kind().severity().name(), same.get(0).getSeverity().name(), finding.kind().name());
			if (finding.source() instanceof AddEvent add) {
				String text = hover.describe(add, CancelIndicator.NullImpl);
				assertNotNull(text, example + ": no hover on an add with findings");
				assertTrue(text.contains(finding.kind().severity().name().toLowerCase(Locale.ROOT) + ": " + finding.message()),
						example + ": the hover lacks " + finding.message() + "\n" + text);
			}
		}
	}
}
