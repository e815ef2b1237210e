package org.irqlab.dsl.ui.navigation;

import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.hyperlink.AbstractHyperlinkDetector;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.Names;
import org.irqlab.dsl.ui.editor.TextPositions;
import org.irqlab.dsl.ui.model.ModelReads;

/**
 * Ctrl+click and F3 (the Generic Editor's Open Hyperlink) on the name of a machine, device type or named
 * device: the model's definition, in whichever file of the project declares it.
 */
public class DeclarationHyperlinkDetector extends AbstractHyperlinkDetector {

	/** Ctrl+hover asks on the UI thread; a model too busy to answer this fast shows no link. */
	private static final long WAIT_MS = 1_500;

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultipleHyperlinks) {
		IDocument document = viewer.getDocument();
		String uri = IrqLabUiPlugin.getDefault().documents().uriOf(document);
		if (uri == null) {
			return null;
		}
		try {
			DefinitionParams params = new DefinitionParams(new TextDocumentIdentifier(uri),
					TextPositions.position(document, region.getOffset()));
			var answer = ModelReads.await(IrqLabUiPlugin.getDefault().model().ask(server -> server.definition(params)),
					WAIT_MS);
			List<? extends Location> locations = answer == null || !answer.isLeft() ? List.of() : answer.getLeft();
			if (locations.isEmpty()) {
				return null;
			}
			IRegion word = Names.regionAt(document, region.getOffset());
			return locations.stream().map(location -> new DeclarationHyperlink(word, location)).toArray(IHyperlink[]::new);
		} catch (BadLocationException e) {
			return null;
		}
	}
}
