package org.irqlab.dsl.report;

import java.util.List;

import org.eclipse.xtext.validation.Issue;

/**
 * Everything one scenario's report shows, computed once and rendered as HTML, Markdown and JSON.
 *
 * @param file      the model's file name, as the report names it
 * @param issues    the validator's issues inside the scenario
 * @param proposals the fixes, simulated
 * @param outputs   the other files written next to the report, for the links
 */
public record ScenarioReport(String file, ScenarioFacts facts, Verdict verdict, List<Issue> issues,
		FixProposals.Proposals proposals, List<String> outputs) {

	public String scenarioName() {
		return facts.outcome().scenario().getName();
	}

	public String machineName() {
		var machine = facts.outcome().scenario().getMachine();
		return machine == null || machine.eIsProxy() ? "?" : machine.getName();
	}
}
