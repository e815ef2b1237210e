package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;

/** The one scenario a command works on: the one named by --scenario, or the file's only one. */
final class ScenarioChoice {

	private ScenarioChoice() {
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
