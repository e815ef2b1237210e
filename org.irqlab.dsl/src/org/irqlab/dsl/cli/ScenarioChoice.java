package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;

/** The one scenario a command works on: the one named by --scenario, or the file's only one. */
final class ScenarioChoice {

	private ScenarioChoice() {
	}

	/**
	 * Loads one model and takes its scenario, printing why not when it cannot: unreadable, syntax errors (in
	 * compiler style), no such scenario. Validation errors do not stop it: they are predictions.
	 *
	 * @return the scenario, in its loaded resource, or null after printing the reason
	 */
	static Scenario load(Path model, String scenarioName, String purpose, PrintWriter err) {
		ModelLoader.Result loaded = new ModelLoader().loadAndValidate(List.of(model));
		for (ModelLoader.Unreadable each : loaded.unreadable()) {
			err.println(each.file() + ": error: cannot read: " + each.reason());
			return null;
		}
		List<Issue> syntax = loaded.issues().get(model).stream().filter(Issue::isSyntaxError).toList();
		if (!syntax.isEmpty()) {
			DiagnosticFormat.inReadingOrder(syntax).forEach(issue -> err.println(DiagnosticFormat.compilerStyle(model, issue)));
			return null;
		}
		return choose(loaded.resources().get(model), scenarioName, model, purpose, err);
	}

	/**
	 * @param purpose what the command does with it, for the message when the file has none ("diff compares a
	 *                scenario's end state")
	 * @return the scenario, or null after printing why there is none to take
	 */
	static Scenario choose(XtextResource resource, String scenarioName, Path model, String purpose, PrintWriter err) {
		List<Scenario> scenarios = resource.getContents().isEmpty() ? List.of()
				: ((Model) resource.getContents().get(0)).getElements().stream().filter(Scenario.class::isInstance)
						.map(Scenario.class::cast).toList();
		if (scenarioName != null) {
			for (Scenario each : scenarios) {
				if (scenarioName.equals(each.getName())) {
					return each;
				}
			}
			err.println(model + ": error: no scenario " + scenarioName + " (it has: " + names(scenarios) + ")");
			return null;
		}
		if (scenarios.size() == 1) {
			return scenarios.get(0);
		}
		err.println(model + ": error: " + (scenarios.isEmpty() ? "has no scenario: " + purpose
				: "has several scenarios (" + names(scenarios) + "): choose one with --scenario"));
		return null;
	}

	private static String names(List<Scenario> scenarios) {
		return scenarios.isEmpty() ? "none" : String.join(", ", scenarios.stream().map(Scenario::getName).toList());
	}
}
