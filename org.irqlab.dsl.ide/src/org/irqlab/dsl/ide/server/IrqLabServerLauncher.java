package org.irqlab.dsl.ide.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.log4j.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.inject.Guice;
import com.google.inject.util.Modules;

/**
 * Runs the language server on stdin and stdout until the editor goes away: when stdin ends (or the
 * process named in {@code initialize} ends, see {@link IrqLabLanguageServer}) the process exits, 0 after a
 * `shutdown` request and 1 otherwise. Xtext's own ServerLauncher instead returns from main and leaves
 * its non-daemon threads running. Every failure goes to the client's log ({@link ServerLog}).
 */
public final class IrqLabServerLauncher {

	private static final Logger LOG = Logger.getLogger(IrqLabServerLauncher.class);

	private IrqLabServerLauncher() {
	}

	/** `irqlab lsp`: serves on the process's stdin and stdout, then exits. */
	public static void main(String[] args) {
		InputStream in = System.in;
		PrintStream out = System.out;
		// whatever else prints must not corrupt the JSON-RPC stream: stdout is the client's alone
		System.setOut(System.err);
		System.setIn(InputStream.nullInputStream());
		ServerLog.install();
		IrqLabLanguageServer server = (IrqLabLanguageServer) Guice
				.createInjector(Modules.override(new ServerModule()).with(new IrqLabServerModule()))
				.getInstance(LanguageServerImpl.class);
		serve(server, in, out);
		server.exitNow("stdin has ended");
	}

	/** Serves until {@code in} ends. */
	public static void serve(IrqLabLanguageServer server, InputStream in, OutputStream out) {
		ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "IrqLab LSP");
			thread.setDaemon(true);
			return thread;
		});
		Launcher<LanguageClient> launcher = new Builder()
				.setLocalService(server)
				.setRemoteInterface(LanguageClient.class)
				.setInput(in)
				.setOutput(out)
				.setExecutorService(threads)
				.validateMessages(true)
				.setExceptionHandler(ServerLog::answer)
				.wrapMessages(ServerLog.keepServing())
				.create();
		LanguageClient client = launcher.getRemoteProxy();
		server.connect(client);
		ServerLog.connect(client);
		Future<Void> listening = launcher.startListening();
		try {
			listening.get();
		} catch (ExecutionException e) {
			LOG.error("reading from the editor failed", e.getCause());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** lsp4j's launcher, with messages that have an id but no method answered as Invalid Request. */
	private static final class Builder extends Launcher.Builder<LanguageClient> {
		@Override
		protected MessageJsonHandler createJsonHandler() {
			return new RequestCheckingJsonHandler(getSupportedMethods());
		}
	}

	/**
	 * lsp4j takes {"id": 1} for a response to a request the server never sent, logs it and answers
	 * nothing. JSON-RPC: it is neither a request (no method) nor a response (no result, no error), so the
	 * answer is -32600 Invalid Request.
	 */
	static final class RequestCheckingJsonHandler extends MessageJsonHandler {

		RequestCheckingJsonHandler(Map<String, JsonRpcMethod> supportedMethods) {
			super(supportedMethods);
		}

		@Override
		public Message parseMessage(Reader input) throws JsonParseException {
			String text;
			try {
				StringBuilder read = new StringBuilder();
				char[] buffer = new char[8192];
				for (int n; (n = input.read(buffer)) > 0;) {
					read.append(buffer, 0, n);
				}
				text = read.toString();
			} catch (IOException e) {
				throw new JsonParseException(e);
			}
			rejectIdWithoutMethod(text);
			return super.parseMessage(new StringReader(text));
		}

		private static void rejectIdWithoutMethod(String text) {
			JsonObject message;
			try {
				JsonElement parsed = JsonParser.parseString(text);
				if (!parsed.isJsonObject()) {
					return;
				}
				message = parsed.getAsJsonObject();
			} catch (JsonParseException e) {
				return; // lsp4j reports what it cannot parse
			}
			JsonElement id = message.get("id");
			if (id == null || !id.isJsonPrimitive() || message.has("method") || message.has("result")
					|| message.has("error")) {
				return;
			}
			RequestMessage request = new RequestMessage();
			request.setJsonrpc("2.0");
			request.setRawId(id.getAsJsonPrimitive().isNumber() ? Either.forRight((Number) id.getAsInt())
					: Either.forLeft(id.getAsString()));
			throw new MessageIssueException(request, new MessageIssue(
					"Invalid Request: a message with an id needs a method (a request) or a result or error (a response)",
					ResponseErrorCode.InvalidRequest.getValue()));
		}
	}
}
