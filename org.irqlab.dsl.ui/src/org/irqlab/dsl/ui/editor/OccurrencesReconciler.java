package org.irqlab.dsl.ui.editor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.swt.custom.StyledText;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.model.OpenDocuments;

/**
 * Mark occurrences by reference: with the caret on a name, its declaration and its uses in this document
 * are marked (a machine declared in another file: its uses here), as the language server's
 * {@code textDocument/documentHighlight} finds them in the workspace model. A keyword, a number or a word
 * in a comment marks nothing, so `on` in a comment is never taken for the `on` of a scenario.
 * <p>
 * It replaces the Generic Editor's textual marking for .irqlab files (that editor adds its own only when a
 * content type has none), keeps its annotation type (so *Text Occurrence* colours apply) and its toggle
 * (the toolbar's *Toggle Mark Occurrences*).
 */
public class OccurrencesReconciler implements IReconciler {

	/** The Generic Editor's occurrence annotation, with its preferences in *Annotations*. */
	public static final String ANNOTATION_TYPE = "org.eclipse.ui.genericeditor.text";
	private static final String TOGGLE_NODE = "org.eclipse.ui.genericeditor";
	private static final String TOGGLE_KEY = "org.eclipse.ui.genericeditor.togglehighlight";

	private ITextViewer viewer;
	private Annotation[] shown = new Annotation[0];
	private CompletableFuture<?> pending;
	private final ISelectionChangedListener onSelection = this::selectionChanged;

	@Override
	public void install(ITextViewer textViewer) {
		viewer = textViewer;
		textViewer.getSelectionProvider().addSelectionChangedListener(onSelection);
	}

	@Override
	public void uninstall() {
		if (viewer != null) {
			viewer.getSelectionProvider().removeSelectionChangedListener(onSelection);
			viewer = null;
		}
	}

	@Override
	public IReconcilingStrategy getReconcilingStrategy(String contentType) {
		return null;
	}

	private static boolean enabled() {
		return InstanceScope.INSTANCE.getNode(TOGGLE_NODE).getBoolean(TOGGLE_KEY, true);
	}

	private void selectionChanged(SelectionChangedEvent event) {
		ITextViewer textViewer = viewer;
		IrqLabUiPlugin plugin = IrqLabUiPlugin.getDefault();
		if (textViewer == null || plugin == null || !(event.getSelection() instanceof ITextSelection selection)) {
			return;
		}
		IDocument document = textViewer.getDocument();
		OpenDocuments.Open open = plugin.documents().of(document);
		if (pending != null) {
			pending.cancel(true);
			pending = null;
		}
		if (open == null || !enabled()) {
			show(List.of());
			return;
		}
		int version = open.version().get();
		int offset = selection.getOffset();
		DocumentHighlightParams params;
		try {
			int line = document.getLineOfOffset(offset);
			params = new DocumentHighlightParams(new TextDocumentIdentifier(open.uri()),
					new org.eclipse.lsp4j.Position(line, offset - document.getLineOffset(line)));
		} catch (BadLocationException e) {
			return;
		}
		StyledText widget = textViewer.getTextWidget();
		CompletableFuture<List<? extends DocumentHighlight>> answer = plugin.model()
				.ask(server -> server.documentHighlight(params));
		pending = answer;
		answer.thenAccept(highlights -> {
			if (!widget.isDisposed()) {
				widget.getDisplay().asyncExec(() -> {
					// the marks are for the text and caret they were asked for
					if (pending == answer && viewer == textViewer && open.version().get() == version) {
						show(positions(document, highlights));
					}
				});
			}
		});
	}

	private static List<Position> positions(IDocument document, List<? extends DocumentHighlight> highlights) {
		if (highlights == null) {
			return List.of();
		}
		return highlights.stream().map(highlight -> {
			try {
				var range = highlight.getRange();
				int start = document.getLineOffset(range.getStart().getLine()) + range.getStart().getCharacter();
				int end = document.getLineOffset(range.getEnd().getLine()) + range.getEnd().getCharacter();
				return new Position(start, end - start);
			} catch (BadLocationException e) {
				return null;
			}
		}).filter(position -> position != null && position.getLength() > 0).toList();
	}

	private void show(List<Position> positions) {
		if (!(viewer instanceof ISourceViewer source) || !(source.getAnnotationModel() instanceof IAnnotationModelExtension model)) {
			return;
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (Position position : positions) {
			added.put(new Annotation(ANNOTATION_TYPE, false, "Occurrence"), position);
		}
		synchronized (lockOf(source.getAnnotationModel())) {
			model.replaceAnnotations(shown, added);
		}
		shown = added.keySet().toArray(new Annotation[0]);
	}

	private static Object lockOf(IAnnotationModel model) {
		if (model instanceof org.eclipse.jface.text.ISynchronizable synchronizable) {
			Object lock = synchronizable.getLockObject();
			if (lock != null) {
				return lock;
			}
		}
		return model;
	}
}
