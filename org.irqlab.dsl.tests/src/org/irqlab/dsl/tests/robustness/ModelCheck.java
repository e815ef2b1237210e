package org.irqlab.dsl.tests.robustness;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.simulation.SimulationBudget;
import org.irqlab.dsl.validation.IssueCodes;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * What `irqlab check` and the editor do with one file, in a fresh resource set: parse, link and
 * validate with every check, and whether something went wrong inside rather than in the model.
 */
final class ModelCheck {

	/** How a model broke IrqLab, or null fields when it did not. */
	record Result(List<Issue> issues, String failure, Throwable cause) {

		boolean failed() {
			return failure != null;
		}

		/** Exception class and the first IrqLab frame: mutants with the same signature share a bug. */
		String signature() {
			if (cause == null) {
				return failure;
			}
			StackTraceElement where = null;
			for (StackTraceElement frame : rootOf(cause).getStackTrace()) {
				if (frame.getClassName().startsWith("org.irqlab.") && !frame.getClassName().contains(".tests.")) {
					where = frame;
					break;
				}
			}
			return failure + ": " + rootOf(cause).getClass().getName() + (where == null ? "" : " at " + where);
		}

		String stackTrace() {
			if (cause == null) {
				return "";
			}
			StringWriter text = new StringWriter();
			cause.printStackTrace(new PrintWriter(text));
			return text.toString();
		}

		private static Throwable rootOf(Throwable t) {
			Throwable root = t;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			return root;
		}
	}

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Inject
	private IResourceValidator validator;

	private int loaded;

	Result check(String text) {
		try (SwallowedErrors logged = SwallowedErrors.open()) {
			List<Issue> issues;
			try {
				issues = parseAndValidate(text);
			} catch (Throwable escaped) {
				return new Result(List.of(), "exception escaped parse or validate", escaped);
			}
			if (!logged.entries().isEmpty()) {
				SwallowedErrors.Entry first = logged.entries().get(0);
				return new Result(issues, "error logged by " + first.logger() + " (" + first.message() + ")",
						first.thrown());
			}
			for (Issue issue : issues) {
				// SafeSimulator turns anything the simulator throws into a diagnostic that asks the user to report it
				if (IssueCodes.SIMULATION_FAILED.equals(issue.getCode())) {
					return new Result(issues, "the simulator threw: " + issue.getMessage(), null);
				}
			}
			return new Result(issues, null, null);
		}
	}

	/**
	 * What the simulator threw on the model, with its stack: SafeSimulator keeps only the message. Runs
	 * every scenario without the safety net; null when none throws.
	 */
	Throwable simulatorException(String text) {
		try {
			XtextResource resource = load(text);
			for (EObject each : (Iterable<EObject>) resource::getAllContents) {
				if (each instanceof Scenario scenario) {
					new ScenarioRunner(SimulationBudget.standard(), () -> false).run(scenario);
				}
			}
			return null;
		} catch (Throwable thrown) {
			return thrown;
		}
	}

	private List<Issue> parseAndValidate(String text) throws IOException {
		XtextResource resource = load(text);
		return validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
	}

	private XtextResource load(String text) throws IOException {
		XtextResourceSet resourceSet = resourceSets.get();
		XtextResource resource = (XtextResource) resourceSet
				.createResource(URI.createURI("fuzz:/mutant" + (++loaded) + ".irqlab"));
		resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
		return resource;
	}
}
