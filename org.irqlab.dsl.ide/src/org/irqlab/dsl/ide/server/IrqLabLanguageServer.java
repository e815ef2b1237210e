package org.irqlab.dsl.ide.server;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.BuildManager.Buildable;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.folding.FoldingRangeService;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Singleton;

/**
 * Xtext's language server, made to end with its editor as LSP asks: it exits when the process named by
 * {@code processId} in {@code initialize} ends (and {@link IrqLabServerLauncher} exits when stdin ends),
 * and answers a method it does not know with MethodNotFound rather than an internal error. It advertises
 * only what it answers (folding whatever the client says, no signature help, which IrqLab has none of),
 * adds inlay hints ({@link IrqLabInlayHints}, off with {@code {"inlayHints": false}} in
 * initializationOptions), marks its diagnostics as IrqLab's with the document version they are for, and
 * asks the client to watch `.irqlab` files.
 */
@Singleton
public class IrqLabLanguageServer extends LanguageServerImpl {

	private static final Logger LOG = Logger.getLogger(IrqLabLanguageServer.class);

	private volatile boolean shutdownRequested;
	private volatile IntConsumer exit = System::exit;
	private volatile ServerOptions options = ServerOptions.DEFAULTS;
	private volatile InitializeParams initializeParams;
	/** Set once the client has said `initialized`: requests to it (the inlay-hint refresh) wait until then. */
	private volatile boolean clientInitialized;
	/** Open documents' versions, updated on the write thread in the order of the edits that the builds see. */
	private final Map<URI, Integer> versions = new ConcurrentHashMap<>();

	/** What ends the process, with LSP's exit code; tests replace {@code System.exit}. */
	public void setExit(IntConsumer exit) {
		this.exit = exit;
	}

	/** Ends the server: 0 after a `shutdown` request, 1 otherwise (LSP's `exit` codes). */
	public void exitNow(String why) {
		LOG.info(why + ": the IrqLab language server exits");
		exit.accept(shutdownRequested ? 0 : 1);
	}

	public boolean isShutdownRequested() {
		return shutdownRequested;
	}

	@Override
	public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
		options = ServerOptions.of(params == null ? null : params.getInitializationOptions());
		initializeParams = params;
		CompletableFuture<InitializeResult> result = super.initialize(params);
		getLanguageServerAccess().addBuildListener(this::refreshInlayHints);
		if (params != null && params.getProcessId() != null) {
			watchParent(params.getProcessId());
		}
		return result;
	}

	/** LSP: "If the parent process is not alive then the server should exit". */
	void watchParent(long pid) {
		Optional<ProcessHandle> parent = ProcessHandle.of(pid);
		if (parent.isEmpty() || !parent.get().isAlive()) {
			exitNow("the editor's process " + pid + " is not running");
			return;
		}
		parent.get().onExit().thenRun(() -> exitNow("the editor's process " + pid + " has ended"));
	}

	@Override
	public CompletableFuture<Object> shutdown() {
		shutdownRequested = true;
		return super.shutdown();
	}

	@Override
	public CompletableFuture<?> request(String method, Object parameter) {
		try {
			return super.request(method, parameter);
		} catch (UnsupportedOperationException e) {
			// Xtext's way of saying that no language contributes the method
			return CompletableFuture.failedFuture(new ResponseErrorException(
					new ResponseError(ResponseErrorCode.MethodNotFound, "Unknown method: " + method, null)));
		}
	}

	@Override
	protected ServerCapabilities createServerCapabilities(InitializeParams params) {
		ServerCapabilities capabilities = super.createServerCapabilities(params);
		// Xtext advertises signature help for every language; IrqLab's statements have no parameters to show
		capabilities.setSignatureHelpProvider(null);
		// Xtext advertises folding only to clients that describe their folding support; the ranges are answered anyway
		capabilities.setFoldingRangeProvider(getService(URI.createURI("synth:///file.irqlab"), FoldingRangeService.class) != null);
		ExecuteCommandOptions commands = capabilities.getExecuteCommandProvider();
		if (commands != null && (commands.getCommands() == null || commands.getCommands().isEmpty())) {
			capabilities.setExecuteCommandProvider(null);
		}
		if (options.inlayHints()) {
			capabilities.setInlayHintProvider(true);
		}
		return capabilities;
	}

	@Override
	public void initialized(InitializedParams params) {
		super.initialized(params);
		clientInitialized = true;
		RegistrationParams registration = WatchedFiles
				.registration(initializeParams == null ? null : initializeParams.getCapabilities());
		LanguageClient client = getLanguageClient();
		if (registration != null && client != null) {
			client.registerCapability(registration).exceptionally(failure -> {
				LOG.warn("the editor refused to watch " + WatchedFiles.PATTERN + " files for IrqLab: " + failure);
				return null;
			});
		}
	}

	@Override
	public void connect(LanguageClient client) {
		super.connect(VersionedDiagnostics.wrap(client,
				uri -> versions.get(getURI(new TextDocumentIdentifier(uri)))));
	}

	@Override
	protected Buildable toBuildable(DidOpenTextDocumentParams params) {
		Buildable buildable = super.toBuildable(params);
		version(getURI(params.getTextDocument()), params.getTextDocument().getVersion());
		return buildable;
	}

	@Override
	protected Buildable toBuildable(DidChangeTextDocumentParams params) {
		Buildable buildable = super.toBuildable(params);
		version(getURI(params.getTextDocument()), params.getTextDocument().getVersion());
		return buildable;
	}

	@Override
	protected Buildable toBuildable(DidCloseTextDocumentParams params) {
		versions.remove(getURI(params.getTextDocument()));
		return super.toBuildable(params);
	}

	private void version(URI uri, Integer version) {
		if (version == null) {
			versions.remove(uri);
		} else {
			versions.put(uri, version);
		}
	}

	/** LSP's `source`: which tool a diagnostic comes from, in an editor that shows several servers' problems. */
	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		diagnostic.setSource("irqlab");
		return diagnostic;
	}

	/**
	 * A build may change the figures of documents the user did not touch (a scenario whose machine is in
	 * the edited file), and an editor asks for inlay hints only for the document it edits: after every
	 * build that changed something, clients that support it are asked to ask again.
	 */
	private void refreshInlayHints(List<IResourceDescription.Delta> deltas) {
		LanguageClient client = getLanguageClient();
		if (!clientInitialized || !options.inlayHints() || deltas.isEmpty() || client == null
				|| !supportsInlayHintRefresh()) {
			return;
		}
		client.refreshInlayHints().exceptionally(failure -> {
			LOG.debug("the editor did not refresh its inlay hints: " + failure);
			return null;
		});
	}

	private boolean supportsInlayHintRefresh() {
		InitializeParams params = initializeParams;
		return params != null && params.getCapabilities() != null && params.getCapabilities().getWorkspace() != null
				&& params.getCapabilities().getWorkspace().getInlayHint() != null
				&& Boolean.TRUE.equals(params.getCapabilities().getWorkspace().getInlayHint().getRefreshSupport());
	}

	@Override
	public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
		if (!options.inlayHints()) {
			return CompletableFuture.completedFuture(List.of());
		}
		return getRequestManager().runRead(cancel -> inlayHint(params, cancel));
	}

	private List<InlayHint> inlayHint(InlayHintParams params, CancelIndicator cancel) {
		URI uri = getURI(params.getTextDocument());
		IrqLabInlayHints hints = getService(uri, IrqLabInlayHints.class);
		if (hints == null) {
			return List.of();
		}
		return getWorkspaceManager().doRead(uri,
				(document, resource) -> document == null || resource == null ? List.<InlayHint>of()
						: hints.hints(document, resource, params.getRange(), cancel));
	}
}
