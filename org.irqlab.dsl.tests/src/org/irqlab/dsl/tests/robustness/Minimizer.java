package org.irqlab.dsl.tests.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Shrinks a failing model to a small one that fails the same way, so the report shows a reproducer a
 * person can read: whole lines first, then single tokens, in ever smaller chunks (delta debugging).
 */
final class Minimizer {

	/** Enough for the seeds' size; shrinking stops here even if more could go. */
	private static final int MAX_TRIES = 4000;

	private final Predicate<String> stillFails;
	private int tries;

	Minimizer(Predicate<String> stillFails) {
		this.stillFails = stillFails;
	}

	String minimize(String text) {
		List<String> lines = shrink(new ArrayList<>(Arrays.asList(text.split("\n", -1))), "\n");
		List<String> words = shrink(words(String.join("\n", lines)), "");
		return String.join("", words).strip();
	}

	/** Each token with the blanks before it, so that what is left still reads like the model it came from. */
	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder blanks = new StringBuilder();
		for (String token : Mutator.tokenize(text)) {
			if (token.isBlank()) {
				blanks.append(token);
			} else {
				words.add(blanks + token);
				blanks.setLength(0);
			}
		}
		return words;
	}

	private List<String> shrink(List<String> parts, String separator) {
		List<String> current = parts;
		int chunk = Math.max(1, current.size() / 2);
		while (chunk >= 1 && tries < MAX_TRIES) {
			boolean removed = false;
			for (int from = 0; from < current.size() && tries < MAX_TRIES;) {
				List<String> candidate = new ArrayList<>(current.subList(0, from));
				candidate.addAll(current.subList(Math.min(current.size(), from + chunk), current.size()));
				tries++;
				if (!candidate.equals(current) && stillFails.test(String.join(separator, candidate))) {
					current = candidate;
					removed = true;
				} else {
					from += chunk;
				}
			}
			if (!removed) {
				chunk /= 2;
			}
		}
		return current;
	}
}
