package org.irqlab.dsl.ui.minings;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.codemining.AbstractCodeMiningProvider;
import org.eclipse.jface.text.codemining.ICodeMining;
import org.eclipse.jface.text.codemining.ICodeMiningProvider;
import org.eclipse.jface.text.codemining.LineHeaderCodeMining;
import org.eclipse.jface.text.source.ISourceViewerExtension5;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.widgets.Control;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.ModelSnapshot;
import org.irqlab.dsl.ui.editor.ModelSnapshots;
import org.irqlab.dsl.ui.model.OpenDocuments;
import org.irqlab.dsl.ui.preferences.IrqLabPreferences;

/**
 * The figures above each `add` (how its devices end, the slots each took, the free vectors left) and each
 * machine (usable slots per CPU and in total), as code minings. They are the language server's inlay
 * hints, asked of the workspace model's server as any LSP client asks ({@code textDocument/inlayHint},
 * computed by {@link org.irqlab.dsl.ide.server.IrqLabInlayHints}), shown on a line of their own above the
 * line they belong to.
 * <p>
 * The editor asks again after each edit of its own text; a check of the document that the edit of another
 * file caused (a machine's `cpus` in hosts.irqlab) asks again too, so the figures follow unsaved edits
 * anywhere in the project. *Window > Preferences > IrqLab* turns them off.
 */
public class FiguresCodeMiningProvider extends AbstractCodeMiningProvider {

	private volatile ITextViewer viewer;
	private Runnable stopListening;

	private final Consumer<ModelSnapshot> onChecked = snapshot -> {
		ITextViewer shown = viewer;
		if (shown != null && snapshot.document() == shown.getDocument()) {
			update(shown);
		}
	};

	@Override
	public CompletableFuture<List<? extends ICodeMining>> provideCodeMinings(ITextViewer textViewer,
			IProgressMonitor monitor) {
		listen(textViewer);
		IrqLabUiPlugin plugin = IrqLabUiPlugin.getDefault();
		IDocument document = textViewer.getDocument();
		OpenDocuments.Open open = plugin == null ? null : plugin.documents().of(document);
		if (open == null || !IrqLabPreferences.codeMinings()) {
			return CompletableFuture.completedFuture(List.of());
		}
		InlayHintParams params = new InlayHintParams();
		params.setTextDocument(new TextDocumentIdentifier(open.uri()));
		// no range: the whole document, as the server reads a missing range
		return plugin.model().ask(server -> server.inlayHint(params)).thenApply(hints -> minings(hints, document));
	}

	private List<ICodeMining> minings(List<InlayHint> hints, IDocument document) {
		List<ICodeMining> result = new ArrayList<>();
		if (hints == null) {
			return result;
		}
		for (InlayHint hint : hints) {
			String label = hint.getLabel().isLeft() ? hint.getLabel().getLeft()
					: String.join("", hint.getLabel().getRight().stream().map(part -> part.getValue()).toList());
			int line = hint.getPosition().getLine();
			try {
				// the text may have changed since the model answered; the next answer puts it right
				if (line < document.getNumberOfLines()) {
					result.add(new Figures(new Position(firstCharOf(document, line), 1), label, this));
				}
			} catch (BadLocationException e) {
				// a line the document no longer has
			}
		}
		return result;
	}

	/** The figures line up with the statement they are about: drawn from its first character. */
	private static int firstCharOf(IDocument document, int line) throws BadLocationException {
		int at = document.getLineOffset(line);
		int end = at + document.getLineLength(line);
		while (at < end - 1 && (document.getChar(at) == ' ' || document.getChar(at) == '\t')) {
			at++;
		}
		return at;
	}

	/** One line of figures, above the statement it is about. */
	private static final class Figures extends LineHeaderCodeMining {
		Figures(Position position, String label, ICodeMiningProvider provider) throws BadLocationException {
			super(position, provider, null);
			setLabel(label);
		}
	}

	private synchronized void listen(ITextViewer textViewer) {
		if (viewer == textViewer) {
			return;
		}
		viewer = textViewer;
		if (stopListening == null) {
			ModelSnapshots.addListener(onChecked);
			Runnable stopPreferences = IrqLabPreferences.onChange(key -> {
				if (IrqLabPreferences.CODE_MININGS.equals(key)) {
					update(viewer);
				}
			});
			stopListening = () -> {
				ModelSnapshots.removeListener(onChecked);
				stopPreferences.run();
			};
		}
	}

	private static void update(ITextViewer shown) {
		if (!(shown instanceof ISourceViewerExtension5 minings)) {
			return;
		}
		Control control = shown.getTextWidget();
		if (control == null || control.isDisposed()) {
			return;
		}
		control.getDisplay().asyncExec(() -> {
			if (!control.isDisposed()) {
				minings.updateCodeMinings();
			}
		});
	}

	@Override
	public synchronized void dispose() {
		if (stopListening != null) {
			stopListening.run();
			stopListening = null;
		}
		viewer = null;
		super.dispose();
	}
}
