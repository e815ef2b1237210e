package org.irqlab.dsl.tests.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.irqlab.dsl.ide.IrqLabIdeModule;
import org.irqlab.dsl.services.IrqLabGrammarAccess;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;

/**
 * The TextMate grammar (VS Code, TM4E, any TextMate-based editor) is written by hand, so it is held to the
 * Xtext grammar here: its keyword and value patterns name exactly the language's words, and each word is
 * matched by them, so that a keyword added to IrqLab.xtext fails this test until the colouring knows it.
 * It is read from the IDE bundle, which also checks that the bundle carries it.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class TextMateGrammarTest {

	@Inject
	private IrqLabGrammarAccess grammar;

	@Test
	void theKeywordAndValuePatternsNameExactlyTheGrammarsWords() throws IOException {
		JsonObject repository = textMate().getAsJsonObject("repository");
		List<String> patterns = List.of(match(repository, "keywords"), match(repository, "constants"));
		Set<String> named = new TreeSet<>();
		patterns.forEach(pattern -> named.addAll(alternatives(pattern)));

		assertEquals(words(), named, "the TextMate grammar's words and IrqLab.xtext's keywords differ");
	}

	@Test
	void everyKeywordIsColouredAsAKeywordOrAValue() throws IOException {
		JsonObject repository = textMate().getAsJsonObject("repository");
		List<Pattern> patterns = List.of(Pattern.compile(match(repository, "keywords")),
				Pattern.compile(match(repository, "constants")));

		for (String word : words()) {
			String line = "  " + word + " 1";
			assertTrue(patterns.stream().anyMatch(p -> {
				var matcher = p.matcher(line);
				return matcher.find() && matcher.group().equals(word);
			}), word + " is not matched as a whole word by the TextMate keyword patterns");
		}
	}

	@Test
	void theLanguageConfigurationHasCommentsAndBrackets() throws IOException {
		JsonObject configuration = read("/syntaxes/language-configuration.json");

		assertEquals("//", configuration.getAsJsonObject("comments").get("lineComment").getAsString());
		assertEquals("[[\"{\",\"}\"]]", configuration.get("brackets").toString());
	}

	/** The grammar's words: keywords that start with a letter or digit (punctuation is not coloured as words). */
	private Set<String> words() {
		return GrammarUtil.getAllKeywords(grammar.getGrammar()).stream()
				.filter(keyword -> Character.isLetterOrDigit(keyword.charAt(0))).collect(Collectors.toCollection(TreeSet::new));
	}

	/** The words of the pattern's one `(?:a|b|c)` group. */
	private static Set<String> alternatives(String pattern) {
		int start = pattern.indexOf("(?:") + 3;
		int end = pattern.indexOf(')', start);
		return Arrays.stream(pattern.substring(start, end).split("\\|")).map(word -> word.replace("\\.", "."))
				.collect(Collectors.toSet());
	}

	private static String match(JsonObject repository, String entry) {
		return repository.getAsJsonObject(entry).getAsJsonArray("patterns").get(0).getAsJsonObject().get("match")
				.getAsString();
	}

	private static JsonObject textMate() throws IOException {
		JsonObject grammar = read("/syntaxes/irqlab.tmLanguage.json");
		assertEquals("source.irqlab", grammar.get("scopeName").getAsString());
		return grammar;
	}

	private static JsonObject read(String resource) throws IOException {
		try (InputStream in = IrqLabIdeModule.class.getResourceAsStream(resource)) {
			assertNotNull(in, resource + " is not in the org.irqlab.dsl.ide bundle (build.properties bin.includes)");
			return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
		}
	}
}
