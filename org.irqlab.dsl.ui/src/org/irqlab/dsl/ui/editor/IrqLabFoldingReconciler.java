package org.irqlab.dsl.ui.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.core.runtime.IProgressMonitor;

/** Folding of blocks and block comments; regions that did not change keep their collapsed state. */
public class IrqLabFoldingReconciler extends Reconciler {

	private final Strategy strategy = new Strategy();

	public IrqLabFoldingReconciler() {
		setReconcilingStrategy(strategy, IDocument.DEFAULT_CONTENT_TYPE);
		setDelay(300);
		setIsIncrementalReconciler(false);
	}

	@Override
	public void install(ITextViewer textViewer) {
		super.install(textViewer);
		if (textViewer instanceof ProjectionViewer projection) {
			strategy.viewer = projection;
		}
	}

	private static final class Strategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
		private ProjectionViewer viewer;
		private IDocument document;

		@Override
		public void setDocument(IDocument document) {
			this.document = document;
		}

		@Override
		public void setProgressMonitor(IProgressMonitor monitor) {
		}

		@Override
		public void initialReconcile() {
			update();
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			update();
		}

		@Override
		public void reconcile(IRegion partition) {
			update();
		}

		private void update() {
			ProjectionViewer current = viewer;
			IDocument currentDocument = document;
			if (current == null || currentDocument == null) {
				return;
			}
			ProjectionAnnotationModel model = current.getProjectionAnnotationModel();
			if (model == null) {
				return;
			}
			List<FoldingRegions.Fold> folds = FoldingRegions.of(currentDocument.get());
			Map<String, ProjectionAnnotation> existing = new HashMap<>();
			List<Annotation> deleted = new ArrayList<>();
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				if (it.next() instanceof ProjectionAnnotation annotation) {
					Position position = model.getPosition(annotation);
					if (position == null) {
						deleted.add(annotation);
					} else {
						existing.put(position.getOffset() + ":" + position.getLength(), annotation);
					}
				}
			}
			Map<Annotation, Position> added = new HashMap<>();
			for (FoldingRegions.Fold fold : folds) {
				if (existing.remove(fold.offset() + ":" + (fold.end() - fold.offset())) == null) {
					added.put(new ProjectionAnnotation(), new Position(fold.offset(), fold.end() - fold.offset()));
				}
			}
			deleted.addAll(existing.values());
			model.modifyAnnotations(deleted.toArray(new Annotation[0]), added, null);
		}
	}
}
