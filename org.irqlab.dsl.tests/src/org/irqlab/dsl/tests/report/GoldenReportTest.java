package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.irqlab.dsl.report.ReportGenerator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every output of `irqlab report --kernel-tree <toy tree>` on every example, byte for byte against the
 * files under resources/golden/<example>/: the HTML, Markdown and JSON reports, vector-matrix.txt, the
 * .cocci files and the patch mails. A change of wording or figures shows up here as a diff to review.
 * To accept new output, run the build with IRQLAB_GOLDEN_UPDATE=1 and review the changed files.
 */
public class GoldenReportTest {

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
			assertEquals(Files.readString(golden.resolve(file.path()), StandardCharsets.UTF_8), file.content(),
					file.path() + " differs from its golden file");
		}
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
			Files.writeString(target, file.content(), StandardCharsets.UTF_8);
		}
	}
}
