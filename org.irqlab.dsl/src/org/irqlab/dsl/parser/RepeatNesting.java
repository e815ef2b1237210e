package org.irqlab.dsl.parser;

import org.eclipse.emf.ecore.EObject;
import org.irqlab.dsl.model.RepeatEvent;

/**
 * How deep `repeat` blocks may nest. The parser, the validator, the simulator, the formatter and the
 * outline all walk nested repeats recursively, one Java stack frame (or several) per level: thousands of
 * levels end in a StackOverflowError. So the parser reads the body of a repeat nested deeper than
 * {@link #MAX_DEPTH} as if it were a comment ({@link NestingLimitTokenSource}), the validator marks that
 * repeat, and the simulator refuses the scenario; nothing recursive ever sees more than
 * {@code MAX_DEPTH + 1} levels.
 */
public final class RepeatNesting {

	/** Far deeper than any scenario needs (a few levels), far shallower than a thread's stack allows. */
	public static final int MAX_DEPTH = 100;

	private RepeatNesting() {
	}

	/** @return 1 for a repeat directly in its scenario, 2 for one inside that, and so on (no recursion) */
	public static int depthOf(RepeatEvent repeat) {
		int depth = 0;
		for (EObject current = repeat; current != null; current = current.eContainer()) {
			if (current instanceof RepeatEvent) {
				depth++;
			}
		}
		return depth;
	}

	/** @return whether {@code repeat} is the outermost repeat that nests too deep (the one to report) */
	public static boolean isOutermostTooDeep(RepeatEvent repeat) {
		return depthOf(repeat) == MAX_DEPTH + 1;
	}

	/** @return the deepest repeat nesting under {@code root}, 0 when it holds no repeat (no recursion) */
	public static int deepest(EObject root) {
		int deepest = 0;
		if (root == null) {
			return deepest;
		}
		for (EObject each : (Iterable<EObject>) root::eAllContents) {
			// only a repeat without repeats inside can be the deepest of its branch: count only those
			if (each instanceof RepeatEvent repeat && repeat.getEvents().stream().noneMatch(RepeatEvent.class::isInstance)) {
				deepest = Math.max(deepest, depthOf(repeat));
			}
		}
		return deepest;
	}
}
