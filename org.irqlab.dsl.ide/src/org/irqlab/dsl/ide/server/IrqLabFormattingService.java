package org.irqlab.dsl.ide.server;

import java.util.List;

import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentRangeFormattingParams;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;

/**
 * Formatting without the edits that change nothing: Xtext's formatter reports a replacement for every
 * region it looked at, including ones whose new text is the text already there, and an editor applying
 * them marks an already formatted file as modified. A formatted file gets an empty list.
 */
public class IrqLabFormattingService extends FormattingService {

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource, DocumentFormattingParams params,
			CancelIndicator cancelIndicator) {
		return changing(document, super.format(document, resource, params, cancelIndicator));
	}

	@Override
	public List<? extends TextEdit> format(Document document, XtextResource resource,
			DocumentRangeFormattingParams params, CancelIndicator cancelIndicator) {
		return changing(document, super.format(document, resource, params, cancelIndicator));
	}

	private static List<TextEdit> changing(Document document, List<? extends TextEdit> edits) {
		return edits.stream().filter(edit -> !edit.getNewText().equals(replaced(document, edit))).map(TextEdit.class::cast)
				.toList();
	}

	private static String replaced(Document document, TextEdit edit) {
		int start = document.getOffSet(edit.getRange().getStart());
		int end = document.getOffSet(edit.getRange().getEnd());
		return document.getContents().substring(start, end);
	}
}
