package org.irqlab.dsl.ui.outline;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ITreeContentProvider;
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

/** The Outline view of an .irqlab editor: the same symbols the language server reports, refreshed as you type. */
public class IrqLabOutlinePage extends ContentOutlinePage {

	private final ITextEditor editor;
	private final Consumer<ModelSnapshot> listener = this::snapshotChanged;

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
			if (event.getSelection() instanceof IStructuredSelection selection
					&& selection.getFirstElement() instanceof ModelSymbols.Symbol symbol) {
				editor.selectAndReveal(symbol.nameOffset(), symbol.nameLength());
			}
		});
		viewer.setInput(List.of());
		ModelSnapshots.addListener(listener);
		ModelSnapshot snapshot = ModelSnapshots.latest(document());
		if (snapshot != null) {
			snapshotChanged(snapshot);
		}
	}

	@Override
	public void dispose() {
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
				}
			});
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
