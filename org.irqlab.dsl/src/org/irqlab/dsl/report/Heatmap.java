package org.irqlab.dsl.report;

import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixSnapshot;

/**
 * Where everything of a per-CPU heatmap goes (free vectors per CPU, CPUs grouped by NUMA node), and in which
 * colour: the figures {@code SvgCharts.xtend} draws.
 */
public final class Heatmap {

	private static final int WIDTH = CapacityChart.WIDTH;
	/** Where the right-aligned texts end. */
	public static final int RIGHT = WIDTH - 6;
	public static final String OFFLINE = "#bdbdbd";

	/**
	 * A NUMA node's CPUs, under a title at {@code titleY} with its totals over its online CPUs.
	 *
	 * @param cpus      the node's CPU list ("0-39")
	 * @param allocated vectors allocated to other than managed interrupts
	 */
	public record Node(int node, String cpus, int titleY, long managed, long allocated, long free, List<Cell> cells) {
	}

	/**
	 * One CPU's square, {@link Heatmap#size()} wide, at {@code x, y}.
	 *
	 * @param free   its free vectors written on it, or null when the squares are too small or it is offline
	 */
	public record Cell(int cpu, int x, int y, String fill, String tooltip, FreeLabel free) {
	}

	/** The free vectors written on a CPU's square, centred at {@code x}, in {@code fill}. */
	public record FreeLabel(int x, int y, String fill, int free) {
	}

	/** A legend entry: its colour square at {@code x, y}, its text beside it. */
	public record Legend(int x, int y, String colour, String label) {
		public int textX() {
			return x + 16;
		}

		public int textY() {
			return y + 10;
		}
	}

	private final int size;
	private final List<Node> nodes = new ArrayList<>();
	private final List<Legend> legend = new ArrayList<>();
	private final int height;

	public Heatmap(MatrixSnapshot snapshot, MachineSpec machine, int usablePerCpu) {
		int cpus = snapshot.cpus().size();
		int columns = cpus <= 128 ? 40 : cpus <= 1024 ? 64 : 128;
		size = Math.max(4, Math.min(20, (WIDTH - 20) / columns - 2));
		int y = 6;
		for (int node = 0; node < machine.nrNodeIds(); node++) {
			CpuSet members = machine.nodeCpus(node);
			if (!members.isEmpty()) {
				y = node(snapshot, node, members, columns, usablePerCpu, y);
			}
		}
		String[][] entries = { { heat(0, 100), "0 free" }, { heat(5, 100), "< 10%" }, { heat(20, 100), "< 25%" },
				{ heat(40, 100), "< 50%" }, { heat(80, 100), "\u2265 50% of " + usablePerCpu + " free" },
				{ OFFLINE, "offline" } };
		int x = 4;
		for (String[] entry : entries) {
			legend.add(new Legend(x, y, entry[0], entry[1]));
			x += 24 + 7 * entry[1].length();
		}
		height = y + 18;
	}

	/** Adds the node at {@code y}; returns where the next one starts. */
	private int node(MatrixSnapshot snapshot, int node, CpuSet members, int columns, int usablePerCpu, int y) {
		long managed = 0;
		long allocated = 0;
		long free = 0;
		int[] list = members.toArray();
		for (int cpu : list) {
			MatrixSnapshot.CpuMap map = snapshot.cpu(cpu);
			if (map.online()) {
				managed += map.managed();
				allocated += map.allocated() - map.managedAllocated();
				free += map.available();
			}
		}
		int top = y + 18;
		int gap = size >= 10 ? 2 : 1;
		boolean numbers = size >= 18;
		List<Cell> cells = new ArrayList<>();
		for (int i = 0; i < list.length; i++) {
			MatrixSnapshot.CpuMap map = snapshot.cpu(list[i]);
			int x = 4 + (i % columns) * (size + gap);
			int cy = top + (i / columns) * (size + gap);
			FreeLabel label = numbers && map.online()
					? new FreeLabel(x + size / 2, cy + size / 2 + 3, map.available() * 4 < usablePerCpu ? "#fff" : "#111",
							map.available())
					: null;
			cells.add(new Cell(map.cpu(), x, cy, map.online() ? heat(map.available(), usablePerCpu) : OFFLINE,
					tooltip(map, node), label));
		}
		nodes.add(new Node(node, members.toList(), y + 12, managed, allocated, free, cells));
		return top + ((list.length + columns - 1) / columns) * (size + gap) + 10;
	}

	/** The width and height of a CPU's square. */
	public int size() {
		return size;
	}

	public List<Node> nodes() {
		return nodes;
	}

	public List<Legend> legend() {
		return legend;
	}

	public int height() {
		return height;
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
