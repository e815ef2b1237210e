package org.irqlab.dsl.ui.navigation;

import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.Location;

/** A link to a declaration the model found; opening it shows the declaring file with the name selected. */
final class DeclarationHyperlink implements IHyperlink {

	private final IRegion region;
	private final Location target;

	DeclarationHyperlink(IRegion region, Location target) {
		this.region = region;
		this.target = target;
	}

	@Override
	public IRegion getHyperlinkRegion() {
		return region;
	}

	@Override
	public String getTypeLabel() {
		return "Open Declaration";
	}

	@Override
	public String getHyperlinkText() {
		return "Open Declaration";
	}

	@Override
	public void open() {
		Locations.reveal(target);
	}
}
