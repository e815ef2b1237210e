package org.irqlab.dsl.tests.robustness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Derives damaged variants of .irqlab models, as half-typed edits, bad copy-pastes and hostile numbers
 * produce them: tokens deleted, duplicated, swapped or replaced, lines moved between files, numbers at
 * and beyond every boundary the language and the kernel know, CPU lists outside any machine. The same
 * seed always gives the same mutants.
 */
final class Mutator {

	/** A variant of one seed and the steps that made it, for the failure report. */
	record Mutant(int number, String seed, String text, List<String> steps) {
	}

	/** A model to start from. */
	record Seed(String name, String text) {
	}

	private static final Pattern TOKEN = Pattern.compile("//[^\\n]*|\\s+|\\d+|[A-Za-z_][A-Za-z0-9_]*|.",
			Pattern.DOTALL);

	/** Where the grammar, the x86 vector space, the matrix and the int type change behaviour. */
	private static final String[] NUMBERS = { "0", "1", "2", "3", "7", "19", "20", "31", "32", "33", "63", "64", "65",
			"127", "128", "129", "200", "201", "202", "203", "204", "205", "235", "236", "237", "255", "256", "257",
			"511", "512", "1023", "1024", "2047", "2048", "4095", "4096", "8191", "8192", "8193", "16384", "65535",
			"65536", "1048576", "2147483646", "2147483647", "2147483648", "4294967295", "4294967296", "99999999999",
			"999999999999999999999", "-1", "-5", "-2147483648", "00", "007" };

	/** CPU lists for machines of 1 to 8192 CPUs, and the malformed ones a hurried edit leaves. */
	private static final String[] CPU_LISTS = { "0", "1", "79", "80", "8191", "8192", "8193", "0-79", "0-80",
			"40-119", "0-8191", "0-8192", "4096-8191", "0-99999", "99999", "0-2147483647", "2147483647",
			"2147483647-2147483647", "2147483646-2147483647", "0-99999999999", "99999999999", "79-0", "5-3", "0-0",
			"0,0", "0,0,0", "0-39,20-59", "0-39,40-79,0-79", "1-2-3", "0-", "-1", "-1-5", ",", "0,,1", "0-79,80",
			"0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38" };

	private final Random random;
	private final List<Seed> seeds;
	private final List<String> vocabulary;
	private int count;

	/**
	 * @param vocabulary keywords and names to insert: the grammar's keywords and the seeds' identifiers
	 */
	Mutator(long seed, List<Seed> seeds, List<String> vocabulary) {
		this.random = new Random(seed);
		this.seeds = List.copyOf(seeds);
		this.vocabulary = List.copyOf(vocabulary);
	}

	/** One to three mutations of a seed chosen at random. */
	Mutant next() {
		Seed seed = seeds.get(random.nextInt(seeds.size()));
		List<String> tokens = tokenize(seed.text());
		List<String> steps = new ArrayList<>();
		int roll = random.nextInt(10);
		int mutations = roll < 6 ? 1 : roll < 9 ? 2 : 3;
		for (int i = 0; i < mutations; i++) {
			tokens = mutate(tokens, steps);
		}
		return new Mutant(++count, seed.name(), String.join("", tokens), steps);
	}

	static List<String> tokenize(String text) {
		List<String> tokens = new ArrayList<>();
		Matcher matcher = TOKEN.matcher(text);
		while (matcher.find()) {
			tokens.add(matcher.group());
		}
		return tokens;
	}

	private List<String> mutate(List<String> tokens, List<String> steps) {
		List<String> result = new ArrayList<>(tokens);
		List<Integer> significant = indexes(result, Mutator::isSignificant);
		List<Integer> numbers = indexes(result, Mutator::isNumber);
		if (significant.isEmpty()) {
			steps.add("insert into an empty text");
			result.add(pick(vocabulary));
			return result;
		}
		switch (operation(random.nextInt(100))) {
			case DELETE -> {
				int at = pick(significant);
				steps.add("delete token '" + result.get(at) + "'");
				result.remove(at);
			}
			case DUPLICATE -> {
				int at = pick(significant);
				steps.add("duplicate token '" + result.get(at) + "'");
				result.add(at + 1, " " + result.get(at));
			}
			case SWAP -> {
				int a = pick(significant);
				int b = pick(significant);
				steps.add("swap tokens '" + result.get(a) + "' and '" + result.get(b) + "'");
				String held = result.get(a);
				result.set(a, result.get(b));
				result.set(b, held);
			}
			case NUMBER -> {
				if (numbers.isEmpty()) {
					return mutate(tokens, steps);
				}
				int at = pick(numbers);
				String number = random.nextInt(4) == 0 ? Integer.toString(random.nextInt(10_000)) : pick(NUMBERS);
				steps.add("number " + result.get(at) + " -> " + number);
				result.set(at, number);
			}
			case LIST -> {
				if (numbers.isEmpty()) {
					return mutate(tokens, steps);
				}
				int[] run = numberList(result, pick(numbers));
				String list = pick(CPU_LISTS);
				steps.add("list " + String.join("", result.subList(run[0], run[1])) + " -> " + list);
				result.subList(run[0], run[1]).clear();
				result.add(run[0], list);
			}
			case INSERT -> {
				int at = random.nextInt(result.size() + 1);
				String word = pick(vocabulary);
				steps.add("insert '" + word + "'");
				result.add(at, " " + word + " ");
			}
			case REPLACE -> {
				int at = pick(significant);
				String word = pick(vocabulary);
				steps.add("replace '" + result.get(at) + "' by '" + word + "'");
				result.set(at, word);
			}
			case LINES -> {
				return tokenize(mutateLines(String.join("", result), steps));
			}
			case PASTE -> {
				String other = pick(seeds).text();
				List<String> lines = lines(other);
				String line = lines.get(random.nextInt(lines.size()));
				List<String> own = lines(String.join("", result));
				int at = random.nextInt(own.size() + 1);
				steps.add("paste line '" + line.strip() + "' at line " + (at + 1));
				own.add(at, line);
				return tokenize(String.join("\n", own));
			}
			case CUT -> {
				String text = String.join("", result);
				int at = random.nextInt(text.length() + 1);
				steps.add("cut at character " + at);
				return tokenize(text.substring(0, at));
			}
		}
		return result;
	}

	private enum Operation {
		DELETE, DUPLICATE, SWAP, NUMBER, LIST, INSERT, REPLACE, LINES, PASTE, CUT
	}

	/**
	 * Numbers weigh most: they keep the text parseable, so the mutant reaches the validator and the
	 * simulator; the token and line edits mostly test the parser's recovery.
	 */
	private static Operation operation(int percent) {
		int[] upTo = { 8, 14, 20, 50, 62, 69, 76, 86, 94, 100 };
		int i = 0;
		while (percent >= upTo[i]) {
			i++;
		}
		return Operation.values()[i];
	}

	private String mutateLines(String text, List<String> steps) {
		List<String> lines = lines(text);
		int a = random.nextInt(lines.size());
		switch (random.nextInt(3)) {
			case 0 -> {
				steps.add("delete line " + (a + 1));
				lines.remove(a);
			}
			case 1 -> {
				steps.add("duplicate line " + (a + 1));
				lines.add(a + 1, lines.get(a));
			}
			default -> {
				int b = random.nextInt(lines.size());
				steps.add("swap lines " + (a + 1) + " and " + (b + 1));
				String held = lines.get(a);
				lines.set(a, lines.get(b));
				lines.set(b, held);
			}
		}
		return String.join("\n", lines);
	}

	/** The tokens [from, to) of the cpulist or number list around {@code at}: digits, '-' and ',' with blanks. */
	private static int[] numberList(List<String> tokens, int at) {
		int from = at;
		while (from > 0 && isListPart(tokens.get(from - 1))) {
			from--;
		}
		int to = at + 1;
		while (to < tokens.size() && isListPart(tokens.get(to))) {
			to++;
		}
		while (from < at && tokens.get(from).isBlank()) {
			from++;
		}
		while (to > at + 1 && tokens.get(to - 1).isBlank()) {
			to--;
		}
		return new int[] { from, to };
	}

	private static boolean isListPart(String token) {
		return isNumber(token) || token.equals("-") || token.equals(",") || (token.isBlank() && !token.contains("\n"));
	}

	private static boolean isSignificant(String token) {
		return !token.isBlank() && !token.startsWith("//");
	}

	private static boolean isNumber(String token) {
		return Character.isDigit(token.charAt(0));
	}

	private static List<Integer> indexes(List<String> tokens, java.util.function.Predicate<String> which) {
		List<Integer> found = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			if (which.test(tokens.get(i))) {
				found.add(i);
			}
		}
		return found;
	}

	private static List<String> lines(String text) {
		return new ArrayList<>(Arrays.asList(text.split("\n", -1)));
	}

	private <T> T pick(List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	private String pick(String[] from) {
		return from[random.nextInt(from.length)];
	}
}
