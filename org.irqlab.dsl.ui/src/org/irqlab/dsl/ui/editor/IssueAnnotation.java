package org.irqlab.dsl.ui.editor;

import org.eclipse.jface.text.quickassist.IQuickFixableAnnotation;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** A validator issue shown in the editor; it keeps the issue's code and data for the quick fixes. */
public class IssueAnnotation extends Annotation implements IQuickFixableAnnotation {

	public static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error";
	public static final String WARNING_TYPE = "org.eclipse.ui.workbench.texteditor.warning";
	public static final String INFO_TYPE = "org.eclipse.ui.workbench.texteditor.info";

	private final Issue issue;
	private boolean quickFixable;

	public IssueAnnotation(Issue issue, boolean quickFixable) {
		super(typeOf(issue.getSeverity()), false, issue.getMessage());
		this.issue = issue;
		this.quickFixable = quickFixable;
	}

	public Issue issue() {
		return issue;
	}

	@Override
	public void setQuickFixable(boolean state) {
		quickFixable = state;
	}

	@Override
	public boolean isQuickFixableStateSet() {
		return true;
	}

	@Override
	public boolean isQuickFixable() {
		return quickFixable;
	}

	private static String typeOf(Severity severity) {
		return switch (severity) {
			case ERROR -> ERROR_TYPE;
			case WARNING -> WARNING_TYPE;
			default -> INFO_TYPE;
		};
	}
}
