package org.irqlab.dsl.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.kernel.MatrixCounters;

/** What the guest's init printed, parsed: the guest's shape, its devices, and the state read after boot and each step. */
final class GuestObservation {

	/** One interrupt as /proc/interrupts and /proc/irq/N show it. */
	record Interrupt(int irq, String name, boolean ioapic, String affinity, int effectiveCpu) {
	}

	/** The state read back once: at boot, after the drivers loaded, or after a step. */
	static final class State {
		final String id;
		MatrixCounters counters;
		final Map<Integer, Interrupt> interrupts = new LinkedHashMap<>();
		final Set<Integer> bound = new TreeSet<>();
		final List<String> kernelLines = new ArrayList<>();

		State(String id) {
			this.id = id;
		}
	}

	private static final Pattern MATRIX = Pattern.compile(
			"online_maps=(\\d+) global_avl=(\\d+), global_rsvd=(\\d+), total_alloc=(\\d+)");
	private static final Pattern INTERRUPT = Pattern.compile("^int\\s+(\\d+):\\s*(.*)$");

	String release;
	String onlineCpus;
	final Map<Integer, String> nodes = new LinkedHashMap<>();
	/** Device index to the handle the init found: "virtio3" or a PCI address. */
	final Map<Integer, String> handles = new HashMap<>();
	/** Device index to its NVMe controller name, once probed. */
	final Map<Integer, String> nvmeNames = new HashMap<>();
	final Map<Integer, Integer> intxLines = new HashMap<>();
	final List<State> states = new ArrayList<>();
	String failure;
	boolean finished;
	/** Devices a built-in driver probed during boot, unbound by the init before the boot state was read. */
	final List<String> released = new ArrayList<>();

	static GuestObservation parse(List<String> lines) {
		GuestObservation observation = new GuestObservation();
		State current = null;
		Map<Integer, String[]> affinities = new HashMap<>();
		for (String line : lines) {
			String[] words = line.split("\\s+");
			switch (words[0]) {
				case "uname" -> observation.release = words.length > 1 ? words[1] : "";
				case "cpus" -> observation.onlineCpus = words.length > 1 ? words[1] : "";
				case "node" -> observation.nodes.put(Integer.parseInt(words[1]), words.length > 2 ? words[2] : "");
				case "device" -> observation.handles.put(Integer.parseInt(words[1]), words[2]);
				case "name" -> observation.nvmeNames.put(Integer.parseInt(words[1]), words[2]);
				case "intx" -> {
					if (words.length > 2) {
						observation.intxLines.put(Integer.parseInt(words[1]), Integer.parseInt(words[2]));
					}
				}
				case "step" -> {
					current = new State(words[1]);
					affinities.clear();
				}
				case "matrix" -> {
					Matcher m = MATRIX.matcher(line);
					if (current != null && m.find()) {
						current.counters = new MatrixCounters(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
								Integer.parseInt(m.group(4)), Integer.parseInt(m.group(1)));
					}
				}
				case "int" -> interrupt(current, line);
				// one line per interrupt with both lists (consoles of earlier runs), or one line per list
				case "aff" -> affinities.put(Integer.parseInt(words[1]), words);
				case "smp" -> affinities.merge(Integer.parseInt(words[1]),
						new String[] { "aff", words[1], words.length > 2 ? words[2] : "", "" },
						(old, smp) -> new String[] { "aff", words[1], smp[2], old[3] });
				case "eff" -> affinities.merge(Integer.parseInt(words[1]),
						new String[] { "aff", words[1], "", words.length > 2 ? words[2] : "" },
						(old, eff) -> new String[] { "aff", words[1], old[2], eff[3] });
				case "bound" -> {
					for (int i = 1; current != null && i < words.length; i++) {
						current.bound.add(Integer.parseInt(words[i]));
					}
				}
				case "dmesg" -> {
					if (current != null) {
						current.kernelLines.add(line.substring("dmesg ".length()).replaceFirst("^\\[[ 0-9.]+\\] ", ""));
					}
				}
				case "end" -> {
					if (current != null) {
						attachAffinities(current, affinities);
						observation.states.add(current);
						current = null;
					}
				}
				case "released" -> observation.released.add(words[1] + " " + words[2]);
				case "fail" -> observation.failure = line.substring("fail".length()).strip();
				case "done" -> observation.finished = true;
				default -> {
				}
			}
		}
		return observation;
	}

	private static void interrupt(State state, String line) {
		Matcher m = INTERRUPT.matcher(line);
		if (state == null || !m.matches()) {
			return;
		}
		String[] fields = m.group(2).trim().split("\\s+");
		// several handlers on one line are listed "nvme3q0, nvme3q1": the name is all of them, as the simulator names it
		int first = fields.length - 1;
		while (first > 0 && fields[first - 1].endsWith(",")) {
			first--;
		}
		String name = String.join(" ", java.util.Arrays.copyOfRange(fields, first, fields.length));
		boolean ioapic = m.group(2).contains("IO-APIC");
		int irq = Integer.parseInt(m.group(1));
		state.interrupts.put(irq, new Interrupt(irq, name, ioapic, "", -1));
	}

	private static void attachAffinities(State state, Map<Integer, String[]> affinities) {
		for (Map.Entry<Integer, Interrupt> entry : state.interrupts.entrySet()) {
			String[] words = affinities.get(entry.getKey());
			if (words == null) {
				continue;
			}
			Interrupt i = entry.getValue();
			String affinity = words.length > 2 ? words[2] : "";
			int effective = words.length > 3 && !words[3].isEmpty() ? firstCpu(words[3]) : -1;
			entry.setValue(new Interrupt(i.irq(), i.name(), i.ioapic(), affinity, effective));
		}
	}

	private static int firstCpu(String list) {
		String first = list.split("[,-]")[0];
		return first.isEmpty() ? -1 : Integer.parseInt(first);
	}

	State state(String id) {
		return states.stream().filter(s -> s.id.equals(id)).findFirst().orElse(null);
	}

	/** The kernel's name of a device: virtioN, or nvmeN once its controller exists. */
	String deviceName(int index) {
		String nvme = nvmeNames.get(index);
		return nvme != null ? nvme : handles.get(index);
	}
}
