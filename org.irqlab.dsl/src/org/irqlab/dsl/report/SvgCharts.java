package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.InterruptPath;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;

/**
 * The report's two charts as inline SVG, so that the HTML needs nothing from the network: the
 * capacity curve (global_available after every simulated operation, with the interrupt path of each
 * probe) and the per-CPU heatmap (free vectors per CPU, CPUs grouped by NUMA node).
 */
public final class SvgCharts {

	private static final int WIDTH = 900;

	private SvgCharts() {
	}

	// ---------------------------------------------------------------- capacity curve

	/** One vertex of {@code polyline#curve} per point of {@link ScenarioFacts#curve()}. */
	public static String capacityCurve(ScenarioFacts facts) {
		List<ScenarioFacts.CurvePoint> points = facts.curve();
		int left = 64;
		int right = 16;
		int top = 28;
		int height = 280;
		int bottom = 44;
		int plotW = WIDTH - left - right;
		int plotH = height - top - bottom;
		int total = facts.usablePerCpu() * Math.max(1, facts.outcome().start().onlineMaps());
		int max = Math.max(1, Math.max(total, points.stream().mapToInt(ScenarioFacts.CurvePoint::globalAvailable).max().orElse(1)));
		int steps = Math.max(1, points.size() - 1);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg id=\"capacity\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
				.append(height).append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
				.append("\" role=\"img\" aria-label=\"free vector slots after each operation\">\n");
		// Bands: which interrupt path the probes of each stretch got.
		List<int[]> bands = bands(points);
		for (int[] band : bands) {
			InterruptPath path = InterruptPath.values()[band[2]];
			double x0 = left + plotW * (band[0] - 0.5) / steps;
			double x1 = left + plotW * (band[1] + 0.5) / steps;
			x0 = Math.max(left, x0);
			x1 = Math.min(left + plotW, x1);
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"band\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" fill-opacity=\"0.13\"/>%n",
					x0, top, Math.max(0.5, x1 - x0), plotH, Paths.colour(path)));
		}
		// Axes and grid.
		for (int i = 0; i <= 4; i++) {
			int value = (int) Math.round(max * i / 4.0);
			double y = top + plotH - plotH * (double) value / max;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>%n", left, y,
					left + plotW, y));
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">%s</text>%n", left - 6,
					y + 4, Figures.n(value)));
		}
		if (total > 0 && total <= max) {
			double y = top + plotH - plotH * (double) total / max;
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#777\">all %s slots of %d online CPUs</text>%n",
					left + plotW - 4, y - 4, Figures.n(total), facts.outcome().start().onlineMaps()));
		}
		for (int i = 0; i <= 4; i++) {
			int step = (int) Math.round(steps * i / 4.0);
			double x = left + plotW * (double) step / steps;
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">%d</text>%n", x,
					top + plotH + 16, step));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#444\">operations (each probe, removal, CPU switched, irqbalance pass)</text>%n",
				left + plotW / 2, height - 8));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"12\" y=\"%d\" font-size=\"11\" fill=\"#444\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">free vector slots</text>%n",
				top + plotH / 2, top + plotH / 2));
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
				left, top, left, top + plotH, left, top + plotH, left + plotW, top + plotH));
		// The curve itself.
		StringBuilder vertices = new StringBuilder();
		for (ScenarioFacts.CurvePoint point : points) {
			double x = left + plotW * (double) point.step() / steps;
			double y = top + plotH - plotH * (double) point.globalAvailable() / max;
			vertices.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
		}
		svg.append("<polyline id=\"curve\" fill=\"none\" stroke=\"#1a237e\" stroke-width=\"2\" points=\"")
				.append(vertices.toString().trim()).append("\"/>\n");
		// Where the path changes: the first probe of each band after the first.
		int labelRow = 0;
		for (int i = 1; i < bands.size(); i++) {
			int[] band = bands.get(i);
			ScenarioFacts.CurvePoint point = points.get(band[0]);
			InterruptPath path = InterruptPath.values()[band[2]];
			double x = left + plotW * (double) point.step() / steps;
			svg.append(String.format(Locale.ROOT,
					"<line class=\"change\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-dasharray=\"4 3\"/>%n",
					x, top, x, top + plotH, Paths.colour(path)));
			boolean leftSide = x > left + plotW * 0.6;
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%.1f\" y=\"%d\" font-size=\"11\" font-weight=\"bold\" text-anchor=\"%s\" fill=\"%s\">%s: %s</text>%n",
					leftSide ? x - 4 : x + 4, top + 14 + 14 * (labelRow++ % 3), leftSide ? "end" : "start",
					Paths.colour(path), Html.escape(point.label()), Html.escape(Paths.describe(path))));
		}
		// Legend.
		int lx = left;
		for (InterruptPath path : presentPaths(points)) {
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"6\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"15\" font-size=\"11\" fill=\"#333\">%s</text>%n",
					lx, Paths.colour(path), lx + 14, Html.escape(Paths.describe(path))));
			lx += 30 + 7 * Paths.describe(path).length();
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** Stretches of consecutive probes on one path: {first index, last index, path ordinal}. */
	private static List<int[]> bands(List<ScenarioFacts.CurvePoint> points) {
		List<int[]> bands = new ArrayList<>();
		int[] current = null;
		for (int i = 0; i < points.size(); i++) {
			InterruptPath path = simplified(points.get(i).path());
			if (path == null) {
				continue;
			}
			if (current != null && current[2] == path.ordinal()) {
				current[1] = i;
			} else {
				current = new int[] { i, i, path.ordinal() };
				bands.add(current);
			}
		}
		return bands;
	}

	private static List<InterruptPath> presentPaths(List<ScenarioFacts.CurvePoint> points) {
		List<InterruptPath> paths = new ArrayList<>();
		for (InterruptPath path : InterruptPath.values()) {
			if (points.stream().anyMatch(p -> simplified(p.path()) == path)) {
				paths.add(path);
			}
		}
		return paths;
	}

	/** Managed or not, per-queue vectors are one band. */
	private static InterruptPath simplified(InterruptPath path) {
		return path == InterruptPath.PER_QUEUE_MSIX_UNMANAGED ? InterruptPath.PER_QUEUE_MSIX_MANAGED : path;
	}

	// ---------------------------------------------------------------- heatmap

	/** One {@code rect.cpu} per CPU of the machine, CPUs of one NUMA node together. */
	public static String heatmap(String id, MatrixSnapshot snapshot, MachineSpec machine, int usablePerCpu) {
		int cpus = snapshot.cpus().size();
		int columns = cpus <= 128 ? 40 : cpus <= 1024 ? 64 : 128;
		int cell = Math.max(4, Math.min(20, (WIDTH - 20) / columns - 2));
		int gap = cell >= 10 ? 2 : 1;
		boolean numbers = cell >= 18;
		StringBuilder body = new StringBuilder();
		int y = 6;
		for (int node = 0; node < machine.nrNodeIds(); node++) {
			CpuSet members = machine.nodeCpus(node);
			if (members.isEmpty()) {
				continue;
			}
			long managed = 0;
			long allocated = 0;
			long free = 0;
			for (int cpu : members.toArray()) {
				MatrixSnapshot.CpuMap map = snapshot.cpu(cpu);
				if (map.online()) {
					managed += map.managed();
					allocated += map.allocated() - map.managedAllocated();
					free += map.available();
				}
			}
			body.append(String.format(Locale.ROOT,
					"<text x=\"4\" y=\"%d\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">NUMA node %d: CPUs %s</text>"
							+ "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#444\">%s reserved for managed, %s allocated to others, %s free</text>%n",
					y + 12, node, members.toList(), WIDTH - 6, y + 12, Figures.n(managed), Figures.n(allocated),
					Figures.n(free)));
			y += 18;
			int[] list = members.toArray();
			body.append(String.format(Locale.ROOT, "<g class=\"node\" data-node=\"%d\">%n", node));
			for (int i = 0; i < list.length; i++) {
				MatrixSnapshot.CpuMap map = snapshot.cpu(list[i]);
				int x = 4 + (i % columns) * (cell + gap);
				int cy = y + (i / columns) * (cell + gap);
				String fill = map.online() ? heat(map.available(), usablePerCpu) : "#bdbdbd";
				body.append(String.format(Locale.ROOT,
						"<rect class=\"cpu\" data-cpu=\"%d\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
						map.cpu(), x, cy, cell, cell, fill, Html.escape(tooltip(map, node))));
				if (numbers && map.online()) {
					body.append(String.format(Locale.ROOT,
							"<text x=\"%d\" y=\"%d\" font-size=\"8\" text-anchor=\"middle\" fill=\"%s\" pointer-events=\"none\">%d</text>",
							x + cell / 2, cy + cell / 2 + 3, map.available() * 4 < usablePerCpu ? "#fff" : "#111",
							map.available()));
				}
				body.append('\n');
			}
			body.append("</g>\n");
			y += ((list.length + columns - 1) / columns) * (cell + gap) + 10;
		}
		// Legend.
		String[][] legend = { { heat(0, 100), "0 free" }, { heat(5, 100), "< 10%" }, { heat(20, 100), "< 25%" },
				{ heat(40, 100), "< 50%" }, { heat(80, 100), "\u2265 50% of " + usablePerCpu + " free" },
				{ "#bdbdbd", "offline" } };
		int lx = 4;
		for (String[] entry : legend) {
			body.append(String.format(Locale.ROOT,
					"<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#333\">%s</text>%n",
					lx, y, entry[0], lx + 16, y + 10, Html.escape(entry[1])));
			lx += 24 + 7 * entry[1].length();
		}
		y += 18;
		return String.format(Locale.ROOT,
				"<svg id=\"%s\" class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"free vectors per CPU\">%n",
				id, WIDTH, y, WIDTH, y) + body + "</svg>\n";
	}

	private static String tooltip(MatrixSnapshot.CpuMap map, int node) {
		if (!map.online()) {
			return "CPU " + map.cpu() + " (node " + node + "): offline";
		}
		return "CPU " + map.cpu() + " (node " + node + "): " + map.available() + " free, " + map.managed()
				+ " reserved for managed (" + map.managedAllocated() + " in use), "
				+ (map.allocated() - map.managedAllocated()) + " allocated to others";
	}

	/** Red when a CPU has nothing left, green when at least half of its slots are free. */
	static String heat(int available, int usable) {
		if (available <= 0) {
			return "#b71c1c";
		}
		double share = usable <= 0 ? 1 : (double) available / usable;
		if (share < 0.10) {
			return "#e65100";
		}
		if (share < 0.25) {
			return "#f9a825";
		}
		if (share < 0.50) {
			return "#9ccc65";
		}
		return "#2e7d32";
	}
}
