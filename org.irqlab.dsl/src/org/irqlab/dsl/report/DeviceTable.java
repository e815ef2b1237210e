package org.irqlab.dsl.report;

import java.util.List;

/**
 * The device table of report.html and report.md: one row per run of alike probes (same statement, path, errno
 * and vector count), what each column holds. The templates only mark the cells up.
 */
public final class DeviceTable {

	/**
	 * One run of probes.
	 *
	 * @param devices     "#1 virtio0", or the run: "#3–7 (5): virtio2–virtio6"
	 * @param type        the model's device type name
	 * @param driver      its driver
	 * @param line        the line of the statement that probed them
	 * @param interrupts  the interrupt path they got, in words
	 * @param colour      that path's colour, the same as in the charts
	 * @param vectorsEach the interrupt vectors each got
	 * @param slotsEach   the vector slots each took from the matrix: "81", or "79–81" when they differ
	 * @param result      "ok", or the errno the probes returned
	 */
	public record Row(String devices, String type, String driver, int line, String interrupts, String colour,
			int vectorsEach, String slotsEach, String result) {
	}

	private DeviceTable() {
	}

	public static List<Row> rows(ScenarioFacts facts) {
		return facts.runs().stream().map(DeviceTable::row).toList();
	}

	private static Row row(ScenarioFacts.Run run) {
		ScenarioFacts.DeviceRow first = run.first();
		String devices = run.single() ? "#" + first.index() + " " + first.name()
				: "#" + first.index() + "\u2013" + run.last().index() + " (" + run.count() + "): " + first.name()
						+ "\u2013" + run.last().name();
		String slots = run.minSlots() == run.maxSlots() ? Figures.n(run.minSlots())
				: Figures.n(run.minSlots()) + "\u2013" + Figures.n(run.maxSlots());
		return new Row(devices, first.type(), first.driver(), first.line(), Paths.describe(first.path(), first.result().type()),
				Paths.colour(first.path()), first.vectors(), slots,
				first.errno() == 0 ? "ok" : Figures.errno(first.errno()));
	}
}
