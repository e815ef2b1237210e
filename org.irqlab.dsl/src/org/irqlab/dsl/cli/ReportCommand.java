package org.irqlab.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.IrqLabStandaloneSetup;
import org.irqlab.dsl.generator.IrqLabOutputConfigurationProvider;
import org.irqlab.dsl.model.Element;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
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

	@picocli.CommandLine.Mixin
	private BudgetOption budget;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() {
		try (var bound = budget.apply()) {
			return report();
		}
	}

	private int report() {
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
		result.duplicates().forEach((again, first) -> err.println(again + ": note: "
				+ (again.equals(first) ? "given more than once" : "the same file as " + first) + "; reported once"));
		Map<Path, List<Issue>> reportable = reportable(result, err);
		boolean usage = !result.unreadable().isEmpty() || reportable.size() < result.resources().size();
		// Two reports meant for one folder: the second would replace the first. Refused before anything is written.
		List<String> collisions = collisions(reportable.keySet(), result.resources());
		if (!collisions.isEmpty()) {
			collisions.forEach(err::println);
			err.println("irqlab report: nothing written: two reports would go to the same folder; rename the files or"
					+ " scenarios, or report them in separate runs with different -o folders");
			return IrqLabCli.EXIT_USAGE;
		}
		OutputFolder folder;
		try {
			folder = OutputFolder.open(output);
		} catch (IOException e) {
			err.println("irqlab report: " + e.getMessage());
			return IrqLabCli.EXIT_USAGE;
		}
		folder.cleanOnShutdown();
		boolean errors = false;
		try {
			ReportGenerator generator = injector.getInstance(ReportGenerator.class);
			for (Map.Entry<Path, List<Issue>> entry : reportable.entrySet()) {
				errors |= entry.getValue().stream().anyMatch(i -> i.getSeverity() == Severity.ERROR);
				usage |= !write(entry.getKey(), entry.getValue(), result, generator, folder, out, err);
			}
		} finally {
			folder.close();
		}
		out.flush();
		if (usage) {
			return IrqLabCli.EXIT_USAGE;
		}
		return errors ? IrqLabCli.EXIT_ERRORS : IrqLabCli.EXIT_CLEAN;
	}

	/** The files without syntax errors, with their issues in reading order; the others are said on stderr. */
	private static Map<Path, List<Issue>> reportable(ModelLoader.Result result, PrintWriter err) {
		Map<Path, List<Issue>> reportable = new LinkedHashMap<>();
		for (Map.Entry<Path, XtextResource> entry : result.resources().entrySet()) {
			Path file = entry.getKey();
			List<Issue> issues = DiagnosticFormat.inReadingOrder(result.issues().getOrDefault(file, List.of()));
			if (issues.stream().anyMatch(Issue::isSyntaxError)) {
				issues.stream().filter(Issue::isSyntaxError).forEach(i -> err.println(DiagnosticFormat.compilerStyle(file, i)));
				err.println(file + ": no report: fix the syntax errors first");
				continue;
			}
			reportable.put(file, issues);
		}
		return reportable;
	}

	/** One file's reports, each scenario folder swapped in whole; false when writing failed (said on stderr). */
	private boolean write(Path file, List<Issue> issues, ModelLoader.Result result, ReportGenerator generator,
			OutputFolder folder, PrintWriter out, PrintWriter err) {
		ReportGenerator.Options options = new ReportGenerator.Options(kernelTree, steps);
		List<Path> written = new ArrayList<>();
		try {
			// per scenario folder, in the generator's order
			Map<String, List<Map.Entry<String, String>>> byFolder = new LinkedHashMap<>();
			for (ReportGenerator.GeneratedFile generated : generator.generate(result.resources().get(file),
					file.getFileName().toString(), issues, options, CancelIndicator.NullImpl)) {
				int fileSlash = generated.path().indexOf('/');
				int scenarioSlash = generated.path().indexOf('/', fileSlash + 1);
				byFolder.computeIfAbsent(generated.path().substring(0, scenarioSlash), k -> new ArrayList<>())
						.add(Map.entry(generated.path().substring(scenarioSlash + 1), generated.content()));
			}
			for (var scenario : byFolder.entrySet()) {
				written.add(folder.writeFolder(scenario.getKey(), scenario.getValue()).resolve("report.html"));
			}
		} catch (IOException e) {
			err.println("irqlab report: " + file + ": " + e.getMessage());
			return false;
		}
		for (Path path : written) {
			if (Files.isRegularFile(path)) {
				out.println(display(path) + ": " + title(path));
			}
		}
		return true;
	}

	/**
	 * Every pair of reports that would land in the same folder: files whose names map to one folder
	 * (a/x.irqlab and b/x.irqlab; "a b.irqlab" and a_b.irqlab), and scenarios of one file that share a name.
	 */
	static List<String> collisions(Iterable<Path> files, Map<Path, XtextResource> resources) {
		List<String> found = new ArrayList<>();
		Map<String, Path> fileFolders = new HashMap<>();
		for (Path file : files) {
			String fileFolder = ReportGenerator.fileFolder(file.getFileName().toString());
			Path other = fileFolders.putIfAbsent(fileFolder, file);
			if (other != null) {
				found.add(file + ": error: its reports would go to " + fileFolder + "/ in the output folder, as those of "
						+ other + " do: one would replace the other");
				continue;
			}
			XtextResource resource = resources.get(file);
			if (resource == null || resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
				continue;
			}
			Map<String, Scenario> scenarioFolders = new HashMap<>();
			for (Element element : model.getElements()) {
				if (element instanceof Scenario scenario && scenario.getName() != null) {
					String scenarioFolder = ReportGenerator.scenarioFolder(file.getFileName().toString(), scenario.getName());
					Scenario first = scenarioFolders.putIfAbsent(scenarioFolder, scenario);
					if (first != null) {
						found.add(where(file, scenario) + ": error: the report of scenario " + scenario.getName() + " would go to "
								+ scenarioFolder + "/, as that of scenario " + first.getName() + " at line " + line(first)
								+ ": one would replace the other");
					}
				}
			}
		}
		return found;
	}

	private static String where(Path file, Scenario scenario) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(scenario);
		if (node == null) {
			return file.toString();
		}
		List<INode> nameNodes = NodeModelUtils.findNodesForFeature(scenario, scenario.eClass().getEStructuralFeature("name"));
		INode at = nameNodes.isEmpty() ? node : nameNodes.get(0);
		var position = NodeModelUtils.getLineAndColumn(at, at.getOffset());
		return file + ":" + position.getLine() + ":" + position.getColumn();
	}

	private static int line(Scenario scenario) {
		ICompositeNode node = NodeModelUtils.findActualNodeFor(scenario);
		return node == null ? 0 : node.getStartLine();
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
