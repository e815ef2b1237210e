package org.irqlab.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The language server keeps serving whatever one document holds and whatever a client sends, and does
 * not outlive its editor: it exits when its stdin ends and when the process named in `initialize` ends.
 */
class ServerLifecycleTest {

	private static final String DEEP_PREFIX = "machine m { cpus 4 }\ndevice d : virtio_blk { queues 2 }\nscenario s on m { ";

	@TempDir
	Path workspace;

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopWhatIsLeft() {
		for (Process each : started) {
			each.descendants().forEach(ProcessHandle::destroyForcibly);
			each.destroyForcibly();
		}
	}

	/** 3,000 nested repeats overflowed the parser's stack and stopped diagnostics for every document. */
	@Test
	void aDocumentNestedThreeThousandDeepGetsItsErrorAndTheOthersStillGetTheirs() throws Exception {
		LspConnection server = startAndInitialize(null);
		String deepUri = open(server, "deep.irqlab",
				DEEP_PREFIX + "repeat 2 { ".repeat(3000) + "add d " + "} ".repeat(3000) + "}");

		JsonArray deep = diagnosticsOf(server, deepUri, 120);
		JsonObject tooDeep = withCode(deep, "org.irqlab.dsl.repeatNestedTooDeep");
		assertEquals("repeat blocks nest at most 100 deep", tooDeep.get("message").getAsString());
		JsonObject start = tooDeep.getAsJsonObject("range").getAsJsonObject("start");
		assertEquals(2, start.get("line").getAsInt());
		assertEquals("scenario s on m { ".length() + 100 * "repeat 2 { ".length(), start.get("character").getAsInt());

		String otherUri = open(server, "other.irqlab", "scenario t on nowhere { }\n");
		JsonArray other = diagnosticsOf(server, otherUri, 10);
		assertTrue(other.toString().contains("nowhere"), other.toString());

		// and requests on the deep document are answered
		JsonObject params = new JsonObject();
		JsonObject document = new JsonObject();
		document.addProperty("uri", deepUri);
		params.add("textDocument", document);
		server.request("textDocument/documentSymbol", params, 30);
		JsonObject completion = params.deepCopy();
		JsonObject inTheHiddenBody = new JsonObject();
		inTheHiddenBody.addProperty("line", 2);
		inTheHiddenBody.addProperty("character", "scenario s on m { ".length() + 2000 * "repeat 2 { ".length());
		completion.add("position", inTheHiddenBody);
		server.request("textDocument/completion", completion, 30);
		server.request("textDocument/formatting", json("{\"textDocument\": {\"uri\": \"" + deepUri
				+ "\"}, \"options\": {\"tabSize\": 4, \"insertSpaces\": true}}"), 30);
	}

	@Test
	void aRequestWithoutAMethodIsAnInvalidRequest() throws Exception {
		LspConnection server = startAndInitialize(null);

		JsonObject answer = server.answer(json("{\"jsonrpc\": \"2.0\", \"id\": 4711}"), 10);

		assertEquals(-32600, answer.getAsJsonObject("error").get("code").getAsInt(), answer.toString());
		// and the server goes on serving
		assertTrue(server.answer("shutdown", null, 10).has("result"));
	}

	@Test
	void anUnknownMethodIsMethodNotFoundWithoutAStackTrace() throws Exception {
		LspConnection server = startAndInitialize(null);

		JsonObject answer = server.answer("irqlab/noSuchMethod", new JsonObject(), 10);

		JsonObject error = answer.getAsJsonObject("error");
		assertEquals(-32601, error.get("code").getAsInt(), answer.toString());
		assertFalse(answer.toString().contains("Exception") || answer.toString().contains("\\tat "), answer.toString());
		assertTrue(error.get("message").getAsString().contains("irqlab/noSuchMethod"), answer.toString());
	}

	@Test
	void theServerExitsWhenItsStdinCloses() throws Exception {
		LspConnection server = startAndInitialize(null);
		Process process = started.get(0);

		server.closeInput();

		assertTrue(process.waitFor(5, TimeUnit.SECONDS), "still running 5 s after stdin closed");
		assertEquals(1, process.exitValue(), "no shutdown request came before the end of stdin");
	}

	@Test
	void theServerExitsWhenTheEditorsProcessDies() throws Exception {
		// the "editor": a shell that starts the server and lives until the stop file appears
		Path stop = workspace.resolve("stop");
		List<String> command = new ArrayList<>(List.of("sh", "-c",
				// sh gives a background command /dev/null as stdin: hand it the shell's own through fd 3
				"exec 3<&0; \"$@\" <&3 3<&- & exec 3<&-; while [ ! -e '" + stop + "' ]; do sleep 0.1; done", "sh"));
		command.addAll(serverCommand());
		Process editor = start(command);
		LspConnection server = new LspConnection(editor);
		initialize(server, editor.pid());
		ProcessHandle languageServer = editor.children().findFirst().orElseThrow();

		Files.createFile(stop);
		assertTrue(editor.waitFor(5, TimeUnit.SECONDS), "the editor's shell did not end");

		languageServer.onExit().get(5, TimeUnit.SECONDS);
		assertFalse(languageServer.isAlive());
	}

	private LspConnection startAndInitialize(Long processId) throws Exception {
		LspConnection server = new LspConnection(start(serverCommand()));
		initialize(server, processId);
		return server;
	}

	private Process start(List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		started.add(process);
		return process;
	}

	private static List<String> serverCommand() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File jar = new File(System.getProperty("irqlab.jar"));
		assertTrue(jar.isFile(), "the language server jar is built first: " + jar);
		return List.of(java, "-jar", jar.getPath(), "lsp");
	}

	private void initialize(LspConnection server, Long processId) throws Exception {
		server.request("initialize", json("""
				{"processId": %s, "rootUri": "%s", "capabilities": {"textDocument": {"publishDiagnostics": {}}}}
				""".formatted(processId, workspace.toUri())), 60);
		server.notify("initialized", new JsonObject());
	}

	private String open(LspConnection server, String name, String text) throws Exception {
		Path file = workspace.resolve(name);
		Files.writeString(file, text);
		String uri = file.toUri().toString();
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		document.addProperty("languageId", "irqlab");
		document.addProperty("version", 1);
		document.addProperty("text", text);
		JsonObject open = new JsonObject();
		open.add("textDocument", document);
		server.notify("textDocument/didOpen", open);
		return uri;
	}

	/** The first non-empty diagnostics published for the document. */
	private static JsonArray diagnosticsOf(LspConnection server, String uri, long timeoutSeconds) throws Exception {
		return server.waitFor(m -> "textDocument/publishDiagnostics".equals(stringAt(m, "method"))
				&& uri.equals(stringAt(m.getAsJsonObject("params"), "uri"))
				&& !m.getAsJsonObject("params").getAsJsonArray("diagnostics").isEmpty(), timeoutSeconds)
				.getAsJsonObject("params").getAsJsonArray("diagnostics");
	}

	private static JsonObject withCode(JsonArray diagnostics, String code) {
		for (JsonElement each : diagnostics) {
			JsonObject diagnostic = each.getAsJsonObject();
			if (diagnostic.has("code") && code.equals(diagnostic.get("code").getAsString())) {
				return diagnostic;
			}
		}
		throw new AssertionError("no " + code + " among " + diagnostics);
	}

	private static String stringAt(JsonObject object, String member) {
		return object != null && object.has(member) && object.get(member).isJsonPrimitive() ? object.get(member).getAsString()
				: null;
	}

	private static JsonObject json(String text) {
		return JsonParser.parseString(text).getAsJsonObject();
	}
}
