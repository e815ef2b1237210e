package org.irqlab.dsl.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.IrqLabStandaloneSetup;

import com.google.inject.Injector;

/**
 * The last step of an import: the model's text is parsed and validated by the language, as `irqlab check`
 * does it, before anything is written. A capture the readers let through but the language refuses (a
 * combination of values no reader checks on its own) then ends in an explanation instead of a file that
 * does not check.
 */
public final class ImportedModelCheck {

	/** An error the language finds in the text, with the 1-based line and the line's text. */
	public record Problem(int line, int column, String message, String text) {
	}

	private static Injector injector;

	private ImportedModelCheck() {
	}

	private static synchronized Injector injector() {
		if (injector == null) {
			injector = new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration();
		}
		return injector;
	}

	/** The errors (not warnings) `irqlab check` would report for {@code text}, in reading order. */
	public static List<Problem> errors(String text) {
		XtextResourceSet resourceSet = injector().getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("imported:/host.irqlab"));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), resourceSet.getLoadOptions());
		} catch (IOException e) {
			return List.of(new Problem(0, 0, "cannot be parsed: " + e.getMessage(), ""));
		}
		EcoreUtil.resolveAll(resourceSet);
		List<Issue> issues = resource.getResourceServiceProvider().getResourceValidator().validate(resource, CheckMode.ALL,
				CancelIndicator.NullImpl);
		List<String> lines = text.lines().toList();
		return issues.stream().filter(i -> i.getSeverity() == Severity.ERROR)
				.sorted(Comparator.comparing((Issue i) -> i.getLineNumber() == null ? 0 : i.getLineNumber())
						.thenComparing(i -> i.getColumn() == null ? 0 : i.getColumn()))
				.map(i -> {
					int line = i.getLineNumber() == null ? 0 : i.getLineNumber();
					return new Problem(line, i.getColumn() == null ? 0 : i.getColumn(), i.getMessage(),
							line >= 1 && line <= lines.size() ? lines.get(line - 1).strip() : "");
				}).toList();
	}
}
