package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.irqlab.dsl.report.ReportGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every output of `irqlab report --kernel-tree <toy tree>` on every example, byte for byte against the
 * files under resources/golden/<example>/: the HTML, Markdown and JSON reports, vector-matrix.txt, the
 * .cocci files and the patch mails. A change of wording or figures shows up here as a diff to review.
 * The stylesheet, the same in every report.html, is compared once, with resources/golden/report.css; the
 * golden HTML files hold a placeholder instead. To accept new output, run the build with IRQLAB_GOLDEN_UPDATE=1
 * and review the changed files.
 */
public class GoldenReportTest {

	/** The content of report.html's style element. */
	private static final Pattern STYLESHEET = Pattern.compile("<style>\n(.*?)</style>", Pattern.DOTALL);
	private static final String PLACEHOLDER = "<style>\n/* resources/golden/report.css */\n</style>";

	static List<Path> examples() throws IOException {
		return Reports.exampleFiles();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyOutputMatchesItsGoldenFile(Path example) throws IOException {
		List<ReportGenerator.GeneratedFile> files = Reports.generate(example, Reports.kernelFixture(), false);
		assertFalse(files.isEmpty(), "no report for " + example);
		Path golden = Reports.testProject().resolve("resources/golden");
		if (System.getenv("IRQLAB_GOLDEN_UPDATE") != null) {
			write(golden, files, example);
		}
		String stem = example.getFileName().toString().replace(".irqlab", "");
		Assumptions.assumeTrue(Files.isDirectory(golden.resolve(stem)), "no golden files for " + example.getFileName()
				+ " yet: run the build with IRQLAB_GOLDEN_UPDATE=1 and review resources/golden/" + stem);
		TreeSet<String> expected = new TreeSet<>();
		try (Stream<Path> all = Files.walk(golden.resolve(stem))) {
			all.filter(Files::isRegularFile).forEach(p -> expected.add(golden.relativize(p).toString().replace('\\', '/')));
		}
		TreeSet<String> actual = new TreeSet<>(files.stream().map(ReportGenerator.GeneratedFile::path).toList());
		assertEquals(expected, actual, "the files written for " + example.getFileName());
		for (ReportGenerator.GeneratedFile file : files) {
			assertEquals(withoutStylesheet(file.path(), Files.readString(golden.resolve(file.path()), StandardCharsets.UTF_8)),
					withoutStylesheet(file.path(), file.content()), file.path() + " differs from its golden file");
		}
	}

	@Test
	void stylesheetMatchesItsGoldenFile() throws IOException {
		List<ReportGenerator.GeneratedFile> files = Reports.generate(examples().get(0), Reports.kernelFixture(), false);
		String html = files.stream().filter(f -> f.path().endsWith("/report.html")).findFirst().orElseThrow().content();
		Matcher style = STYLESHEET.matcher(html);
		assertTrue(style.find(), "no style element in report.html");
		Path css = Reports.testProject().resolve("resources/golden/report.css");
		if (System.getenv("IRQLAB_GOLDEN_UPDATE") != null) {
			Files.writeString(css, style.group(1), StandardCharsets.UTF_8);
		}
		assertEquals(Files.readString(css, StandardCharsets.UTF_8), style.group(1),
				"the stylesheet differs from resources/golden/report.css");
	}

	/** report.html with the placeholder for the stylesheet, which {@link #stylesheetMatchesItsGoldenFile()} compares. */
	private static String withoutStylesheet(String path, String content) {
		return path.endsWith(".html") ? STYLESHEET.matcher(content).replaceFirst(Matcher.quoteReplacement(PLACEHOLDER))
				: content;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void sameModelSameBytes(Path example) {
		List<ReportGenerator.GeneratedFile> first = Reports.generate(example, Reports.kernelFixture(), true);
		List<ReportGenerator.GeneratedFile> second = Reports.generate(example, Reports.kernelFixture(), true);
		assertEquals(first, second);
	}

	private static void write(Path golden, List<ReportGenerator.GeneratedFile> files, Path example) throws IOException {
		String stem = example.getFileName().toString().replace(".irqlab", "");
		Path folder = golden.resolve(stem);
		if (Files.isDirectory(folder)) {
			try (Stream<Path> all = Files.walk(folder)) {
				for (Path path : all.sorted((a, b) -> b.compareTo(a)).toList()) {
					Files.delete(path);
				}
			}
		}
		for (ReportGenerator.GeneratedFile file : files) {
			Path target = golden.resolve(file.path());
			Files.createDirectories(target.getParent());
			Files.writeString(target, withoutStylesheet(file.path(), file.content()), StandardCharsets.UTF_8);
		}
	}
}
