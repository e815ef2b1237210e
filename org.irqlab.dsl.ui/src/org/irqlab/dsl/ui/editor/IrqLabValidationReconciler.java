package org.irqlab.dsl.ui.editor;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.reconciler.Reconciler;
import org.eclipse.jface.text.source.ISourceViewer;

/**
 * Validates the model off the UI thread shortly after each edit; a newer edit cancels the run in
 * progress through the progress monitor that the reconciler hands to its strategy.
 */
public class IrqLabValidationReconciler extends Reconciler {

	private static final int DELAY_AFTER_KEYSTROKE_MS = 100;

	private final ValidationStrategy strategy = new ValidationStrategy();

	public IrqLabValidationReconciler() {
		setReconcilingStrategy(strategy, org.eclipse.jface.text.IDocument.DEFAULT_CONTENT_TYPE);
		setDelay(DELAY_AFTER_KEYSTROKE_MS);
		setIsIncrementalReconciler(false);
		setIsAllowedToModifyDocument(false);
	}

	@Override
	public void install(ITextViewer textViewer) {
		if (textViewer instanceof ISourceViewer sourceViewer) {
			strategy.setViewer(sourceViewer);
		}
		strategy.setProgressMonitor(getProgressMonitor());
		super.install(textViewer);
	}
}
