package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.Element;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.report.ReportJson;
import org.irqlab.dsl.report.ScenarioFacts;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.validation.IssueFixes;

import com.google.gson.JsonObject;
import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `irqlab check FILE...`: compiler-style diagnostics and an exit code for CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Validates .irqlab models: which devices fail to probe, and why. Exit 0 when clean (warnings allowed), 1 on errors, 2 on syntax or usage errors.")
final class CheckCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "the .irqlab files to check")
	private List<Path> files;

	/** How the diagnostics are printed. */
	enum Format {
		text, json, sarif
	}

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
			description = "text: compiler-style lines (default); json: per scenario its devices, matrix and diagnostics;"
					+ " sarif: a SARIF 2.1.0 log with rules, results and fixes, for code scanning (docs/cli.md)")
	private Format format;

	@picocli.CommandLine.Mixin
	private BudgetOption budget;

	@Spec
	private CommandSpec spec;

	@picocli.CommandLine.ParentCommand
	private IrqLabCli parent;

	@Override
	public Integer call() {
		try (var bound = budget.apply()) {
			return check();
		}
	}

	private int check() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		IrqLabCli.Context context = parent.context();
		Injector injector = format == Format.sarif ? parent.injectorWithFixes() : parent.injector();
		ModelLoader.Result result = new ModelLoader(injector).loadAndValidate(files, context.workingDirectory(),
				context.cancel());
		for (ModelLoader.Unreadable each : result.unreadable()) {
			err.println(each.file() + ": error: cannot read: " + each.reason());
		}
		result.duplicates().forEach((again, first) -> err.println(again + ": note: "
				+ (again.equals(first) ? "given more than once" : "the same file as " + first) + "; checked once"));
		boolean syntaxErrors = false;
		boolean errors = false;
		for (var entry : result.issues().entrySet()) {
			for (Issue issue : DiagnosticFormat.inReadingOrder(entry.getValue())) {
				if (format == Format.text) {
					out.println(DiagnosticFormat.compilerStyle(entry.getKey(), issue));
				}
				syntaxErrors |= issue.isSyntaxError();
				errors |= issue.getSeverity() == Severity.ERROR;
			}
		}
		if (format == Format.json) {
			out.print(ReportJson.toJson(json(result, injector.getInstance(ScenarioSimulations.class), context.cancel())));
		} else if (format == Format.sarif) {
			out.print(ReportJson.toJson(sarif(result, injector.getInstance(IssueFixes.class))));
		}
		out.flush();
		if (syntaxErrors || !result.unreadable().isEmpty()) {
			return IrqLabCli.EXIT_USAGE;
		}
		return errors ? IrqLabCli.EXIT_ERRORS : IrqLabCli.EXIT_CLEAN;
	}

	private JsonObject sarif(ModelLoader.Result result, IssueFixes fixes) {
		SarifLog log = new SarifLog(fixes);
		for (ModelLoader.Unreadable each : result.unreadable()) {
			log.unreadable(each.file(), each.reason());
		}
		result.resources().forEach((file, resource) -> log.add(file, resource,
				DiagnosticFormat.inReadingOrder(result.issues().getOrDefault(file, List.of()))));
		return log.toJson(parent.context().workingDirectory(), new IrqLabCli.Version().getVersion()[0].substring("irqlab ".length()));
	}

	/** The files in the order given, each with its scenarios as the simulator ran them for the validator. */
	private JsonObject json(ModelLoader.Result result, ScenarioSimulations simulations, CancelIndicator cancel) {
		List<JsonObject> entries = new ArrayList<>();
		java.util.Set<Path> done = new java.util.HashSet<>();
		for (Path file : files) {
			Path first = result.duplicates().getOrDefault(file, file);
			if (!first.equals(file) || !done.add(file)) {
				continue; // checked once, under the name it was first given
			}
			var unreadable = result.unreadable().stream().filter(u -> u.file().equals(file)).findFirst();
			if (unreadable.isPresent()) {
				entries.add(ReportJson.unreadable(file.toString(), unreadable.get().reason()));
				continue;
			}
			var resource = result.resources().get(file);
			if (resource == null) {
				continue;
			}
			List<ScenarioFacts> scenarios = new ArrayList<>();
			if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof Model model) {
				for (Element element : model.getElements()) {
					if (element instanceof Scenario scenario && scenario.getName() != null) {
						scenarios.add(ScenarioFacts.of(simulations.outcome(scenario, cancel)));
					}
				}
			}
			entries.add(ReportJson.file(file.toString(), scenarios,
					DiagnosticFormat.inReadingOrder(result.issues().getOrDefault(file, List.of()))));
		}
		return ReportJson.document(entries);
	}
}
