package org.irqlab.dsl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.xtext.util.CancelIndicator;
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

	/**
	 * Where a run happens and what it uses. The command line in its own process uses the process's
	 * working directory and makes its injectors; the check server (the standalone jar's) runs `check`
	 * for a client in another folder, with injectors it keeps between requests, and cancels the run
	 * when the client goes away.
	 *
	 * @param workingDirectory  absolute; relative FILE arguments of `check` resolve against it
	 * @param injector          the runtime injector of `check`; null: a new one per run
	 * @param injectorWithFixes makes an injector that binds {@link org.irqlab.dsl.validation.IssueFixes} to
	 *                          the editor's quick fixes, for `check --format sarif`; null: the runtime's
	 * @param cancel            stops loading, validation and simulation early; what they printed is then moot
	 */
	public record Context(Path workingDirectory, Supplier<Injector> injector, Supplier<Injector> injectorWithFixes,
			CancelIndicator cancel) {

		/** The process's own: its working directory, new injectors, never cancelled. */
		public static Context ofProcess(Supplier<Injector> injectorWithFixes) {
			return new Context(Path.of("").toAbsolutePath(), null, injectorWithFixes, CancelIndicator.NullImpl);
		}

		public Context {
			if (!workingDirectory.isAbsolute()) {
				throw new IllegalArgumentException("the working directory must be absolute: " + workingDirectory);
			}
		}
	}

	private final Context context;

	public IrqLabCli() {
		this(Context.ofProcess(null));
	}

	private IrqLabCli(Context context) {
		this.context = context;
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
		return run(args, out, err, (Supplier<Injector>) null);
	}

	/** As {@link #run(String[], PrintWriter, PrintWriter)}, with the injector for SARIF fixes (see {@link #main(String[], Supplier)}). */
	public static int run(String[] args, PrintWriter out, PrintWriter err, Supplier<Injector> injectorWithFixes) {
		return run(args, out, err, Context.ofProcess(injectorWithFixes));
	}

	/** As {@link #run(String[], PrintWriter, PrintWriter)}, in the given context (the check server's client's). */
	public static int run(String[] args, PrintWriter out, PrintWriter err, Context context) {
		CommandLine commandLine = new CommandLine(new IrqLabCli(context));
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
			if (commandLine.getSubcommands().containsKey(arg) || arg.equals("lsp") || arg.equals("server")) {
				return null;
			}
			List<String> commands = new ArrayList<>(commandLine.getSubcommands().keySet());
			commands.add("lsp");
			commands.add("server");
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
		return context.injectorWithFixes() != null ? context.injectorWithFixes().get() : injector();
	}

	/** The runtime injector: the context's, or a new one. */
	Injector injector() {
		return context.injector() != null ? context.injector().get()
				: new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	Context context() {
		return context;
	}

	/**
	 * Whether {@code args} are a `check` run the check server may do for a client and print exactly what
	 * this process would: the arguments parse, ask for no help or version, and name no file that is a
	 * device or process entry (`/dev/stdin` is the client's, not the server's). Usage errors and help
	 * run in the client's own process, where picocli sees its terminal.
	 */
	public static boolean servable(String[] args, Path workingDirectory) {
		if (args.length == 0 || !args[0].equals("check")) {
			return false;
		}
		CommandLine commandLine = new CommandLine(new IrqLabCli(new Context(workingDirectory, null, null, CancelIndicator.NullImpl)));
		CommandLine.ParseResult parsed;
		try {
			parsed = commandLine.parseArgs(args);
		} catch (CommandLine.ParameterException e) {
			return false;
		}
		if (parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested() || !parsed.hasSubcommand()) {
			return false;
		}
		CommandLine.ParseResult check = parsed.subcommand();
		if (check.isUsageHelpRequested() || check.isVersionHelpRequested() || !check.unmatched().isEmpty()) {
			return false;
		}
		List<Path> files = check.matchedPositionalValue(0, List.of());
		for (Path file : files) {
			Path absolute = workingDirectory.resolve(file).normalize();
			try {
				absolute = absolute.toRealPath();
			} catch (java.io.IOException | RuntimeException e) {
				// a missing file is reported the same way by either process
			}
			if (absolute.startsWith("/dev") || absolute.startsWith("/proc") || absolute.startsWith("/sys")) {
				return false;
			}
		}
		return true;
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
