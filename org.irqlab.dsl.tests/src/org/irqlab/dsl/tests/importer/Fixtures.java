package org.irqlab.dsl.tests.importer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.cli.ModelLoader;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioSimulations;

/** The capture directories under resources/import-fixtures, and what the import tests do with them. */
final class Fixtures {

	static final String HEALTHY = "healthy-6.12";
	static final String INCIDENT = "incident-el8-hotplug";
	static final String EXHAUSTED_DUMP = "incident-el8-exhausted-dump";
	/** The seed report's `p *vector_matrix` as copied from its web page: U+00A0 indentation, **bold**, // remarks. */
	static final String WEB_PASTE = "incident-el8-web-paste";

	private Fixtures() {
	}

	/** The fixture folder in the source tree (the build passes the examples folder, its sibling's sibling). */
	static Path dir(String name) {
		String examples = System.getProperty("irqlab.examples");
		if (examples == null) {
			throw new IllegalStateException("the build must set -Dirqlab.examples to the examples folder");
		}
		Path dir = Path.of(examples).toAbsolutePath().normalize().resolveSibling("org.irqlab.dsl.tests")
				.resolve("resources/import-fixtures").resolve(name);
		if (!Files.isDirectory(dir)) {
			throw new IllegalStateException("no fixture " + dir);
		}
		return dir;
	}

	/** A copy a test may change. */
	static Path copy(String name, Path into) {
		Path source = dir(name);
		Path target = into.resolve(name);
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(file, copy);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return target;
	}

	static void replaceLine(Path file, int lineNumber, String text) throws IOException {
		List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
		lines.set(lineNumber - 1, text);
		Files.write(file, lines);
	}

	/** The capture's import, then `irqlab check` of what it wrote: both must succeed. */
	static Path importAndCheck(Path capture, Path model) {
		Run run = Run.of("import", "--force", "--from", capture.toString(), "-o", model.toString());
		if (run.exitCode() != IrqLabCli.EXIT_CLEAN) {
			throw new AssertionError("import of " + capture + " failed (" + run.exitCode() + "): " + run.err());
		}
		Run check = Run.of("check", model.toString());
		if (check.exitCode() != IrqLabCli.EXIT_CLEAN) {
			throw new AssertionError("the model imported from " + capture + " does not check: " + check.out() + check.err());
		}
		return model;
	}

	/** One run of the command line, in process. */
	record Run(int exitCode, String out, String err) {
		static Run of(String... args) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			int code = IrqLabCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
			return new Run(code, out.toString(), err.toString());
		}
	}

	/** A model loaded and validated as `irqlab check` does it, with its only scenario simulated. */
	record Loaded(List<Issue> issues, ScenarioOutcome outcome) {

		static Loaded of(Path model) {
			ModelLoader.Result result = new ModelLoader().loadAndValidate(List.of(model));
			if (!result.unreadable().isEmpty()) {
				throw new IllegalStateException(result.unreadable().toString());
			}
			XtextResource resource = result.resources().get(model);
			Scenario scenario = ((Model) resource.getContents().get(0)).getElements().stream()
					.filter(Scenario.class::isInstance).map(Scenario.class::cast).findFirst().orElseThrow();
			ScenarioOutcome outcome = resource.getResourceServiceProvider().get(ScenarioSimulations.class)
					.outcome(scenario, CancelIndicator.NullImpl);
			return new Loaded(result.issues().get(model), outcome);
		}

		List<Issue> errors() {
			return issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		}
	}
}
