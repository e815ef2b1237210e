package org.irqlab.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.lsp4j.TextEdit;

/** The model's text edits (LSP ranges of one text) applied to a document as one change, last first. */
public final class DocumentEdits {

	private DocumentEdits() {
	}

	public static void apply(IDocument document, List<? extends TextEdit> edits) throws BadLocationException {
		// offsets of the text the edits were computed on, so that later edits do not shift earlier ones
		List<int[]> regions = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		for (TextEdit edit : edits) {
			regions.add(TextPositions.region(document, edit.getRange()));
			texts.add(edit.getNewText());
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < regions.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingInt((Integer i) -> regions.get(i)[0]).reversed());
		DocumentRewriteSession session = document instanceof IDocumentExtension4 extension
				? extension.startRewriteSession(DocumentRewriteSessionType.UNRESTRICTED_SMALL)
				: null;
		try {
			for (int i : order) {
				document.replace(regions.get(i)[0], regions.get(i)[1], texts.get(i));
			}
		} finally {
			if (session != null) {
				((IDocumentExtension4) document).stopRewriteSession(session);
			}
		}
	}
}
