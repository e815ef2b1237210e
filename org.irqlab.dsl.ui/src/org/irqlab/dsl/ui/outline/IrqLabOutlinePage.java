package org.irqlab.dsl.ui.outline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreePath;
import org.eclipse.jface.viewers.TreeSelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.irqlab.dsl.ide.outline.ModelSymbols;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.ModelSnapshot;
import org.irqlab.dsl.ui.editor.ModelSnapshots;

/**
 * The Outline view of an .irqlab editor: the same symbols the language server reports, refreshed as you
 * type, and linked with the editor both ways: selecting a symbol selects its name in the text, and moving
 * the caret selects the innermost symbol around it (an event inside its scenario, expanded to show it).
 */
public class IrqLabOutlinePage extends ContentOutlinePage {

	private final ITextEditor editor;
	private final Consumer<ModelSnapshot> listener = this::snapshotChanged;
	private final ISelectionChangedListener caretMoved = event -> {
		if (event.getSelection() instanceof ITextSelection text) {
			revealSymbolAt(text.getOffset());
		}
	};
	/** Set while the page selects what the caret is in, so that the editor's caret is not moved in return. */
	private boolean following;

	public IrqLabOutlinePage(ITextEditor editor) {
		this.editor = editor;
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer viewer = getTreeViewer();
		viewer.setContentProvider(new ContentProvider());
		viewer.setLabelProvider(new Labels());
		viewer.setAutoExpandLevel(2);
		addSelectionChangedListener(event -> {
			if (!following && event.getSelection() instanceof IStructuredSelection selection
					&& selection.getFirstElement() instanceof ModelSymbols.Symbol symbol) {
				editor.selectAndReveal(symbol.nameOffset(), symbol.nameLength());
			}
		});
		viewer.setInput(List.of());
		if (editor.getSelectionProvider() instanceof IPostSelectionProvider post) {
			post.addPostSelectionChangedListener(caretMoved);
		}
		ModelSnapshots.addListener(listener);
		ModelSnapshot snapshot = ModelSnapshots.latest(document());
		if (snapshot != null) {
			snapshotChanged(snapshot);
		}
	}

	@Override
	public void dispose() {
		if (editor.getSelectionProvider() instanceof IPostSelectionProvider post) {
			post.removePostSelectionChangedListener(caretMoved);
		}
		ModelSnapshots.removeListener(listener);
		super.dispose();
	}

	private IDocument document() {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	private void snapshotChanged(ModelSnapshot snapshot) {
		if (snapshot.document() != document()) {
			return;
		}
		ModelSymbols symbols = IrqLabUiPlugin.getDefault().getInjector().getInstance(ModelSymbols.class);
		IrqLabUiPlugin.getDefault().model().read(snapshot.uri(), (resource, cancel) -> resource == null ? null : symbols.of(resource))
				.thenAccept(this::show);
	}

	/** Called on the model's thread with the symbols it read. */
	private void show(List<ModelSymbols.Symbol> symbols) {
		TreeViewer viewer = getTreeViewer();
		if (symbols != null && viewer != null && !viewer.getControl().isDisposed()) {
			viewer.getControl().getDisplay().asyncExec(() -> {
				if (!viewer.getControl().isDisposed()) {
					viewer.setInput(symbols);
					if (editor.getSelectionProvider() != null
							&& editor.getSelectionProvider().getSelection() instanceof ITextSelection text) {
						revealSymbolAt(text.getOffset());
					}
				}
			});
		}
	}

	/** Selects the innermost symbol whose text holds the offset (none when the caret is between elements). */
	private void revealSymbolAt(int offset) {
		TreeViewer viewer = getTreeViewer();
		if (viewer == null || viewer.getControl().isDisposed() || !(viewer.getInput() instanceof List<?> symbols)) {
			return;
		}
		List<Object> path = new ArrayList<>();
		List<?> level = symbols;
		boolean deeper = true;
		while (deeper) {
			deeper = false;
			for (Object each : level) {
				ModelSymbols.Symbol symbol = (ModelSymbols.Symbol) each;
				if (symbol.offset() <= offset && offset <= symbol.offset() + symbol.length()) {
					path.add(symbol);
					level = symbol.children();
					deeper = true;
					break;
				}
			}
		}
		ISelection selection = path.isEmpty() ? StructuredSelection.EMPTY
				: new TreeSelection(new TreePath(path.toArray()));
		if (selection.equals(viewer.getSelection())) {
			return;
		}
		following = true;
		try {
			viewer.setSelection(selection, true);
		} finally {
			following = false;
		}
	}

	private static final class ContentProvider implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return ((List<?>) input).toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return ((ModelSymbols.Symbol) parent).children().toArray();
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return !((ModelSymbols.Symbol) element).children().isEmpty();
		}
	}

	private static final class Labels extends LabelProvider {
		@Override
		public String getText(Object element) {
			ModelSymbols.Symbol symbol = (ModelSymbols.Symbol) element;
			return symbol.detail().isEmpty() ? symbol.name() : symbol.name() + "  (" + symbol.detail() + ")";
		}

		@Override
		public Image getImage(Object element) {
			String image = switch (((ModelSymbols.Symbol) element).kind()) {
				case MACHINE -> ISharedImages.IMG_OBJ_PROJECT;
				case DEVICE_TYPE -> ISharedImages.IMG_OBJ_FILE;
				case SCENARIO -> ISharedImages.IMG_OBJ_FOLDER;
				case EVENT -> ISharedImages.IMG_OBJ_ELEMENT;
			};
			return PlatformUI.getWorkbench().getSharedImages().getImage(image);
		}
	}
}
