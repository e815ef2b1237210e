package org.irqlab.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One way to resolve an issue, as plain text edits so that the Eclipse editor, its marker
 * resolutions and the language server's code actions apply the very same change.
 */
public record QuickFix(String label, List<TextEdit> edits) {

	/** The text once the edits are applied (they must not overlap). */
	public String applyTo(String text) {
		List<TextEdit> backwards = new ArrayList<>(edits);
		backwards.sort(Comparator.comparingInt(TextEdit::offset).reversed());
		StringBuilder result = new StringBuilder(text);
		for (TextEdit edit : backwards) {
			result.replace(edit.offset(), edit.offset() + edit.length(), edit.text());
		}
		return result.toString();
	}
}
