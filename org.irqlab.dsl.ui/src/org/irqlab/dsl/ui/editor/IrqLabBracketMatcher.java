package org.irqlab.dsl.ui.editor;

import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;

/** Highlights the brace matching the one at the caret (machine, device, scenario, repeat and crash blocks). */
public class IrqLabBracketMatcher extends DefaultCharacterPairMatcher {

	public IrqLabBracketMatcher() {
		super(new char[] { '{', '}' });
	}
}
