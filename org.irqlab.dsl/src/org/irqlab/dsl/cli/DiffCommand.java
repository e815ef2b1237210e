package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.importer.CaptureRoot;
import org.irqlab.dsl.importer.Difference;
import org.irqlab.dsl.importer.HostCapture;
import org.irqlab.dsl.importer.HostReader;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.StateComparison;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioSimulations;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `irqlab diff MODEL --against DIR`: where the model's predicted end state and the real host disagree. */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = { "Compares the simulated end state of a model's scenario with a host captured into DIR: the"
				+ " vector matrix per CPU (DIR/sys/kernel/debug/irq/domains/VECTOR, else estimated from DIR/proc/interrupts)"
				+ " and the virtio and NVMe devices, vector by vector.",
				"Exit 0 when they agree, 1 when they differ, 2 on syntax, input or usage errors." })
final class DiffCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "MODEL", description = "the .irqlab model")
	private Path model;

	@Option(names = "--against", paramLabel = "DIR", required = true, description = "the captured host (as for `irqlab import --from`)")
	private Path against;

	@Option(names = "--scenario", paramLabel = "NAME", description = "the scenario to compare, when the model has several")
	private String scenarioName;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (!Files.isDirectory(against)) {
			err.println(against + ": error: " + (Files.exists(against) ? "not a directory" : "no such directory"));
			return IrqLabCli.EXIT_USAGE;
		}
		if (!Files.exists(against.resolve(HostReader.VECTOR_FILE)) && !Files.exists(against.resolve(HostReader.PROC_INTERRUPTS))) {
			err.println(against + ": error: holds neither " + HostReader.VECTOR_FILE + " nor " + HostReader.PROC_INTERRUPTS
					+ ": nothing to compare with");
			return IrqLabCli.EXIT_USAGE;
		}
		Scenario scenario = ScenarioChoice.load(model, scenarioName, "diff compares a scenario's end state", err);
		if (scenario == null) {
			return IrqLabCli.EXIT_USAGE;
		}
		ScenarioOutcome outcome = ((XtextResource) scenario.eResource()).getResourceServiceProvider().get(ScenarioSimulations.class).outcome(scenario,
				CancelIndicator.NullImpl);
		if (!outcome.simulated()) {
			err.println(model + ": error: scenario " + scenario.getName() + " cannot be simulated: " + outcome.problem());
			return IrqLabCli.EXIT_USAGE;
		}
		HostCapture host;
		try {
			host = HostReader.read(CaptureRoot.directory(against), null, null);
		} catch (InputError e) {
			err.println(e.compilerStyle());
			return IrqLabCli.EXIT_USAGE;
		}
		StateComparison.Result result = StateComparison.compare(outcome, host);
		out.println("scenario " + scenario.getName() + " of " + model + " against " + against);
		for (String note : result.notes()) {
			out.println("note: " + note);
		}
		for (Difference difference : result.differences()) {
			out.println(difference);
		}
		String compared = result.cpusCompared() + " CPUs, " + result.devicesCompared() + " device"
				+ (result.devicesCompared() == 1 ? "" : "s") + " compared";
		if (result.agree()) {
			out.println("model and machine agree (" + compared + ")");
		} else {
			out.println(result.differences().size() + " difference" + (result.differences().size() == 1 ? "" : "s") + " ("
					+ compared + ")");
		}
		out.flush();
		return result.agree() ? IrqLabCli.EXIT_CLEAN : IrqLabCli.EXIT_ERRORS;
	}
}
