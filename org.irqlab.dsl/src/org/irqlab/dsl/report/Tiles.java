package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.InterruptPath;

/** The figures under report.html's verdict, each with what it counts. */
public final class Tiles {

	/** A figure ("195 / 400") and its label ("probes with per-queue vectors"). */
	public record Tile(String figure, String label) {
	}

	private Tiles() {
	}

	public static List<Tile> of(ScenarioFacts facts) {
		List<Tile> tiles = new ArrayList<>();
		tiles.add(new Tile(Figures.n(facts.perQueue()) + " / " + Figures.n(facts.devices().size()),
				"probes with per-queue vectors"));
		tiles.add(new Tile(Figures.n(facts.fellBack()), "fell back to shared MSI-X or INTx"));
		tiles.add(new Tile(Figures.n(facts.count(InterruptPath.PROBE_FAILED)), "failed to probe"));
		ScenarioFacts.Cause cause = facts.cause();
		if (cause != null && cause.costly() != null) {
			tiles.add(new Tile(Figures.n(cause.slotsPerDevice()), "vector slots per " + cause.costly().type() + " ("
					+ cause.costly().vectors() + " interrupts)"));
		}
		tiles.add(new Tile(Figures.n(facts.outcome().start().globalAvailable()) + " \u2192 "
				+ Figures.n(facts.outcome().end().globalAvailable()), "free vector slots, start \u2192 end"));
		return tiles;
	}
}
