package org.irqlab.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Starts `java -jar irqlab.jar lsp` as an editor would and speaks LSP to it over stdin/stdout with the
 * seed model open: diagnostics on the failing `add`, completion, hover, the quick fixes as code actions
 * and the outline as document symbols.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageServerTest {


	@TempDir
	static Path workspace;

	private LspConnection server;
	private String uri;
	private String text;
	private JsonArray diagnostics;
	/** 0-based lines of the seed model's statements that the tests point at */
	private int addLine;
	private int queuesLine;
	private int deviceEndLine;

	@BeforeAll
	void startServerAndOpenTheSeedModel() throws Exception {
		Path seed = Path.of(System.getProperty("irqlab.examples"), "seed-incident.irqlab");
		Path file = workspace.resolve("seed-incident.irqlab");
		Files.copy(seed, file);
		text = Files.readString(file, StandardCharsets.UTF_8);
		uri = file.toUri().toString();
		List<String> lines = text.lines().toList();
		addLine = lines.indexOf("    add 512 x dpu_disk");
		queuesLine = lines.indexOf("    queues 2");
		deviceEndLine = lines.subList(queuesLine, lines.size()).indexOf("}") + queuesLine;
		assertTrue(addLine > 0 && queuesLine > 0, "the seed model still adds 512 2-queue disks");

		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		File jar = new File(System.getProperty("irqlab.jar"));
		assertTrue(jar.isFile(), "the language server jar is built first: " + jar);
		Process process = new ProcessBuilder(java, "-jar", jar.getPath(), "lsp")
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		server = new LspConnection(process);

		JsonObject initialized = server.request("initialize", json("""
				{"processId": null, "rootUri": "%s",
				 "capabilities": {"textDocument": {
				   "hover": {"contentFormat": ["markdown", "plaintext"]},
				   "documentSymbol": {"hierarchicalDocumentSymbolSupport": true},
				   "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix"]}}},
				   "publishDiagnostics": {}}}}
				""".formatted(workspace.toUri())), 60);
		JsonObject capabilities = initialized.getAsJsonObject("result").getAsJsonObject("capabilities");
		assertTrue(capabilities.has("hoverProvider") && capabilities.has("completionProvider"), capabilities.toString());
		server.notify("initialized", new JsonObject());

		JsonObject open = new JsonObject();
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		document.addProperty("languageId", "irqlab");
		document.addProperty("version", 1);
		document.addProperty("text", text);
		open.add("textDocument", document);
		server.notify("textDocument/didOpen", open);

		JsonObject published = server.waitFor(m -> "textDocument/publishDiagnostics".equals(stringAt(m, "method"))
				&& uri.equals(stringAt(m.getAsJsonObject("params"), "uri"))
				&& !m.getAsJsonObject("params").getAsJsonArray("diagnostics").isEmpty(), 120);
		diagnostics = published.getAsJsonObject("params").getAsJsonArray("diagnostics");
	}

	@AfterAll
	void shutDown() throws Exception {
		if (server != null) {
			server.request("shutdown", null, 30);
			server.notify("exit", null);
			server.close();
		}
	}

	@Test
	void theFailingAddHasTheKernelsErrorOnItsLine() {
		JsonObject error = failingAddError();

		assertEquals(addLine, error.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
		String message = error.get("message").getAsString();
		assertTrue(message.contains("fail to probe: -EBUSY (-16)"), message);
		assertTrue(message.contains("genirq: Flags mismatch irq 0"), message);
		assertEquals("org.irqlab.dsl.deviceProbeFails", error.get("code").getAsString());
	}

	@Test
	void completionInADeviceTypeOffersItsSettings() throws Exception {
		List<String> labels = completionLabels(queuesLine, 4);
		assertTrue(labels.contains("managed") && labels.contains("num_request_queues") && labels.contains("intx"),
				labels.toString());
		// machine settings do not belong in a device type
		assertTrue(!labels.contains("cpus"), labels.toString());
	}

	@Test
	void hoverOnTheAddShowsWhatEachKindOfDeviceGot() throws Exception {
		JsonObject result = server.request("textDocument/hover", position(addLine, 6), 60).getAsJsonObject("result");

		String contents = result.getAsJsonObject("contents").get("value").getAsString();
		assertTrue(contents.contains("per-queue MSI-X (managed): 81 slots each"), contents);
		assertTrue(contents.contains("failed to probe: -EBUSY (-16)"), contents);
		assertTrue(contents.contains("virtio0 at 0000:"), contents);
		assertTrue(contents.contains("virtio0-req.0"), contents);
		assertTrue(contents.contains("managed  mask 0-39"), contents);
	}

	@Test
	void hoverOnTheKernelListsItsRulesAndWhy() throws Exception {
		int kernelLine = text.lines().toList().indexOf("    kernel el8-4.18");
		JsonObject result = server.request("textDocument/hover", position(kernelLine, 13), 60).getAsJsonObject("result");

		String contents = result.getAsJsonObject("contents").get("value").getAsString();
		assertTrue(contents.contains("kernel el8-4.18: RHEL 8.4 (upstream 4.18 base)"), contents);
		assertTrue(contents.contains("- VP-1 virtio_pci gives up instead of requesting INTx"), contents);
		assertTrue(contents.contains("RHEL 8.4 lacks it: upstream 71491c54eafa quotes 4.18.0-305"), contents);
		assertTrue(contents.contains("+ AF-3"), contents);
	}

	@Test
	void completionAfterKernelOffersTheProfileNames() throws Exception {
		int kernelLine = text.lines().toList().indexOf("    kernel el8-4.18");
		List<String> labels = completionLabels(kernelLine, 11);
		assertTrue(labels.containsAll(List.of("el8-4.18", "6.1", "6.12")), labels.toString());
	}

	/** The labels the server proposes at a position (a plain list or a CompletionList). */
	private List<String> completionLabels(int line, int character) throws Exception {
		JsonElement items = server.request("textDocument/completion", position(line, character), 30).get("result");
		JsonArray list = items.isJsonArray() ? items.getAsJsonArray() : items.getAsJsonObject().getAsJsonArray("items");
		List<String> labels = new ArrayList<>();
		list.forEach(item -> labels.add(item.getAsJsonObject().get("label").getAsString()));
		return labels;
	}

	@Test
	void theTwoDiagnosticsOfTheAddShareTheirFixesWithoutDuplicates() throws Exception {
		JsonArray both = new JsonArray();
		for (JsonElement each : diagnostics) {
			JsonObject diagnostic = each.getAsJsonObject();
			if (diagnostic.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt() == addLine) {
				both.add(diagnostic);
			}
		}
		assertTrue(both.size() >= 2, "the failure and the fallback sit on the add: " + both);
		JsonObject params = new JsonObject();
		params.add("textDocument", textDocument());
		params.add("range", both.get(0).getAsJsonObject().get("range"));
		JsonObject context = new JsonObject();
		context.add("diagnostics", both);
		params.add("context", context);

		JsonArray actions = server.request("textDocument/codeAction", params, 30).getAsJsonArray("result");

		List<String> edits = new ArrayList<>();
		for (JsonElement each : actions) {
			edits.add(each.getAsJsonObject().getAsJsonObject("edit").toString());
		}
		assertEquals(edits.size(), new java.util.HashSet<>(edits).size(), "no two actions make the same edit: " + actions);
	}

	@Test
	void aHoverOnACommentIsNull() throws Exception {
		JsonObject response = server.request("textDocument/hover", position(0, 5), 60);

		assertTrue(!response.has("error") && (!response.has("result") || response.get("result").isJsonNull()),
				"no hover is null, not an empty text: " + response);
	}

	@Test
	void theErrorComesWithTheSharedQuickFixes() throws Exception {
		JsonObject params = new JsonObject();
		params.add("textDocument", textDocument());
		params.add("range", failingAddError().get("range"));
		JsonObject context = new JsonObject();
		JsonArray only = new JsonArray();
		only.add(failingAddError());
		context.add("diagnostics", only);
		params.add("context", context);

		JsonArray actions = server.request("textDocument/codeAction", params, 30).getAsJsonArray("result");

		List<String> titles = new ArrayList<>();
		JsonObject managedFix = null;
		for (JsonElement each : actions) {
			String title = each.getAsJsonObject().get("title").getAsString();
			titles.add(title);
			if (title.startsWith("Make dpu_disk's queue vectors non-managed")) {
				managedFix = each.getAsJsonObject();
			}
		}
		// each fix is simulated before it is offered, and says what it gives
		assertTrue(titles.stream().anyMatch(t -> t.startsWith("Add only 291 x dpu_disk (the most that probe): all 291 probe")),
				titles.toString());
		assertTrue(managedFix != null, titles.toString());
		assertTrue(managedFix.get("title").getAsString().startsWith(
				"Make dpu_disk's queue vectors non-managed (managed false): all 512 get per-queue vectors, "), titles.toString());
		// el8's virtio_blk has no num_request_queues: no such fix
		assertTrue(titles.stream().noneMatch(t -> t.contains("num_request_queues")), titles.toString());
		JsonObject edit = managedFix.getAsJsonObject("edit").getAsJsonObject("changes").getAsJsonArray(uri).get(0)
				.getAsJsonObject();
		assertEquals("    managed false\n", edit.get("newText").getAsString());
		assertEquals(deviceEndLine, edit.getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt());
	}

	@Test
	void documentSymbolsAreTheModelsOutline() throws Exception {
		JsonObject params = new JsonObject();
		params.add("textDocument", textDocument());

		JsonArray symbols = server.request("textDocument/documentSymbol", params, 30).getAsJsonArray("result");

		List<String> names = new ArrayList<>();
		symbols.forEach(each -> names.add(each.getAsJsonObject().get("name").getAsString()));
		assertEquals(List.of("inspur", "dpu_disk", "hotplug"), names);
		JsonArray events = symbols.get(2).getAsJsonObject().getAsJsonArray("children");
		assertEquals("add 512 x dpu_disk", events.get(0).getAsJsonObject().get("name").getAsString());
	}

	@Test
	void theServerWritesNothingIntoTheWorkspace() throws Exception {
		// a model without errors (the seed has some, and Xtext generates only for clean models) opened, built,
		// and a request answered after that build
		String healthy = Files.readString(Path.of(System.getProperty("irqlab.examples"), "healthy-nvme-virtio-net.irqlab"));
		String healthyUri = workspace.resolve("healthy.irqlab").toUri().toString();
		JsonObject open = new JsonObject();
		JsonObject document = new JsonObject();
		document.addProperty("uri", healthyUri);
		document.addProperty("languageId", "irqlab");
		document.addProperty("version", 1);
		document.addProperty("text", healthy);
		open.add("textDocument", document);
		server.notify("textDocument/didOpen", open);
		server.waitFor(m -> "textDocument/publishDiagnostics".equals(stringAt(m, "method"))
				&& healthyUri.equals(stringAt(m.getAsJsonObject("params"), "uri")), 120);
		JsonObject params = new JsonObject();
		JsonObject id = new JsonObject();
		id.addProperty("uri", healthyUri);
		params.add("textDocument", id);
		server.request("textDocument/documentSymbol", params, 30);

		List<String> files = new ArrayList<>();
		try (var all = Files.walk(workspace)) {
			all.filter(Files::isRegularFile).forEach(p -> files.add(workspace.relativize(p).toString()));
		}
		assertEquals(List.of("seed-incident.irqlab"), files, "reports come from `irqlab report`, not from opening a file");
	}

	private JsonObject failingAddError() {
		for (JsonElement each : diagnostics) {
			JsonObject diagnostic = each.getAsJsonObject();
			if (diagnostic.get("severity").getAsInt() == 1) {
				return diagnostic;
			}
		}
		throw new AssertionError("no error among " + diagnostics);
	}

	private JsonObject position(int line, int character) {
		JsonObject params = new JsonObject();
		params.add("textDocument", textDocument());
		JsonObject position = new JsonObject();
		position.addProperty("line", line);
		position.addProperty("character", character);
		params.add("position", position);
		return params;
	}

	private JsonObject textDocument() {
		JsonObject document = new JsonObject();
		document.addProperty("uri", uri);
		return document;
	}

	private static String stringAt(JsonObject object, String member) {
		return object != null && object.has(member) && object.get(member).isJsonPrimitive() ? object.get(member).getAsString()
				: null;
	}

	private static JsonObject json(String text) {
		return JsonParser.parseString(text).getAsJsonObject();
	}
}
