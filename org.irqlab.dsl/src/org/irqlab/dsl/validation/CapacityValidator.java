package org.irqlab.dsl.validation;

import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.irqlab.dsl.findings.Finding;
import org.irqlab.dsl.findings.ScenarioFindings;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.simulation.SimulationBudget;

import com.google.inject.Inject;

/**
 * What the kernel would do with each scenario, on the statement that causes it. The simulation layer makes
 * the findings ({@link ScenarioFindings}); this validator only turns each into a diagnostic of its severity
 * and issue code, so a new kind of finding needs no change here.
 */
public class CapacityValidator extends IrqLabCheckBase {

	@Inject
	private ScenarioSimulations simulations;

	@Inject
	private OperationCanceledManager cancellation;

	@Check(CheckType.FAST)
	public void simulationFindings(Scenario scenario) {
		if (hasSyntaxErrors(scenario)) {
			return;
		}
		ScenarioFindings.of(outcomeOf(scenario)).forEach(this::report);
	}

	/** Costs a few further simulations per device type: on save and in `irqlab check`, not on every keystroke. */
	@Check(CheckType.NORMAL)
	public void headroomAtTheEnd(Scenario scenario) {
		if (hasSyntaxErrors(scenario)) {
			return;
		}
		Finding headroom = ScenarioFindings.headroom(outcomeOf(scenario), SimulationBudget.standard().maxWork(),
				getCancelIndicator()::isCanceled);
		if (headroom != null) {
			report(headroom);
		}
	}

	private void report(Finding finding) {
		String[] data = finding.data().toArray(String[]::new);
		switch (finding.kind().severity()) {
			case ERROR -> error(finding.message(), finding.source(), finding.feature(), finding.kind().issueCode(), data);
			case WARNING -> warning(finding.message(), finding.source(), finding.feature(), finding.kind().issueCode(),
					data);
			case INFO -> info(finding.message(), finding.source(), finding.feature(), finding.kind().issueCode(), data);
		}
	}

	private ScenarioOutcome outcomeOf(Scenario scenario) {
		try {
			return simulations.outcome(scenario, getCancelIndicator());
		} catch (ScenarioRunner.Cancelled e) {
			cancellation.throwOperationCanceledException();
			throw e;
		}
	}
}
