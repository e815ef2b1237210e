package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.irqlab.dsl.IrqLabStandaloneSetup;

import com.google.inject.Injector;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `irqlab` command line: subcommands, exit codes, help and version. */
@Command(name = "irqlab", mixinStandardHelpOptions = true, versionProvider = IrqLabCli.Version.class,
		description = "Predicts whether the x86 interrupt vector matrix holds for the machines and devices in .irqlab models.",
		subcommands = { CheckCommand.class, ReportCommand.class, ImportCommand.class, DiffCommand.class,
		VerifyCommand.class, KernelCommand.class })
public final class IrqLabCli implements Runnable {

	/** No file has errors (warnings allowed). */
	public static final int EXIT_CLEAN = 0;
	/** Some model has validation errors: a device fails to probe, or the model is inconsistent. */
	public static final int EXIT_ERRORS = 1;
	/** Syntax errors, unreadable files or bad usage. */
	public static final int EXIT_USAGE = 2;

	@CommandLine.Spec
	private CommandLine.Model.CommandSpec spec;

	/** Makes the injector of `check --format sarif`, whose IssueFixes may compute the quick fixes; null: the runtime's. */
	private final Supplier<Injector> injectorWithFixes;

	public IrqLabCli() {
		this(null);
	}

	private IrqLabCli(Supplier<Injector> injectorWithFixes) {
		this.injectorWithFixes = injectorWithFixes;
	}

	public static void main(String[] args) {
		main(args, null);
	}

	/**
	 * @param injectorWithFixes makes an injector that binds {@link org.irqlab.dsl.validation.IssueFixes} to the
	 *                          editor's quick fixes (the standalone jar passes the IDE setup's), or null
	 */
	public static void main(String[] args, Supplier<Injector> injectorWithFixes) {
		System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), injectorWithFixes));
	}

	/** Runs the command line with the given streams and returns its exit code; never calls System.exit. */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		return run(args, out, err, null);
	}

	/** As {@link #run(String[], PrintWriter, PrintWriter)}, with the injector for SARIF fixes (see {@link #main(String[], Supplier)}). */
	public static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<Injector> injectorWithFixes) {
		CommandLine commandLine = new CommandLine(new IrqLabCli(injectorWithFixes));
		commandLine.setOut(out);
		commandLine.setErr(err);
		commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
			cmd.getErr().println("irqlab: internal error: " + exception);
			return EXIT_USAGE;
		});
		String unknown = unknownCommand(commandLine, args);
		if (unknown != null) {
			err.println(unknown);
			err.flush();
			return EXIT_USAGE;
		}
		return commandLine.execute(args);
	}

	/**
	 * The message for a first word that names no command, or null. Picocli lets `--help` win over an
	 * unmatched word, so `irqlab verfy --help` would print the top-level help and exit 0, as if all
	 * was well: a typo in a script must fail.
	 */
	static String unknownCommand(CommandLine commandLine, String[] args) {
		for (String arg : args) {
			if (arg.equals("--")) {
				return null;
			}
			if (arg.startsWith("-")) {
				continue; // the top-level options take no values
			}
			if (commandLine.getSubcommands().containsKey(arg) || arg.equals("lsp")) {
				return null;
			}
			List<String> commands = new ArrayList<>(commandLine.getSubcommands().keySet());
			commands.add("lsp");
			String closest = null;
			int best = Integer.MAX_VALUE;
			for (String command : commands) {
				int distance = distance(arg, command);
				if (distance < best) {
					best = distance;
					closest = command;
				}
			}
			return "irqlab: unknown command '" + arg + "'; did you mean '" + closest + "'? The commands are "
					+ String.join(", ", commands) + " (irqlab --help)";
		}
		return null;
	}

	/** Levenshtein distance, with a swap of two neighbours counting once. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/** The injector for output that carries fixes; the runtime's (no fixes) unless the caller provided one. */
	Injector injectorWithFixes() {
		return injectorWithFixes != null ? injectorWithFixes.get()
				: new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration();
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
