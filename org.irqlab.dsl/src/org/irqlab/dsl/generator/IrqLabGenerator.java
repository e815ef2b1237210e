package org.irqlab.dsl.generator;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.generator.AbstractGenerator;
import org.eclipse.xtext.generator.IFileSystemAccess2;
import org.eclipse.xtext.generator.IGeneratorContext;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.report.ReportGenerator;

import com.google.inject.Inject;

/**
 * Writes the reports of a model's scenarios when the Eclipse builder saves it (the command line's
 * `irqlab report` writes the same files itself, atomically, through OutputFolder).
 */
public class IrqLabGenerator extends AbstractGenerator {

	@Inject
	private ReportGenerator reports;

	@Override
	public void doGenerate(Resource resource, IFileSystemAccess2 fsa, IGeneratorContext context) {
		if (!(resource instanceof XtextResource xtext) || xtext.getParseResult() == null
				|| xtext.getParseResult().hasSyntaxErrors()) {
			return;
		}
		List<Issue> issues = xtext.getResourceServiceProvider().getResourceValidator().validate(xtext, CheckMode.ALL,
				context.getCancelIndicator());
		String name = resource.getURI().lastSegment() == null ? "model.irqlab"
				: URI.decode(resource.getURI().lastSegment());
		for (ReportGenerator.GeneratedFile file : reports.generate(resource, name, issues,
				ReportGenerator.Options.defaults(), context.getCancelIndicator())) {
			fsa.generateFile(file.path(), file.content());
		}
	}
}
