package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.InterruptPath;

/**
 * The table of proposed fixes in report.html and report.md: the scenario as modelled, then each fix, with
 * what its simulation gives. The templates only mark the cells up.
 */
public final class FixTable {

	/**
	 * One row.
	 *
	 * @param fix       the fix's title, or "as modelled (no fix)"
	 * @param anchor    where the fix is described in the page ("fix-" and its id), null for the scenario as modelled
	 * @param kind      driver patch, kernel fix, setting; empty for the scenario as modelled
	 * @param perQueue  probes with per-queue vectors
	 * @param fallBack  probes that fall back to shared MSI-X or INTx
	 * @param failed    probes that fail
	 * @param freeAtEnd free vector slots at the end
	 */
	public record Row(String fix, String anchor, String kind, long perQueue, long fallBack, long failed,
			long freeAtEnd) {
	}

	private FixTable() {
	}

	public static List<Row> rows(ScenarioReport report) {
		ScenarioFacts facts = report.facts();
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("as modelled (no fix)", null, "", facts.perQueue(), facts.fellBack(),
				facts.count(InterruptPath.PROBE_FAILED), facts.outcome().end().globalAvailable()));
		for (Fix fix : report.proposals().fixes()) {
			Fix.Result r = fix.result();
			rows.add(new Row(fix.title(), "fix-" + fix.id(), fix.kind().label(), r.perQueue(), r.shared() + r.intx(),
					r.failed(), r.endAvailable()));
		}
		return rows;
	}
}
