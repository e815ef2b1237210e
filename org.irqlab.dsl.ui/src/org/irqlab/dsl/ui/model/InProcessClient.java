package org.irqlab.dsl.ui.model;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/**
 * The workbench as the in-process server's client: diagnostics go to the editors and the Problems view,
 * the server's errors and warnings to the Error Log. The server is told (in {@link WorkspaceModel}) that
 * this client supports nothing optional, so it asks nothing else of it.
 */
final class InProcessClient implements LanguageClient {

	private final Consumer<PublishDiagnosticsParams> diagnostics;

	InProcessClient(Consumer<PublishDiagnosticsParams> diagnostics) {
		this.diagnostics = diagnostics;
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams params) {
		diagnostics.accept(params);
	}

	@Override
	public void logMessage(MessageParams message) {
		log(message);
	}

	@Override
	public void showMessage(MessageParams message) {
		log(message);
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams request) {
		log(request);
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void telemetryEvent(Object object) {
	}

	private static void log(MessageParams message) {
		IrqLabUiPlugin plugin = IrqLabUiPlugin.getDefault();
		if (plugin == null || message.getType() == MessageType.Info || message.getType() == MessageType.Log) {
			return;
		}
		ILog log = plugin.getLog();
		log.log(message.getType() == MessageType.Error ? Status.error(message.getMessage())
				: Status.warning(message.getMessage()));
	}
}
