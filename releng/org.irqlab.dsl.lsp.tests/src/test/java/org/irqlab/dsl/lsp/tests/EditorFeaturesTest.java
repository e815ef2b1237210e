package org.irqlab.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.irqlab.dsl.lsp.tests.LspConnection.stringAt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * What an editor shows beyond diagnostics, over stdio with the seed model open: semantic tokens that
 * decode to the right kinds at the right places, the inlay hints on the machine and the `add`, folding,
 * formatting of a formatted file, diagnostics marked as IrqLab's with the document's version, the request
 * to watch `.irqlab` files, and capabilities that advertise only what is answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorFeaturesTest {

	@TempDir
	static Path workspace;

	private LspConnection server;
	private JsonObject capabilities;
	private JsonObject registration;
	private JsonObject published;
	private String uri;
	private List<String> lines;

	@BeforeAll
	void startServerAndOpenTheSeedModel() throws Exception {
		Path file = workspace.resolve("seed-incident.irqlab");
		Files.copy(Path.of(System.getProperty("irqlab.examples"), "seed-incident.irqlab"), file);
		String text = Files.readString(file, StandardCharsets.UTF_8);
		lines = text.lines().toList();
		uri = file.toUri().toString();
		server = LspConnection.start();
		// a client like Neovim's: it can register watchers, and says nothing about folding
		capabilities = server.request("initialize", json("""
				{"processId": null, "rootUri": "%s",
				 "capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}, "executeCommand": {}},
				   "textDocument": {"publishDiagnostics": {"versionSupport": true}}}}
				""".formatted(workspace.toUri())), 60).getAsJsonObject("result").getAsJsonObject("capabilities");
		server.notify("initialized", new JsonObject());
		registration = server.waitFor(m -> "client/registerCapability".equals(stringAt(m, "method")), 60);
		server.respond(registration, null);
		server.open(uri, 3, text);
		published = server.diagnostics(uri, p -> p.has("version"), 120);
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
	void semanticTokensDecodeToTheKindOfEachWord() throws Exception {
		JsonObject legend = capabilities.getAsJsonObject("semanticTokensProvider").getAsJsonObject("legend");
		JsonArray data = server.request("textDocument/semanticTokens/full", document(), 60).getAsJsonObject("result")
				.getAsJsonArray("data");
		assertFalse(data.isEmpty(), "semantic tokens are advertised, so they come with data");
		List<Token> tokens = decode(data, legend);

		int machine = lines.indexOf("machine inspur {");
		int device = lines.indexOf("device dpu_disk : virtio_blk {");
		int scenario = lines.indexOf("scenario hotplug on inspur {");
		int add = lines.indexOf("    add 512 x dpu_disk");
		int cpus = lines.indexOf("    cpus 80");
		int kernel = lines.indexOf("    kernel el8-4.18");
		assertToken(tokens, 0, 0, lines.get(0).length(), "comment");
		assertToken(tokens, machine, 0, 7, "keyword");
		assertToken(tokens, machine, 8, 6, "class", "declaration");
		assertToken(tokens, kernel, 4, 6, "keyword");
		assertToken(tokens, kernel, 11, 8, "enumMember");
		assertToken(tokens, cpus, 9, 2, "number");
		assertToken(tokens, device, 7, 8, "type", "declaration");
		assertToken(tokens, device, 18, 10, "enumMember");
		assertToken(tokens, scenario, 9, 7, "function", "declaration");
		assertToken(tokens, scenario, 17, 2, "keyword");
		assertToken(tokens, scenario, 20, 6, "class");
		assertToken(tokens, add, 4, 3, "keyword");
		assertToken(tokens, add, 8, 3, "number");
		assertToken(tokens, add, 12, 1, "keyword");
		assertToken(tokens, add, 14, 8, "type");
	}

	@Test
	void theAddAndTheMachineCarryInlayHintsWithTheSimulatedFigures() throws Exception {
		assertTrue(capabilities.get("inlayHintProvider").getAsBoolean(), capabilities.toString());
		int add = lines.indexOf("    add 512 x dpu_disk");
		int machine = lines.indexOf("machine inspur {");

		JsonArray hints = server.request("textDocument/inlayHint", range(0, lines.size()), 60).getAsJsonArray("result");

		assertEquals("201 slots per CPU \u00d7 80 CPUs = 16080 usable, 15593 free at boot",
				hintOn(hints, machine, "machine inspur".length()));
		assertEquals("190 per-queue (81 slots each), 101 shared (2 slots each), 221 failed; 1 free vector left",
				hintOn(hints, add, lines.get(add).length()));
	}

	@Test
	void foldingIsAdvertisedAndAnswered() throws Exception {
		assertTrue(capabilities.get("foldingRangeProvider").getAsBoolean(), capabilities.toString());

		JsonArray ranges = server.request("textDocument/foldingRange", document(), 60).getAsJsonArray("result");

		int machine = lines.indexOf("machine inspur {");
		assertTrue(ranges.toString().contains("{\"startLine\":" + machine + ","), ranges.toString());
	}

	@Test
	void onlyWhatIsAnsweredIsAdvertised() {
		assertFalse(capabilities.has("signatureHelpProvider"), "IrqLab has no signature help: " + capabilities);
		assertFalse(capabilities.has("executeCommandProvider"), "IrqLab has no commands: " + capabilities);
		List<String> empty = new ArrayList<>();
		emptyValues("capabilities", capabilities, empty);
		assertEquals(List.of(), empty, "capabilities advertised with nothing in them");
	}

	@Test
	void formattingAFormattedFileChangesNothing() throws Exception {
		JsonObject params = document();
		params.add("options", json("{\"tabSize\": 4, \"insertSpaces\": true}"));

		JsonElement edits = server.request("textDocument/formatting", params, 60).get("result");

		assertEquals("[]", edits.toString(), "no edits, not edits that write the same text again");
	}

	@Test
	void formattingAnUnformattedFileStillEditsIt() throws Exception {
		String messy = workspace.resolve("messy.irqlab").toUri().toString();
		server.open(messy, 1, "machine   m {cpus   8}\n");
		server.diagnostics(messy, p -> true, 60);
		JsonObject params = new JsonObject();
		params.add("textDocument", id(messy));
		params.add("options", json("{\"tabSize\": 4, \"insertSpaces\": true}"));

		JsonArray edits = server.request("textDocument/formatting", params, 60).getAsJsonArray("result");

		assertFalse(edits.isEmpty());
	}

	@Test
	void diagnosticsAreIrqLabsAndCarryTheDocumentVersion() {
		assertEquals(3, published.get("version").getAsInt());
		JsonArray diagnostics = published.getAsJsonArray("diagnostics");
		assertFalse(diagnostics.isEmpty());
		for (JsonElement each : diagnostics) {
			assertEquals("irqlab", stringAt(each.getAsJsonObject(), "source"), each.toString());
		}
	}

	@Test
	void theServerAsksTheEditorToWatchIrqLabFiles() {
		JsonObject registered = registration.getAsJsonObject("params").getAsJsonArray("registrations").get(0)
				.getAsJsonObject();
		assertEquals("workspace/didChangeWatchedFiles", registered.get("method").getAsString());
		assertEquals("**/*.irqlab", registered.getAsJsonObject("registerOptions").getAsJsonArray("watchers").get(0)
				.getAsJsonObject().get("globPattern").getAsString());
	}

	@Test
	void inlayHintsCanBeSwitchedOffInTheInitializationOptions() throws Exception {
		try (LspConnection quiet = LspConnection.start()) {
			JsonObject offered = quiet.request("initialize", json("""
					{"processId": null, "rootUri": "%s", "initializationOptions": {"inlayHints": false},
					 "capabilities": {}}
					""".formatted(workspace.toUri())), 60).getAsJsonObject("result").getAsJsonObject("capabilities");
			quiet.notify("initialized", new JsonObject());
			quiet.open(uri, 1, String.join("\n", lines));
			quiet.diagnostics(uri, p -> true, 120);

			JsonElement hints = quiet.request("textDocument/inlayHint", range(0, lines.size()), 60).get("result");

			assertFalse(offered.has("inlayHintProvider"), offered.toString());
			assertEquals("[]", hints.toString());
			quiet.request("shutdown", null, 30);
			quiet.notify("exit", null);
		}
	}

	/** One decoded semantic token: 0-based line and character, LSP's relative encoding undone. */
	record Token(int line, int character, int length, String type, Set<String> modifiers) {
	}

	static List<Token> decode(JsonArray data, JsonObject legend) {
		JsonArray types = legend.getAsJsonArray("tokenTypes");
		JsonArray modifiers = legend.getAsJsonArray("tokenModifiers");
		List<Token> tokens = new ArrayList<>();
		int line = 0;
		int character = 0;
		for (int i = 0; i + 4 < data.size(); i += 5) {
			int deltaLine = data.get(i).getAsInt();
			line += deltaLine;
			character = deltaLine == 0 ? character + data.get(i + 1).getAsInt() : data.get(i + 1).getAsInt();
			Set<String> set = new TreeSet<>();
			int bits = data.get(i + 4).getAsInt();
			for (int bit = 0; bit < modifiers.size(); bit++) {
				if ((bits & (1 << bit)) != 0) {
					set.add(modifiers.get(bit).getAsString());
				}
			}
			tokens.add(new Token(line, character, data.get(i + 2).getAsInt(),
					types.get(data.get(i + 3).getAsInt()).getAsString(), set));
		}
		return tokens;
	}

	static void assertToken(List<Token> tokens, int line, int character, int length, String type, String... modifiers) {
		Token expected = new Token(line, character, length, type, new TreeSet<>(List.of(modifiers)));
		Token found = tokens.stream().filter(t -> t.line() == line && t.character() == character).findFirst()
				.orElseThrow(() -> new AssertionError("no token at " + line + ":" + character + " among "
						+ tokens.stream().filter(t -> t.line() == line).toList()));
		assertEquals(expected, found);
	}

	/** The label of the one hint at the position. */
	static String hintOn(JsonArray hints, int line, int character) {
		List<String> labels = new ArrayList<>();
		for (JsonElement each : hints) {
			JsonObject position = each.getAsJsonObject().getAsJsonObject("position");
			if (position.get("line").getAsInt() == line && position.get("character").getAsInt() == character) {
				labels.add(each.getAsJsonObject().get("label").getAsString());
			}
		}
		assertEquals(1, labels.size(), "one hint at " + line + ":" + character + " among " + hints);
		return labels.get(0);
	}

	private static void emptyValues(String path, JsonElement value, List<String> empty) {
		if (value.isJsonObject()) {
			if (value.getAsJsonObject().isEmpty()) {
				empty.add(path);
			}
			for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
				emptyValues(path + "." + member.getKey(), member.getValue(), empty);
			}
		} else if (value.isJsonArray() && value.getAsJsonArray().isEmpty()) {
			empty.add(path);
		}
	}

	private JsonObject range(int fromLine, int toLine) {
		JsonObject params = document();
		params.add("range", json("{\"start\": {\"line\": %d, \"character\": 0}, \"end\": {\"line\": %d, \"character\": 0}}"
				.formatted(fromLine, toLine)));
		return params;
	}

	private JsonObject document() {
		JsonObject params = new JsonObject();
		params.add("textDocument", id(uri));
		return params;
	}

	private static JsonObject id(String uri) {
		JsonObject id = new JsonObject();
		id.addProperty("uri", uri);
		return id;
	}

	private static JsonObject json(String text) {
		return JsonParser.parseString(text).getAsJsonObject();
	}
}
