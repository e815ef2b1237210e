package org.irqlab.dsl.validation;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.ImplementedBy;

/**
 * The fixes of an issue as plain text edits, for tools outside the editor (`irqlab check --format
 * sarif` prints them as SARIF fixes). The quick fixes are computed in the IDE bundle, which this one
 * cannot depend on: the IDE module binds this interface to them, and an injector of the runtime
 * module alone offers none.
 */
@ImplementedBy(IssueFixes.None.class)
public interface IssueFixes {

	/** Replace {@code length} characters at {@code offset} of the resource's text with {@code text}. */
	record Edit(int offset, int length, String text) {
	}

	/** One way to resolve the issue, described as the editor's quick fix menu shows it. */
	record Fix(String label, List<Edit> edits) {
	}

	/** @return the fixes, none when the issue has none or they are not available in this injector */
	List<Fix> fixes(XtextResource resource, Issue issue);

	/** Whether this injector computes fixes at all (the runtime module alone does not). */
	default boolean available() {
		return true;
	}

	/** The runtime module's binding: no fixes. */
	final class None implements IssueFixes {
		@Override
		public List<Fix> fixes(XtextResource resource, Issue issue) {
			return List.of();
		}

		@Override
		public boolean available() {
			return false;
		}
	}
}
