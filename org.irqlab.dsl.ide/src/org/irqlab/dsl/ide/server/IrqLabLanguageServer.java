package org.irqlab.dsl.ide.server;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

import org.apache.log4j.Logger;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.ide.server.LanguageServerImpl;

import com.google.inject.Singleton;

/**
 * Xtext's language server, made to end with its editor as LSP asks: it exits when the process named by
 * {@code processId} in {@code initialize} ends (and {@link IrqLabServerLauncher} exits when stdin ends),
 * and answers a method it does not know with MethodNotFound rather than an internal error.
 */
@Singleton
public class IrqLabLanguageServer extends LanguageServerImpl {

	private static final Logger LOG = Logger.getLogger(IrqLabLanguageServer.class);

	private volatile boolean shutdownRequested;
	private volatile IntConsumer exit = System::exit;

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
		CompletableFuture<InitializeResult> result = super.initialize(params);
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
}
