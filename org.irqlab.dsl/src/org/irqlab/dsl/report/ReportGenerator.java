package org.irqlab.dsl.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.kernel.Simulation;
import org.irqlab.dsl.model.Element;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.EventOutcome;
import org.irqlab.dsl.simulation.ScenarioOutcome;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.ScenarioSimulations;
import org.irqlab.dsl.simulation.SimulationBudget;

import com.google.inject.Inject;

/**
 * Everything `irqlab report` and the Eclipse builder write for a model: per scenario, under
 * {@code <file>/<scenario>/}, report.html, report.md, report.json, vector-matrix.txt, the semantic
 * patches of the proposed fixes, and with a kernel tree their format-patch mails. Pure: it returns the
 * files and their contents; writing them is the caller's job.
 */
public class ReportGenerator {

	/** The VECTOR domain's flags as x86 kernels print them (hierarchy, name allocated). */
	static final int VECTOR_DOMAIN_FLAGS = 0x3;

	/**
	 * @param kernelTree a kernel source tree to write format-patch mails against, or null
	 * @param steps      also write the matrix after every event, under steps/
	 */
	public record Options(Path kernelTree, boolean steps) {
		public static Options defaults() {
			return new Options(null, false);
		}
	}

	/** A file to write, relative to the output folder, with '/' separators. */
	public record GeneratedFile(String path, String content) {
	}

	@Inject
	private ScenarioSimulations simulations;

	/**
	 * @param fileName the model's file name as reports show it ("seed-incident.irqlab")
	 * @param issues   the validator's issues for the whole resource
	 */
	public List<GeneratedFile> generate(Resource resource, String fileName, List<Issue> validatorIssues,
			Options options, CancelIndicator cancel) {
		List<Issue> issues = inReadingOrder(validatorIssues);
		List<GeneratedFile> files = new ArrayList<>();
		if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model model)) {
			return files;
		}
		List<Scenario> scenarios = new ArrayList<>();
		for (Element element : model.getElements()) {
			if (element instanceof Scenario scenario && scenario.getName() != null) {
				scenarios.add(scenario);
			}
		}
		List<Issue> fileLevel = new ArrayList<>(issues);
		for (Scenario scenario : scenarios) {
			fileLevel.removeAll(ReportJson.issuesInside(scenario, issues));
		}
		for (Scenario scenario : scenarios) {
			String prefix = scenarioFolder(fileName, scenario.getName()) + "/";
			generate(scenario, fileName, issues, fileLevel, options, cancel)
					.forEach(f -> files.add(new GeneratedFile(prefix + f.path(), f.content())));
		}
		return files;
	}

	private List<GeneratedFile> generate(Scenario scenario, String fileName, List<Issue> issues, List<Issue> fileLevel,
			Options options, CancelIndicator cancel) {
		BooleanSupplier cancelled = cancel::isCanceled;
		ScenarioOutcome outcome = simulations.outcome(scenario, cancel);
		ScenarioFacts facts = ScenarioFacts.of(outcome);
		List<Issue> inside = ReportJson.issuesInside(scenario, issues);
		Verdict verdict = Verdict.of(facts, inside, cancelled);
		FixProposals.Proposals proposals = FixProposals.of(facts, cancelled);

		List<GeneratedFile> files = new ArrayList<>();
		List<Fix> fixes = new ArrayList<>();
		for (Fix fix : proposals.fixes()) {
			fixes.add(withPatches(fix, facts, options, files));
		}
		proposals = new FixProposals.Proposals(List.copyOf(fixes), proposals.triedWithoutEffect());

		List<GeneratedFile> steps = options.steps() && outcome.simulated() ? steps(scenario, cancelled) : List.of();

		List<String> outputs = new ArrayList<>(List.of("report.md", "report.json"));
		if (outcome.simulated()) {
			outputs.add("vector-matrix.txt");
		}
		files.forEach(f -> outputs.add(f.path()));
		if (!steps.isEmpty()) {
			outputs.add("steps/");
		}
		ScenarioReport report = new ScenarioReport(fileName, facts, verdict, inside, proposals, List.copyOf(outputs));

		List<Issue> forJson = new ArrayList<>(fileLevel);
		forJson.addAll(inside);
		files.add(0, new GeneratedFile("report.html", HtmlReport.render(report)));
		files.add(1, new GeneratedFile("report.md", MarkdownReport.render(report)));
		files.add(2, new GeneratedFile("report.json",
				ReportJson.toJson(ReportJson.document(List.of(ReportJson.file(fileName, List.of(facts), forJson))))));
		if (outcome.simulated()) {
			files.add(3, new GeneratedFile("vector-matrix.txt",
					debugfs(outcome.simulation(), outcome.simulation().mappedIrqs())));
		}
		files.addAll(steps);
		return files;
	}

	/** Adds the fix's .cocci, and with a kernel tree its mail, to {@code files}; notes why a mail is missing. */
	private static Fix withPatches(Fix fix, ScenarioFacts facts, Options options, List<GeneratedFile> files) {
		Path tree = options.kernelTree();
		String cocci;
		KernelTreePatches.Outcome mail;
		switch (fix.type()) {
			case DROP_AFFINITY -> {
				cocci = CocciPatches.dropAffinity();
				mail = tree == null ? null : KernelTreePatches.dropAffinity(tree, PatchMessages.dropAffinity(fix, facts));
			}
			case INTX_CHECK -> {
				cocci = CocciPatches.intxCheck();
				mail = tree == null ? null : KernelTreePatches.intxCheck(tree, PatchMessages.intxCheck(fix, facts));
			}
			case NUM_REQUEST_QUEUES, IRQBALANCE_UNBAN, IRQBALANCE_NO_POWERSAVE, IRQBALANCE_POWERSAVE, FEWER_DEVICES,
					MORE_CPUS_ONLINE -> {
				return fix;
			}
			default -> throw new IllegalArgumentException(fix.type().name());
		}
		List<String> patches = new ArrayList<>();
		String cocciName = fix.id() + ".cocci";
		files.add(new GeneratedFile(cocciName, cocci));
		patches.add(cocciName);
		String note = null;
		if (mail != null && mail.mail() != null) {
			String mailName = "0001-" + fix.id() + ".patch";
			files.add(new GeneratedFile(mailName, mail.mail()));
			patches.add(mailName);
		} else if (mail != null) {
			note = mail.problem();
		}
		return fix.withPatches(patches, note);
	}

	/** The matrix after every event, as debugfs prints it, from a second run that watches each step. */
	private List<GeneratedFile> steps(Scenario scenario, BooleanSupplier cancelled) {
		List<GeneratedFile> steps = new ArrayList<>();
		try {
			new ScenarioRunner(SimulationBudget.standard(), cancelled).observeEvents((EventOutcome event, Simulation sim) -> {
				String name = String.format(Locale.ROOT, "steps/%03d-line%d-%s.txt", steps.size() + 1,
						ScenarioFacts.lineOf(event.event()), event.event().eClass().getName().replace("Event", "")
								.toLowerCase(Locale.ROOT));
				steps.add(new GeneratedFile(name, debugfs(sim, sim.mappedIrqs())));
			}).run(scenario);
		} catch (ScenarioRunner.Cancelled e) {
			throw e;
		} catch (RuntimeException e) {
			// The main run already reported what the simulator makes of this scenario.
			return List.of();
		}
		return steps;
	}

	private static String debugfs(Simulation simulation, int mapped) {
		return VectorDebugfsFile.forRules(simulation.machine().profile()).domainFile(simulation.snapshot(),
				mapped, VECTOR_DOMAIN_FLAGS);
	}

	/** By line, column and severity, as `irqlab check` prints them, whatever order the validator found them in. */
	private static List<Issue> inReadingOrder(List<Issue> issues) {
		return issues.stream().sorted(Comparator.comparing((Issue issue) -> orZero(issue.getLineNumber()))
				.thenComparing(issue -> orZero(issue.getColumn())).thenComparing(Issue::getSeverity)).toList();
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	/** Where a file's reports go, relative to the output folder: {@code <file>} without .irqlab, made safe. */
	public static String fileFolder(String fileName) {
		return safeName(stem(fileName));
	}

	/** Where a scenario's report goes, relative to the output folder: {@code <file>/<scenario>}. */
	public static String scenarioFolder(String fileName, String scenarioName) {
		return fileFolder(fileName) + "/" + safeName(scenarioName);
	}

	static String stem(String fileName) {
		String name = fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		return name.endsWith(".irqlab") ? name.substring(0, name.length() - ".irqlab".length()) : name;
	}

	/** A file or scenario name as one harmless path segment. */
	static String safeName(String name) {
		String safe = name.replace("^", "").replaceAll("[^A-Za-z0-9._-]", "_");
		return safe.isEmpty() || safe.chars().allMatch(c -> c == '.') ? "_" + safe : safe;
	}
}
