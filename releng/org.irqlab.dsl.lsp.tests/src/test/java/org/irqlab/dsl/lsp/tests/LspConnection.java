package org.irqlab.dsl.lsp.tests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The client half of LSP's base protocol written out by hand (Content-Length framed JSON-RPC), so the
 * test checks the bytes an editor would see rather than a library's view of them.
 */
final class LspConnection implements AutoCloseable {

	private final Process server;
	private final OutputStream toServer;
	private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
	private final Thread reader;
	private int nextId = 1;

	LspConnection(Process server) {
		this.server = server;
		this.toServer = server.getOutputStream();
		this.reader = new Thread(this::readMessages, "LSP reader");
		reader.setDaemon(true);
		reader.start();
	}

	/** Sends a request and waits for its response, collecting notifications that come in between. */
	JsonObject request(String method, JsonElement params, long timeoutSeconds) throws IOException, InterruptedException {
		JsonObject response = answer(method, params, timeoutSeconds);
		if (response.has("error")) {
			throw new AssertionError(method + " failed: " + response.get("error"));
		}
		return response;
	}

	/** Sends a request and waits for its response, a result or an error. */
	JsonObject answer(String method, JsonElement params, long timeoutSeconds) throws IOException, InterruptedException {
		JsonObject message = message(method, params);
		message.addProperty("id", nextId++);
		return answer(message, timeoutSeconds);
	}

	/** Sends a message as it is, with an integer id, and waits for the response that carries the id. */
	JsonObject answer(JsonObject message, long timeoutSeconds) throws IOException, InterruptedException {
		int id = message.get("id").getAsInt();
		send(message);
		return waitFor(m -> m.has("id") && m.get("id").isJsonPrimitive() && m.get("id").getAsInt() == id
				&& !m.has("method"), timeoutSeconds);
	}

	/** Starts `java -jar irqlab.jar lsp` as an editor would, its stderr on the test's. */
	static LspConnection start() throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File jar = new File(System.getProperty("irqlab.jar"));
		if (!jar.isFile()) {
			throw new AssertionError("the language server jar is built first: " + jar);
		}
		return new LspConnection(new ProcessBuilder(java, "-jar", jar.getPath(), "lsp")
				.redirectError(ProcessBuilder.Redirect.INHERIT).start());
	}

	/** Answers a request the server sent (client/registerCapability and the like). */
	void respond(JsonObject request, JsonElement result) throws IOException {
		JsonObject response = new JsonObject();
		response.addProperty("jsonrpc", "2.0");
		response.add("id", request.get("id"));
		response.add("result", result == null ? JsonNull.INSTANCE : result);
		send(response);
	}

	/** The text document notifications an editor sends: didOpen. */
	void open(String uri, int version, String text) throws IOException {
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		document.addProperty("languageId", "irqlab");
		document.addProperty("version", version);
		document.addProperty("text", text);
		JsonObject params = new JsonObject();
		params.add("textDocument", document);
		notify("textDocument/didOpen", params);
	}

	/** didChange with the document's whole new text. */
	void change(String uri, int version, String text) throws IOException {
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		document.addProperty("version", version);
		JsonObject whole = new JsonObject();
		whole.addProperty("text", text);
		JsonArray changes = new JsonArray();
		changes.add(whole);
		JsonObject params = new JsonObject();
		params.add("textDocument", document);
		params.add("contentChanges", changes);
		notify("textDocument/didChange", params);
	}

	/** The next publishDiagnostics for the document that matches, as its params. */
	JsonObject diagnostics(String uri, Predicate<JsonObject> wanted, long timeoutSeconds) throws InterruptedException {
		return waitFor(m -> "textDocument/publishDiagnostics".equals(stringAt(m, "method"))
				&& uri.equals(stringAt(m.getAsJsonObject("params"), "uri")) && wanted.test(m.getAsJsonObject("params")),
				timeoutSeconds).getAsJsonObject("params");
	}

	static String stringAt(JsonObject object, String member) {
		return object != null && object.has(member) && object.get(member).isJsonPrimitive()
				? object.get(member).getAsString()
				: null;
	}

	/** Closes the server's stdin, as an editor that goes away does. */
	void closeInput() throws IOException {
		toServer.close();
	}

	void notify(String method, JsonElement params) throws IOException {
		send(message(method, params));
	}

	/** Removes and returns the messages received so far that match, without waiting. */
	List<JsonObject> takeAll(Predicate<JsonObject> wanted) {
		List<JsonObject> all = new ArrayList<>();
		received.drainTo(all);
		List<JsonObject> taken = all.stream().filter(wanted).toList();
		all.stream().filter(wanted.negate()).forEach(received::add);
		return taken;
	}

	/** The first message, received so far or later, that matches; the ones before it stay queued for later waits. */
	JsonObject waitFor(Predicate<JsonObject> wanted, long timeoutSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		BlockingQueue<JsonObject> skipped = new LinkedBlockingQueue<>();
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				JsonObject next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
				if (next == null) {
					throw new AssertionError("no matching message from the language server within " + timeoutSeconds
							+ " s; received meanwhile: " + skipped + (server.isAlive() ? "" : " (the server has exited)"));
				}
				if (wanted.test(next)) {
					return next;
				}
				skipped.add(next);
			}
		} finally {
			skipped.addAll(received);
			received.clear();
			received.addAll(skipped);
		}
	}

	private static JsonObject message(String method, JsonElement params) {
		JsonObject message = new JsonObject();
		message.addProperty("jsonrpc", "2.0");
		message.addProperty("method", method);
		if (params != null) {
			message.add("params", params);
		}
		return message;
	}

	private synchronized void send(JsonObject message) throws IOException {
		byte[] body = message.toString().getBytes(StandardCharsets.UTF_8);
		toServer.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		toServer.write(body);
		toServer.flush();
	}

	private void readMessages() {
		try (InputStream in = server.getInputStream()) {
			while (true) {
				int length = -1;
				String header;
				while (!(header = readLine(in)).isEmpty()) {
					if (header.toLowerCase().startsWith("content-length:")) {
						length = Integer.parseInt(header.substring("content-length:".length()).trim());
					}
				}
				if (length < 0) {
					throw new IOException("a message without Content-Length");
				}
				byte[] body = in.readNBytes(length);
				if (body.length < length) {
					return;
				}
				received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
			}
		} catch (IOException | RuntimeException e) {
			// the server went away; waits report it through their timeout message
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) != -1) {
			if (c == '\n') {
				break;
			}
			if (c != '\r') {
				line.write(c);
			}
		}
		if (c == -1 && line.size() == 0) {
			throw new IOException("end of stream");
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	@Override
	public void close() throws InterruptedException {
		if (!server.waitFor(15, TimeUnit.SECONDS)) {
			server.destroyForcibly();
		}
	}
}
