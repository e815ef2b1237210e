package org.irqlab.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextInputListener;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.ITextViewerExtension4;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.irqlab.dsl.ide.highlighting.IrqLabSemanticHighlighting;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.model.OpenDocuments;

/**
 * Colours names by what they name, from the semantic tokens the language server sends its clients
 * ({@link IrqLabSemanticHighlighting}, asked of the workspace model after each check): machines, device
 * types, scenarios, named devices and packages, where they are declared and where they are used, even when
 * the name is spelled like a keyword (`scenario offline on m`). Keywords, numbers and comments keep the
 * rule-based colours of {@link IrqLabPresentationReconciler}, which this paints over.
 * <p>
 * Between an edit and the check of the new text, the names already known move with the text around them
 * (a name the edit touched loses its colour until the check), so typing never shows colours out of place.
 */
public final class SemanticHighlighter implements ITextPresentationListener, IDocumentListener, ITextInputListener {

	/** A name's place in the document and its kind. */
	private record Name(int offset, int length, String kind) {
		int end() {
			return offset + length;
		}
	}

	private final ITextViewer viewer;
	private List<Name> names = List.of();
	private final Consumer<ModelSnapshot> onChecked = this::checked;

	private SemanticHighlighter(ITextViewer viewer) {
		this.viewer = viewer;
	}

	/** Paints the names of the viewer's document over its rule-based colours, until the viewer goes. */
	public static void install(ITextViewer viewer) {
		if (!(viewer instanceof ITextViewerExtension4 presentations)) {
			return;
		}
		SemanticHighlighter highlighter = new SemanticHighlighter(viewer);
		presentations.addTextPresentationListener(highlighter);
		viewer.addTextInputListener(highlighter);
		if (viewer.getDocument() != null) {
			viewer.getDocument().addDocumentListener(highlighter);
		}
		ModelSnapshots.addListener(highlighter.onChecked);
		StyledText widget = viewer.getTextWidget();
		if (widget != null) {
			// another theme, or a colour changed in the preferences: keywords and names painted again
			Runnable stopThemes = EditorColours.onChange(() -> widget.getDisplay().asyncExec(() -> {
				if (!widget.isDisposed()) {
					viewer.invalidateTextPresentation();
				}
			}));
			widget.addDisposeListener(event -> {
				stopThemes.run();
				ModelSnapshots.removeListener(highlighter.onChecked);
				presentations.removeTextPresentationListener(highlighter);
				viewer.removeTextInputListener(highlighter);
				if (viewer.getDocument() != null) {
					viewer.getDocument().removeDocumentListener(highlighter);
				}
			});
		}
		// a document checked before its editor opened: ask for its names now
		IDocument document = viewer.getDocument();
		ModelSnapshot latest = document == null ? null : ModelSnapshots.latest(document);
		if (latest != null) {
			highlighter.checked(latest);
		}
	}

	/** On the model's thread: a check of a document's text ended; its names are read in the model. */
	private void checked(ModelSnapshot snapshot) {
		IrqLabUiPlugin plugin = IrqLabUiPlugin.getDefault();
		StyledText widget = viewer.getTextWidget();
		if (plugin == null || widget == null || widget.isDisposed() || snapshot.document() != viewer.getDocument()) {
			return;
		}
		OpenDocuments.Open open = plugin.documents().of(snapshot.document());
		if (open == null) {
			return;
		}
		// the resource read below holds this version's text or a newer one; only this version's is applied
		int version = open.version().get();
		ISemanticHighlightingCalculator calculator = plugin.getInjector().getInstance(ISemanticHighlightingCalculator.class);
		plugin.model().read(open.uri(), (resource, cancel) -> {
			List<Name> found = new ArrayList<>();
			if (resource != null) {
				calculator.provideHighlightingFor(resource, (offset, length, ids) -> {
					String kind = ids.length == 0 ? null : ids[0];
					if (EditorColours.ofKind(kind) != null) {
						found.add(new Name(offset, length, kind));
					}
				}, cancel);
			}
			return found;
		}).thenAccept(found -> {
			if (!widget.isDisposed()) {
				widget.getDisplay().asyncExec(() -> apply(open, version, found));
			}
		});
	}

	private void apply(OpenDocuments.Open open, int version, List<Name> found) {
		StyledText widget = viewer.getTextWidget();
		if (widget == null || widget.isDisposed() || open.document() != viewer.getDocument()
				|| open.version().get() != version || found.equals(names)) {
			return;
		}
		names = List.copyOf(found);
		viewer.invalidateTextPresentation();
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		IRegion extent = presentation.getExtent();
		int from = extent.getOffset();
		int to = from + extent.getLength();
		for (Name name : names) {
			if (name.end() > from && name.offset() < to) {
				int start = Math.max(name.offset(), from);
				int end = Math.min(name.end(), to);
				// replaced, not merged: a name spelled like a keyword loses the keyword's bold
				presentation.replaceStyleRange(new StyleRange(start, end - start, colour(name.kind()), null, SWT.NORMAL));
			}
		}
	}

	private static org.eclipse.swt.graphics.Color colour(String kind) {
		return EditorColours.get(EditorColours.ofKind(kind));
	}

	@Override
	public void documentChanged(DocumentEvent event) {
	}

	/**
	 * Names after the edit move with the text; a name the edit touched is dropped until the next check. Done
	 * before the change, since the viewer repaints the changed text while the document tells its listeners.
	 */
	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
		int start = event.getOffset();
		int end = start + event.getLength();
		int delta = (event.getText() == null ? 0 : event.getText().length()) - event.getLength();
		List<Name> moved = new ArrayList<>(names.size());
		for (Iterator<Name> it = names.iterator(); it.hasNext();) {
			Name name = it.next();
			if (name.end() < start) {
				moved.add(name);
			} else if (name.offset() > end) {
				moved.add(new Name(name.offset() + delta, name.length(), name.kind()));
			}
		}
		names = moved;
	}

	@Override
	public void inputDocumentAboutToBeChanged(IDocument oldInput, IDocument newInput) {
		if (oldInput != null) {
			oldInput.removeDocumentListener(this);
		}
		names = List.of();
	}

	@Override
	public void inputDocumentChanged(IDocument oldInput, IDocument newInput) {
		if (newInput != null) {
			newInput.addDocumentListener(this);
			ModelSnapshot latest = ModelSnapshots.latest(newInput);
			if (latest != null) {
				checked(latest);
			}
		}
	}
}
