package org.irqlab.dsl.ui.model;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.Modules2;
import org.irqlab.dsl.ide.server.IrqLabServerModule;
import org.irqlab.dsl.ui.builder.LiveMarkers;

import com.google.inject.Guice;
import com.google.inject.Injector;

/**
 * The one model of the workspace's .irqlab files: Xtext's language server (its workspace manager, index
 * and incremental builder) running in the workbench, one server project per Eclipse project, open
 * documents' unsaved text as their content. The editors, the builder, the Vector Matrix view and the
 * Problems view all ask it, so a machine edited in one file re-validates the scenarios of another.
 * <p>
 * Notifications (edits, files, projects) and requests go to the server in the order they were made,
 * through one queue: the server's own request manager then keeps a read after the edits sent before it.
 */
public final class WorkspaceModel {

	private final ExecutorService queue = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "IrqLab workspace model");
		thread.setDaemon(true);
		return thread;
	});
	private final CompletableFuture<InProcessServer> server = new CompletableFuture<>();

	/** Starts the server in the background; anything asked of it meanwhile waits in the queue. */
	public void start(Supplier<Injector> languageInjector, List<WorkspaceFolder> folders, OpenDocuments documents,
			LiveMarkers markers) {
		queue.execute(() -> {
			try {
				Injector language = languageInjector.get();
				Injector injector = Guice.createInjector(
						Modules2.mixin(new ServerModule(), new IrqLabServerModule(), new EclipseServerModule(language)));
				InProcessServer started = (InProcessServer) injector.getInstance(org.eclipse.xtext.ide.server.LanguageServerImpl.class);
				started.setExit(code -> {
					// the server must never end the workbench's process
				});
				started.connect(new InProcessClient(new ModelProblems(documents, markers)));
				started.initialize(initializeParams(folders)).get(5, TimeUnit.MINUTES);
				started.initialized(new InitializedParams());
				server.complete(started);
			} catch (Exception | Error e) {
				server.completeExceptionally(e);
				throw new IllegalStateException("the IrqLab workspace model could not start", e);
			}
		});
	}

	private static InitializeParams initializeParams(List<WorkspaceFolder> folders) {
		InitializeParams params = new InitializeParams();
		params.setWorkspaceFolders(folders);
		WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
		workspace.setWorkspaceFolders(true);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setWorkspace(workspace);
		params.setCapabilities(capabilities);
		// no processId: the server would watch that process to exit with it, and this is the workbench's own
		return params;
	}

	/** Tells the server something, after everything told before. */
	public void tell(Consumer<InProcessServer> notification) {
		queue.execute(() -> notification.accept(server.join()));
	}

	/** Asks the server something, after everything told before. */
	public <T> CompletableFuture<T> ask(Function<InProcessServer, CompletableFuture<T>> request) {
		CompletableFuture<T> result = new CompletableFuture<>();
		queue.execute(() -> {
			try {
				request.apply(server.join()).whenComplete((value, failure) -> {
					if (failure != null) {
						result.completeExceptionally(failure);
					} else {
						result.complete(value);
					}
				});
			} catch (RuntimeException | Error e) {
				result.completeExceptionally(e);
			}
		});
		return result;
	}

	/** Reads a file's resource in the model, after every edit sent before. */
	public <T> CompletableFuture<T> read(String uri, BiFunction<XtextResource, CancelIndicator, T> work) {
		return ask(started -> started.read(uri, work));
	}

	public void stop() {
		queue.shutdownNow();
		InProcessServer started = server.getNow(null);
		if (started != null) {
			// shutdown, never exit: exit would end the workbench's process
			started.shutdown();
		}
	}
}
