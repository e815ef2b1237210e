package org.irqlab.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentRewriteSession;
import org.eclipse.jface.text.DocumentRewriteSessionType;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.irqlab.dsl.ide.quickfix.CapacityQuickFixes;
import org.irqlab.dsl.ide.quickfix.QuickFix;
import org.irqlab.dsl.ide.quickfix.TextEdit;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.model.ModelReads;

/** The shared quick fixes (from the ide layer) for a document's current text in the workspace model, and how to apply one. */
public final class QuickFixes {

	/** Ctrl+1 waits for the model at most this long. */
	private static final long WAIT_MS = 5_000;

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
		List<QuickFix> fixes = ModelReads.read(document, WAIT_MS,
				(resource, cancel) -> quickFixes.fixes(resource, code, data == null ? new String[0] : data, offset));
		return fixes == null ? List.of() : fixes;
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
