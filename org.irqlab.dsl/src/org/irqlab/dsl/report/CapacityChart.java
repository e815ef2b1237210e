package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.InterruptPath;

/**
 * Where everything of the capacity curve goes (global_available after every simulated operation, with the
 * interrupt path of each probe behind it): the figures {@code SvgCharts.xtend} draws.
 */
public final class CapacityChart {

	public static final int WIDTH = 900;
	public static final int HEIGHT = 280;
	public static final int LEFT = 64;
	public static final int TOP = 28;
	public static final int PLOT_WIDTH = WIDTH - LEFT - 16;
	public static final int PLOT_HEIGHT = HEIGHT - TOP - 44;
	public static final int PLOT_RIGHT = LEFT + PLOT_WIDTH;
	public static final int PLOT_BOTTOM = TOP + PLOT_HEIGHT;
	/** Where the labels of the y axis end, and where the label of all slots ends. */
	public static final int Y_LABELS = LEFT - 6;
	public static final int TOTAL_LABEL = PLOT_RIGHT - 4;
	/** The baseline of the labels of the x axis, and of its title. */
	public static final int X_LABELS = PLOT_BOTTOM + 16;
	public static final int X_TITLE = HEIGHT - 8;
	public static final int PLOT_CENTRE = LEFT + PLOT_WIDTH / 2;
	public static final int PLOT_MIDDLE = TOP + PLOT_HEIGHT / 2;

	/** Consecutive probes on one interrupt path: the indexes of its first and last point of the curve. */
	public record Band(int firstPoint, int lastPoint, InterruptPath path) {
	}

	/** A band's background, from {@code x} over {@code width}. */
	public record Stripe(double x, double width, InterruptPath path) {
	}

	/** A horizontal grid line at {@code y} for {@code value} free slots, labelled a little lower. */
	public record GridLine(double y, int value) {
		public double labelY() {
			return y + 4;
		}
	}

	/** The label of all slots of the online CPUs, above where they would be, when that is on the scale. */
	public record Total(double labelY, int slots, int cpus) {
	}

	/** A label of the x axis: {@code step} operations at {@code x}. */
	public record Tick(double x, int step) {
	}

	/** A vertex of the curve. */
	public record Vertex(double x, double y) {
	}

	/**
	 * Where the path changes: a dashed line at {@code x}, labelled with the first device of the new band.
	 *
	 * @param anchor SVG text-anchor of the label: "end" in the right part of the plot, else "start"
	 */
	public record Change(double x, double labelX, int labelY, String anchor, String device, InterruptPath path) {
	}

	/** A legend entry: its colour square at {@code x}, its text at {@code textX}. */
	public record Legend(int x, int textX, InterruptPath path) {
	}

	private final List<ScenarioFacts.CurvePoint> points;
	private final int total;
	private final int onlineCpus;
	private final int max;
	private final int steps;
	private final List<Band> bands;

	public CapacityChart(ScenarioFacts facts) {
		points = facts.curve();
		onlineCpus = facts.outcome().start().onlineMaps();
		total = facts.usablePerCpu() * Math.max(1, onlineCpus);
		max = Math.max(1, Math.max(total,
				points.stream().mapToInt(ScenarioFacts.CurvePoint::globalAvailable).max().orElse(1)));
		steps = Math.max(1, points.size() - 1);
		bands = bands(points);
	}

	public List<Stripe> stripes() {
		List<Stripe> stripes = new ArrayList<>();
		for (Band band : bands) {
			double x0 = LEFT + PLOT_WIDTH * (band.firstPoint() - 0.5) / steps;
			double x1 = LEFT + PLOT_WIDTH * (band.lastPoint() + 0.5) / steps;
			x0 = Math.max(LEFT, x0);
			x1 = Math.min(LEFT + PLOT_WIDTH, x1);
			stripes.add(new Stripe(x0, Math.max(0.5, x1 - x0), band.path()));
		}
		return stripes;
	}

	/** Five lines, from 0 to the top of the scale. */
	public List<GridLine> grid() {
		List<GridLine> lines = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			int value = (int) Math.round(max * i / 4.0);
			lines.add(new GridLine(y(value), value));
		}
		return lines;
	}

	/** Null when the slots of all online CPUs are not on the scale. */
	public Total total() {
		return total > 0 && total <= max ? new Total(y(total) - 4, total, onlineCpus) : null;
	}

	public List<Tick> ticks() {
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			int step = (int) Math.round(steps * i / 4.0);
			ticks.add(new Tick(x(step), step));
		}
		return ticks;
	}

	public List<Vertex> vertices() {
		return points.stream().map(p -> new Vertex(x(p.step()), y(p.globalAvailable()))).toList();
	}

	/** The first probe of each band after the first; the labels take three rows in turn. */
	public List<Change> changes() {
		List<Change> changes = new ArrayList<>();
		for (int i = 1; i < bands.size(); i++) {
			Band band = bands.get(i);
			ScenarioFacts.CurvePoint point = points.get(band.firstPoint());
			double x = x(point.step());
			boolean leftSide = x > LEFT + PLOT_WIDTH * 0.6;
			changes.add(new Change(x, leftSide ? x - 4 : x + 4, TOP + 14 + 14 * ((i - 1) % 3),
					leftSide ? "end" : "start", point.label(), band.path()));
		}
		return changes;
	}

	/** The paths the probes got, in the order of {@link InterruptPath}, side by side. */
	public List<Legend> legend() {
		List<Legend> legend = new ArrayList<>();
		int x = LEFT;
		for (InterruptPath path : InterruptPath.values()) {
			if (points.stream().anyMatch(p -> simplified(p.path()) == path)) {
				legend.add(new Legend(x, x + 14, path));
				x += 30 + 7 * Paths.describe(path).length();
			}
		}
		return legend;
	}

	private double x(int step) {
		return LEFT + PLOT_WIDTH * (double) step / steps;
	}

	private double y(int value) {
		return TOP + PLOT_HEIGHT - PLOT_HEIGHT * (double) value / max;
	}

	/** Stretches of consecutive probes on one path; other operations do not end a stretch. */
	static List<Band> bands(List<ScenarioFacts.CurvePoint> points) {
		List<Band> bands = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			InterruptPath path = simplified(points.get(i).path());
			if (path == null) {
				continue;
			}
			Band last = bands.isEmpty() ? null : bands.get(bands.size() - 1);
			if (last != null && last.path() == path) {
				bands.set(bands.size() - 1, new Band(last.firstPoint(), i, path));
			} else {
				bands.add(new Band(i, i, path));
			}
		}
		return bands;
	}

	/** Managed or not, per-queue vectors are one band. */
	private static InterruptPath simplified(InterruptPath path) {
		return path == InterruptPath.PER_QUEUE_MSIX_UNMANAGED ? InterruptPath.PER_QUEUE_MSIX_MANAGED : path;
	}
}
