package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `irqlab check FILE...`: compiler-style diagnostics and an exit code for CI. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Validates .irqlab models: which devices fail to probe, and why. Exit 0 when clean (warnings allowed), 1 on errors, 2 on syntax or usage errors.")
final class CheckCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "the .irqlab files to check")
	private List<Path> files;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		ModelLoader.Result result = new ModelLoader().loadAndValidate(files);
		for (ModelLoader.Unreadable each : result.unreadable()) {
			err.println(each.file() + ": error: cannot read: " + each.reason());
		}
		boolean syntaxErrors = false;
		boolean errors = false;
		for (var entry : result.issues().entrySet()) {
			for (Issue issue : DiagnosticFormat.inReadingOrder(entry.getValue())) {
				out.println(DiagnosticFormat.compilerStyle(entry.getKey(), issue));
				syntaxErrors |= issue.isSyntaxError();
				errors |= issue.getSeverity() == Severity.ERROR;
			}
		}
		out.flush();
		if (syntaxErrors || !result.unreadable().isEmpty()) {
			return IrqLabCli.EXIT_USAGE;
		}
		return errors ? IrqLabCli.EXIT_ERRORS : IrqLabCli.EXIT_CLEAN;
	}
}
