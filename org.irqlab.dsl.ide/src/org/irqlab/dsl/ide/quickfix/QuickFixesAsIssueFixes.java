package org.irqlab.dsl.ide.quickfix;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.validation.IssueFixes;

import com.google.inject.Inject;

/** The editor's quick fixes for tools outside it (`irqlab check --format sarif`), bound by the IDE module. */
public class QuickFixesAsIssueFixes implements IssueFixes {

	@Inject
	private CapacityQuickFixes quickFixes;

	@Override
	public List<Fix> fixes(XtextResource resource, Issue issue) {
		if (issue.getCode() == null || issue.getOffset() == null || !quickFixes.hasFixesFor(issue.getCode())) {
			return List.of();
		}
		String[] data = issue.getData() == null ? new String[0] : issue.getData();
		return quickFixes.fixes(resource, issue.getCode(), data, issue.getOffset()).stream()
				.map(fix -> new Fix(fix.label(),
						fix.edits().stream().map(edit -> new Edit(edit.offset(), edit.length(), edit.text())).toList()))
				.toList();
	}
}
