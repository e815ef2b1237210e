package org.irqlab.dsl.importer;

import java.util.List;

import org.eclipse.emf.common.util.Enumerator;
import org.irqlab.dsl.model.CpuSetKind;
import org.irqlab.dsl.model.CrashCounterKind;
import org.irqlab.dsl.model.LoadKind;
import org.irqlab.dsl.model.NumberingKind;
import org.irqlab.dsl.model.SwitchKind;
import org.irqlab.kernel.KernelRules;

/**
 * One line (or block) of the imported machine, as a fact: ModelWriter.xtend spells it with the grammar's
 * keywords. Comments are lines too, so that they stay where the import decided to put them.
 */
public interface ModelLine {

	/** {@code // text}, or {@code // guess: text} for an assumption to check. */
	record Comment(String text, boolean guess) implements ModelLine {
	}

	record Kernel(KernelRules profile) implements ModelLine {
	}

	record Cpus(int count) implements ModelLine {
	}

	/** {@code present 0-3} or {@code online 0-3}. */
	record CpuList(CpuSetKind kind, String cpus) implements ModelLine {
	}

	/** {@code nodes N}: the possible CPUs split evenly. */
	record Nodes(int count) implements ModelLine {
	}

	record Node(int id, String cpus) implements ModelLine {
	}

	record Smt(int threads, boolean adjacent) implements ModelLine {
	}

	record SystemVectors(List<Integer> vectors) implements ModelLine {
	}

	/** {@code load on CPUS { ... }}, or {@code load { ... }} when cpus is null. */
	record Load(String cpus, List<Count<LoadKind>> items) implements ModelLine {
	}

	record Crash(List<Count<CrashCounterKind>> counters) implements ModelLine {
	}

	/** {@code irqbalance on [banned CPUS]} or {@code irqbalance off}; banned is null for none. */
	record Irqbalance(boolean on, String banned) implements ModelLine {
	}

	record Switch(SwitchKind kind, boolean on) implements ModelLine {
	}

	record First(NumberingKind kind, int value) implements ModelLine {
	}

	/** An item of a load or crash block: the kind's keyword and its count. */
	record Count<K extends Enumerator>(K kind, long value) {
	}
}
