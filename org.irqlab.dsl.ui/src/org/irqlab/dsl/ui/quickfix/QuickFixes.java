package org.irqlab.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.xtext.resource.XtextResource;
import org.irqlab.dsl.ide.quickfix.CapacityQuickFixes;
import org.irqlab.dsl.ide.quickfix.QuickFix;
import org.irqlab.dsl.ide.quickfix.TextEdit;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.DocumentParser;

/** The shared quick fixes (from the ide layer) for a document's current text, and how to apply one. */
public final class QuickFixes {

	private QuickFixes() {
	}

	public static boolean hasFixesFor(String code) {
		return IrqLabUiPlugin.getDefault().getInjector().getInstance(CapacityQuickFixes.class).hasFixesFor(code);
	}

	/** @param offset where the issue starts in the document's current text */
	public static List<QuickFix> fixes(IDocument document, String code, String[] data, int offset) {
		CapacityQuickFixes quickFixes = IrqLabUiPlugin.getDefault().getInjector().getInstance(CapacityQuickFixes.class);
		if (!quickFixes.hasFixesFor(code)) {
			return List.of();
		}
		XtextResource resource = DocumentParser.parse(document.get(), "/quickfix.irqlab");
		return quickFixes.fixes(resource, code, data == null ? new String[0] : data, offset);
	}

	/** Applies the edits as one undoable change, last first so that earlier offsets stay valid. */
	public static void apply(QuickFix fix, IDocument document) throws BadLocationException {
		List<TextEdit> edits = new ArrayList<>(fix.edits());
		edits.sort(Comparator.comparingInt(TextEdit::offset).reversed());
		DocumentRewriteSession session = document instanceof IDocumentExtension4 extension
				? extension.startRewriteSession(DocumentRewriteSessionType.UNRESTRICTED_SMALL)
				: null;
		try {
			for (TextEdit edit : edits) {
				document.replace(edit.offset(), edit.length(), edit.text());
			}
		} finally {
			if (session != null) {
				((IDocumentExtension4) document).stopRewriteSession(session);
			}
		}
	}
}
