package org.irqlab.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.IrqLabStandaloneSetup;
import org.irqlab.dsl.generator.IrqLabOutputConfigurationProvider;
import org.irqlab.dsl.report.OutputFolder;
import org.irqlab.dsl.report.ReportGenerator;

import com.google.inject.Injector;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `irqlab report FILE... [-o DIR] [--kernel-tree DIR] [--steps]`: per scenario, a report to attach to a bug. */
@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Writes, per scenario, report.html, report.md, report.json, vector-matrix.txt and the proposed"
				+ " fixes' patches under DIR/<file>/<scenario>/.",
				"Exit 0 when every model is clean, 1 when a device fails or a model is inconsistent (the reports are"
						+ " written all the same), 2 on syntax or usage errors (nothing is written for that file)." })
final class ReportCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "FILE", description = "the .irqlab files to report on")
	private List<Path> files;

	@Option(names = { "-o", "--output" }, paramLabel = "DIR",
			description = "the folder to write into (default: ${DEFAULT-VALUE}); created if missing, refused if it holds files irqlab did not write",
			defaultValue = IrqLabOutputConfigurationProvider.DEFAULT_FOLDER)
	private Path output;

	@Option(names = "--kernel-tree", paramLabel = "DIR",
			description = "a kernel source tree: the driver fixes are also written as git format-patch mails against it (it is only read)")
	private Path kernelTree;

	@Option(names = "--steps", description = "also write the vector matrix after every event, under steps/")
	private boolean steps;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		if (kernelTree != null && !Files.isDirectory(kernelTree)) {
			err.println("irqlab report: --kernel-tree " + kernelTree + ": no such folder");
			return IrqLabCli.EXIT_USAGE;
		}
		Injector injector = new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration();
		ModelLoader.Result result = new ModelLoader(injector).loadAndValidate(files);
		for (ModelLoader.Unreadable each : result.unreadable()) {
			err.println(each.file() + ": error: cannot read: " + each.reason());
		}
		OutputFolder folder;
		try {
			folder = OutputFolder.open(output);
		} catch (IOException e) {
			err.println("irqlab report: " + e.getMessage());
			return IrqLabCli.EXIT_USAGE;
		}
		ReportGenerator generator = injector.getInstance(ReportGenerator.class);
		ReportGenerator.Options options = new ReportGenerator.Options(kernelTree, steps);
		boolean usage = !result.unreadable().isEmpty();
		boolean errors = false;
		for (Map.Entry<Path, XtextResource> entry : result.resources().entrySet()) {
			Path file = entry.getKey();
			List<Issue> issues = DiagnosticFormat.inReadingOrder(result.issues().getOrDefault(file, List.of()));
			if (issues.stream().anyMatch(Issue::isSyntaxError)) {
				issues.stream().filter(Issue::isSyntaxError).forEach(i -> err.println(DiagnosticFormat.compilerStyle(file, i)));
				err.println(file + ": no report: fix the syntax errors first");
				usage = true;
				continue;
			}
			errors |= issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
			List<Path> written = new ArrayList<>();
			try {
				for (ReportGenerator.GeneratedFile generated : generator.generate(entry.getValue(),
						file.getFileName().toString(), issues, options, CancelIndicator.NullImpl)) {
					written.add(folder.write(generated.path(), generated.content()));
				}
			} catch (IOException e) {
				err.println("irqlab report: " + file + ": " + e.getMessage());
				usage = true;
				continue;
			}
			for (Path path : written) {
				if (path.getFileName().toString().equals("report.html")) {
					out.println(display(path) + ": " + title(path));
				}
			}
		}
		out.flush();
		if (usage) {
			return IrqLabCli.EXIT_USAGE;
		}
		return errors ? IrqLabCli.EXIT_ERRORS : IrqLabCli.EXIT_CLEAN;
	}

	private static String display(Path path) {
		Path here = Path.of("").toAbsolutePath();
		return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
	}

	/** "hotplug on inspur: 221 of 512 probes fail", read back from the written report's title. */
	private static String title(Path html) {
		try {
			String text = Files.readString(html);
			int start = text.indexOf("<title>IrqLab: ");
			int end = text.indexOf("</title>");
			String title = start < 0 || end < start ? "written" : text.substring(start + "<title>IrqLab: ".length(), end);
			return title.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
					.replace("&amp;", "&");
		} catch (IOException e) {
			return "written";
		}
	}
}
