package org.irqlab.dsl.ui.model;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;

import org.eclipse.jface.text.IDocument;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.simulation.ScenarioRunner;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/**
 * A read of an open document's resource in the model for a caller that waits (a hover, a quick fix, content
 * assist): bounded, so that a model still starting or busy costs the user an empty answer, not a frozen
 * workbench.
 */
public final class ModelReads {

	private ModelReads() {
	}

	/** @return the work's answer, or null when the document is not a model's or no answer came in time */
	public static <T> T read(IDocument document, long timeoutMs, BiFunction<XtextResource, CancelIndicator, T> work) {
		IrqLabUiPlugin plugin = IrqLabUiPlugin.getDefault();
		String uri = plugin.documents().uriOf(document);
		if (uri == null) {
			return null;
		}
		return await(plugin.model().read(uri, (resource, cancel) -> resource == null ? null : work.apply(resource, cancel)),
				timeoutMs);
	}

	/** A newer edit cancels a read in progress, which then ends in one of these: the reader simply gets no answer. */
	private static boolean isCancellation(Throwable failure) {
		return failure instanceof CancellationException || failure instanceof ScenarioRunner.Cancelled
				|| IrqLabUiPlugin.getDefault().getInjector().getInstance(OperationCanceledManager.class)
						.isOperationCanceledException(failure);
	}

	public static <T> T await(java.util.concurrent.Future<T> answer, long timeoutMs) {
		try {
			return answer.get(timeoutMs, TimeUnit.MILLISECONDS);
		} catch (TimeoutException | CancellationException e) {
			answer.cancel(true);
			return null;
		} catch (ExecutionException e) {
			if (!isCancellation(e.getCause())) {
				IrqLabUiPlugin.getDefault().getLog().error("IrqLab could not read the model", e.getCause());
			}
			return null;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
