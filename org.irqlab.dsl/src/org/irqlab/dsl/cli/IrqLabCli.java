package org.irqlab.dsl.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `irqlab` command line: subcommands, exit codes, help and version. */
@Command(name = "irqlab", mixinStandardHelpOptions = true, versionProvider = IrqLabCli.Version.class,
		description = "Predicts whether the x86 interrupt vector matrix holds for the machines and devices in .irqlab models.",
		subcommands = { CheckCommand.class, ReportCommand.class, ImportCommand.class, DiffCommand.class })
public final class IrqLabCli implements Runnable {

	/** No file has errors (warnings allowed). */
	public static final int EXIT_CLEAN = 0;
	/** Some model has validation errors: a device fails to probe, or the model is inconsistent. */
	public static final int EXIT_ERRORS = 1;
	/** Syntax errors, unreadable files or bad usage. */
	public static final int EXIT_USAGE = 2;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	public static void main(String[] args) {
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
	}

	/** Runs the command line with the given streams and returns its exit code; never calls System.exit. */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		CommandLine commandLine = new CommandLine(new IrqLabCli());
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
			cmd.getErr().println("irqlab: internal error: " + exception);
			return EXIT_USAGE;
		});
		return commandLine.execute(args);
	}

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	static final class Version implements CommandLine.IVersionProvider {
		@Override
		public String[] getVersion() {
			Package pkg = IrqLabCli.class.getPackage();
			String version = pkg == null ? null : pkg.getImplementationVersion();
			return new String[] { "irqlab " + (version == null ? "1.0.0-SNAPSHOT" : version) };
		}
	}
}
