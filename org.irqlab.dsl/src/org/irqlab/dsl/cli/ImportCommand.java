package org.irqlab.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.irqlab.dsl.IrqLabStandaloneSetup;
import org.irqlab.dsl.importer.CaptureRoot;
import org.irqlab.dsl.importer.HostCapture;
import org.irqlab.dsl.importer.HostReader;
import org.irqlab.dsl.importer.ImportedModelCheck;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.ModelWriter;
import org.irqlab.dsl.importer.PresentDevice;
import org.irqlab.dsl.importer.TextFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `irqlab import [--from DIR] -o host.irqlab`: a model of a real host, to start the what-if work from. */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = { "Writes a .irqlab model of a host: its CPUs, NUMA nodes, kernel, the vectors in use, irqbalance,"
				+ " and device types shaped like the virtio and NVMe devices it has.",
				"Reads the running system, or with --from a directory holding copies of its files under the same paths"
						+ " (see docs/import.md for the capture script), and/or a crash session log.",
				"Exit 0 when written, 2 on unreadable input or usage errors." })
final class ImportCommand implements Callable<Integer> {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
	private static final String DEFAULT_NAME = "host";
	@Option(names = "--from", paramLabel = "DIR",
			description = "a directory holding copies of the host's files (DIR/proc/interrupts, DIR/sys/...); without it and without --crash/--lscpu, the running system is read")
	private Path from;

	@Option(names = "--crash", paramLabel = "FILE", description = "a crash(8) session log with `p *vector_matrix` (default: DIR/crash.txt when present)")
	private Path crash;

	@Option(names = "--lscpu", paramLabel = "FILE", description = "`lscpu -p` output, when sysfs was not captured (default: DIR/lscpu.txt when present)")
	private Path lscpu;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", required = true, description = "the model to write")
	private Path output;

	@Option(names = "--force", description = "replace FILE when it exists")
	private boolean force;

	@Option(names = "--name", paramLabel = "NAME", defaultValue = DEFAULT_NAME, description = "the machine's name in the model (default: ${DEFAULT-VALUE})")
	private String name;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (!NAME.matcher(name).matches() || (!name.equals(DEFAULT_NAME) && isKeyword(name))) {
			err.println("irqlab import: --name " + name + " is not a name the language accepts (letters, digits, _; not a keyword)");
			return IrqLabCli.EXIT_USAGE;
		}
		if (from != null && !Files.isDirectory(from)) {
			err.println(from + ": error: " + (Files.exists(from) ? "not a directory" : "no such directory"));
			return IrqLabCli.EXIT_USAGE;
		}
		if (!force && Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
			err.println(output + ": error: " + (Files.isSymbolicLink(output) && !Files.exists(output)
					? "is a symbolic link (to a missing file)" : "already exists") + "; pass --force to replace it");
			return IrqLabCli.EXIT_USAGE;
		}
		HostCapture host;
		ModelWriter.Written model;
		try {
			CaptureRoot root = from != null ? CaptureRoot.directory(from)
					: crash == null && lscpu == null ? CaptureRoot.live() : null;
			host = HostReader.read(root, readFile(crash), readFile(lscpu));
			model = ModelWriter.write(host, name);
		} catch (InputError e) {
			err.println(e.compilerStyle());
			return IrqLabCli.EXIT_USAGE;
		}
		List<ImportedModelCheck.Problem> problems = ImportedModelCheck.errors(model.text());
		if (!problems.isEmpty()) {
			err.println(output + ": error: not written: the model imported from " + host.origin()
					+ " would not pass `irqlab check`:");
			for (ImportedModelCheck.Problem problem : problems) {
				err.println("  line " + problem.line() + ": " + problem.message() + " (`" + problem.text() + "`)");
			}
			err.println("  the capture holds values that do not fit together; please report it with the capture");
			return IrqLabCli.EXIT_USAGE;
		}
		try {
			UserFile.write(output, model.text(), force);
		} catch (IOException e) {
			err.println(output + ": error: " + e.getMessage());
			return IrqLabCli.EXIT_USAGE;
		}
		summary(out, host, model);
		return IrqLabCli.EXIT_CLEAN;
	}

	// the language's own keywords, so that a name the grammar would reject is refused here
	private static boolean isKeyword(String word) {
		IGrammarAccess grammar = new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(IGrammarAccess.class);
		return GrammarUtil.getAllKeywords(grammar.getGrammar()).contains(word);
	}

	// the same reading as the capture's files: regular files only, up to CaptureRoot.MAX_BYTES
	private static TextFile readFile(Path file) throws InputError {
		return file == null ? null : CaptureRoot.readFile(file);
	}

	private void summary(PrintWriter out, HostCapture host, ModelWriter.Written model) {
		out.println("wrote " + output + " from " + host.origin());
		if (!host.devices().isEmpty()) {
			out.println("  devices present (in the machine's load): "
					+ String.join(", ", host.devices().stream().map(PresentDevice::name).toList()));
		}
		if (!model.guesses().isEmpty()) {
			out.println("  " + model.guesses().size() + " guess" + (model.guesses().size() == 1 ? "" : "es")
					+ ", marked \"guess:\" in the file:");
			for (String guess : model.guesses()) {
				out.println("    " + guess);
			}
		}
		out.println("next: irqlab check " + output);
		out.flush();
	}
}
