package org.irqlab.dsl.tests.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/**
 * Whatever a user types, IrqLab answers with diagnostics and never with an exception: mutants of the
 * project's examples (examples/*.irqlab) go through parse, link and every
 * validation check, simulator included. 10,000 mutants by default; a longer run:
 * {@code -Dirqlab.fuzz.mutants=100000} (and {@code -Dirqlab.fuzz.seed=N} for other mutants).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class MutationFuzzTest {

	private static final int MUTANTS = Integer.getInteger("irqlab.fuzz.mutants", 10_000);
	private static final long SEED = Long.getLong("irqlab.fuzz.seed", 4_180_305L);

	@Inject
	private ModelCheck check;

	@Inject
	private IGrammarAccess grammar;

	@Test
	void theSeedsAreTheExamplesAndCheckCleanly() {
		List<Mutator.Seed> seeds = seeds();
		assertTrue(seeds.stream().anyMatch(s -> s.name().equals("seed-incident.irqlab")), "seeds: " + seeds);
		for (Mutator.Seed seed : seeds) {
			ModelCheck.Result result = check.check(seed.text());
			assertFalse(result.failed(), seed.name() + ": " + result.signature() + "\n" + result.stackTrace());
			assertTrue(result.issues().stream().noneMatch(Issue::isSyntaxError), seed.name() + ": " + result.issues());
		}
		// the harness reaches the simulator: the incident fails as it did on the real host
		ModelCheck.Result incident = check.check(seeds.stream()
				.filter(s -> s.name().equals("seed-incident.irqlab")).findFirst().orElseThrow().text());
		assertTrue(incident.issues().stream().anyMatch(i -> IssueCodes.DEVICE_PROBE_FAILS.equals(i.getCode())),
				"seed-incident: " + incident.issues());
	}

	@Test
	void noMutantMakesParseOrValidateThrow() {
		Mutator mutator = new Mutator(SEED, seeds(), vocabulary());
		Map<String, Failure> failures = new LinkedHashMap<>();
		PriorityQueue<Timed> slowest = new PriorityQueue<>(Comparator.comparingLong(Timed::nanos));
		int syntaxErrors = 0;
		int simulated = 0;
		long start = System.nanoTime();
		for (int i = 0; i < MUTANTS; i++) {
			Mutator.Mutant mutant = mutator.next();
			long before = System.nanoTime();
			ModelCheck.Result result = check.check(mutant.text());
			keepSlowest(slowest, new Timed(System.nanoTime() - before, mutant));
			if (result.failed()) {
				failures.computeIfAbsent(result.signature(), s -> new Failure(mutant, result)).count++;
				continue;
			}
			if (result.issues().stream().anyMatch(Issue::isSyntaxError)) {
				syntaxErrors++;
			} else if (result.issues().stream().anyMatch(each -> IssueCodes.HEADROOM.equals(each.getCode()))) {
				simulated++;
			}
		}
		report(start, syntaxErrors, simulated, slowest);

		if (!failures.isEmpty()) {
			fail(describe(failures));
		}
		// mutants that all stop at the parser would test nothing beyond it
		assertTrue(simulated > MUTANTS / 10, simulated + " of " + MUTANTS + " mutants reached the simulator");
		assertTrue(syntaxErrors < MUTANTS * 9 / 10, syntaxErrors + " of " + MUTANTS + " mutants have syntax errors");
	}

	@Test
	void theMutantsAreDeterministic() {
		Mutator first = new Mutator(SEED, seeds(), vocabulary());
		Mutator second = new Mutator(SEED, seeds(), vocabulary());
		for (int i = 0; i < 200; i++) {
			assertEquals(first.next(), second.next());
		}
	}

	private static final class Failure {
		final Mutator.Mutant first;
		final ModelCheck.Result result;
		int count;

		Failure(Mutator.Mutant first, ModelCheck.Result result) {
			this.first = first;
			this.result = result;
		}
	}

	private record Timed(long nanos, Mutator.Mutant mutant) {
	}

	private String describe(Map<String, Failure> failures) {
		StringBuilder text = new StringBuilder(failures.size() + " distinct failures (seed " + SEED + "):\n");
		for (Map.Entry<String, Failure> entry : failures.entrySet()) {
			Failure failure = entry.getValue();
			String signature = entry.getKey();
			String minimal = new Minimizer(candidate -> signature.equals(check.check(candidate).signature()))
					.minimize(failure.first.text());
			Throwable cause = failure.result.cause() != null ? failure.result.cause() : check.simulatorException(minimal);
			text.append("\n* ").append(signature).append(" (").append(failure.count).append(" mutants; first: #")
					.append(failure.first.number()).append(" of ").append(failure.first.seed()).append(", ")
					.append(String.join("; ", failure.first.steps())).append(")\n  smallest model that fails so:\n")
					.append(minimal.indent(4)).append(stackTrace(cause)).append('\n');
		}
		return text.toString();
	}

	private static String stackTrace(Throwable thrown) {
		if (thrown == null) {
			return "";
		}
		StringBuilder text = new StringBuilder("  ").append(thrown);
		for (StackTraceElement frame : Arrays.copyOf(thrown.getStackTrace(), Math.min(12, thrown.getStackTrace().length))) {
			text.append("\n      at ").append(frame);
		}
		return text.append('\n').toString();
	}

	private static void keepSlowest(PriorityQueue<Timed> slowest, Timed timed) {
		slowest.add(timed);
		if (slowest.size() > 5) {
			slowest.poll();
		}
	}

	/** Not asserted (no timed tests): printed so that a slow mutant is seen in the build log. */
	private static void report(long start, int syntaxErrors, int simulated, PriorityQueue<Timed> slowest) {
		List<Timed> worst = new ArrayList<>(slowest);
		worst.sort(Comparator.comparingLong(Timed::nanos).reversed());
		StringBuilder text = new StringBuilder(String.format(
				"fuzz: %d mutants (seed %d) in %.1f s: %d with syntax errors, %d simulated to the end%n", MUTANTS,
				SEED, (System.nanoTime() - start) / 1e9, syntaxErrors, simulated));
		for (Timed timed : worst) {
			text.append(String.format("fuzz:   %6.1f ms  #%d of %s: %s%n", timed.nanos() / 1e6, timed.mutant().number(),
					timed.mutant().seed(), String.join("; ", timed.mutant().steps())));
		}
		System.out.print(text);
	}

	/** The grammar's keywords and the identifiers of the seeds. */
	private List<String> vocabulary() {
		Set<String> words = new TreeSet<>(GrammarUtil.getAllKeywords(grammar.getGrammar()));
		for (Mutator.Seed seed : seeds()) {
			for (String token : Mutator.tokenize(seed.text())) {
				if (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_') {
					words.add(token);
				}
			}
		}
		return List.copyOf(words);
	}

	/** The project's examples/*.irqlab, in name order: the models users start from are the ones to mutate. */
	private static List<Mutator.Seed> seeds() {
		String folder = System.getProperty("irqlab.examples");
		assertFalse(folder == null, "the build must set -Dirqlab.examples to the examples folder");
		List<Mutator.Seed> seeds = new ArrayList<>();
		try (var files = Files.list(Path.of(folder))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".irqlab")).sorted().toList()) {
				seeds.add(new Mutator.Seed(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
			}
		} catch (IOException e) {
			throw new IllegalStateException("cannot read the examples in " + folder, e);
		}
		assertFalse(seeds.isEmpty(), "no examples in " + folder);
		return seeds;
	}
}
