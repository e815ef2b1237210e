package org.irqlab.dsl.tests.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.IrqLabStandaloneSetup;
import org.irqlab.dsl.cli.ModelLoader;
import org.irqlab.dsl.report.ReportGenerator;

import com.google.inject.Injector;

/** Reports of the project's examples, generated in process the way `irqlab report` does. */
final class Reports {

	private static Injector injector;

	private Reports() {
	}

	static synchronized Injector injector() {
		if (injector == null) {
			injector = new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** The project's examples folder, as the build passes it to the tests. */
	static Path examples() {
		String folder = System.getProperty("irqlab.examples");
		if (folder == null) {
			throw new IllegalStateException("the build must set -Dirqlab.examples to the examples folder");
		}
		return Path.of(folder).toAbsolutePath().normalize();
	}

	static Path testProject() {
		return examples().resolveSibling("org.irqlab.dsl.tests");
	}

	/** The toy kernel tree the patch tests write patches against. */
	static Path kernelFixture() {
		return testProject().resolve("resources/kernel-fixture");
	}

	static List<Path> exampleFiles() throws IOException {
		try (Stream<Path> files = Files.list(examples())) {
			return files.filter(f -> f.toString().endsWith(".irqlab")).sorted().toList();
		}
	}

	static List<ReportGenerator.GeneratedFile> generate(Path model, Path kernelTree, boolean steps) {
		ModelLoader.Result result = new ModelLoader(injector()).loadAndValidate(List.of(model));
		if (!result.unreadable().isEmpty()) {
			throw new IllegalStateException(result.unreadable().toString());
		}
		return injector().getInstance(ReportGenerator.class).generate(result.resources().get(model),
				model.getFileName().toString(), result.issues().get(model), new ReportGenerator.Options(kernelTree, steps),
				CancelIndicator.NullImpl);
	}

	static String content(List<ReportGenerator.GeneratedFile> files, String path) {
		return files.stream().filter(f -> f.path().equals(path)).findFirst()
				.orElseThrow(() -> new AssertionError("no " + path + " among " + files.stream().map(ReportGenerator.GeneratedFile::path).toList()))
				.content();
	}

	/** Copies a folder, so that a test may change it. */
	static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> all = Files.walk(from)) {
			for (Path source : all.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				} else {
					Files.createDirectories(target.getParent());
					Files.copy(source, target);
				}
			}
		}
	}
}
