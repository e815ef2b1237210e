package org.irqlab.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.irqlab.dsl.lsp.tests.EditorFeaturesTest.assertToken;
import static org.irqlab.dsl.lsp.tests.EditorFeaturesTest.decode;
import static org.irqlab.dsl.lsp.tests.EditorFeaturesTest.hintOn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue #10's "done when", as an editor plays it over stdio: the machine in one file, the scenario on it in
 * another; an edit of the machine re-validates the scenario's file with other diagnostics and other inlay
 * hints, which the editor is asked to refresh; semantic tokens and inlay hints are answered, an unknown method is MethodNotFound, the server
 * shuts down, and the workspace holds the two files it had.
 */
class TwoFileWorkspaceTest {

	private static final String HOSTS = """
			package lab

			machine rack {
			    kernel 6.12
			    cpus 8
			}
			""";

	private static final String PLAN = """
			import lab.*

			device disk : virtio_blk {
			    queues 4
			}

			scenario grow on rack {
			    add 40 x disk
			}
			""";

	@TempDir
	Path workspace;

	@Test
	void editingTheMachineRevalidatesTheScenarioInTheOtherFile() throws Exception {
		Path hosts = Files.writeString(workspace.resolve("hosts.irqlab"), HOSTS);
		Path plan = Files.writeString(workspace.resolve("plan.irqlab"), PLAN);
		String hostsUri = hosts.toUri().toString();
		String planUri = plan.toUri().toString();
		List<String> planLines = PLAN.lines().toList();
		int addLine = planLines.indexOf("    add 40 x disk");

		try (LspConnection server = LspConnection.start()) {
			JsonObject capabilities = server.request("initialize", json("""
					{"processId": null, "rootUri": "%s",
					 "capabilities": {"workspace": {"inlayHint": {"refreshSupport": true}},
					   "textDocument": {"publishDiagnostics": {"versionSupport": true}}}}
					""".formatted(workspace.toUri())), 60).getAsJsonObject("result").getAsJsonObject("capabilities");
			server.notify("initialized", new JsonObject());
			server.open(hostsUri, 1, HOSTS);
			server.open(planUri, 1, PLAN);
			JsonArray before = server.diagnostics(planUri, p -> p.has("version"), 120).getAsJsonArray("diagnostics");
			assertTrue(before.toString().contains("on 8 online CPUs"), before.toString());
			String hintBefore = hintOn(inlayHints(server, planUri, planLines.size()), addLine, planLines.get(addLine).length());

			// the refreshes after opening the two files are answered; the one that matters comes after the edit
			Thread.sleep(1000);
			for (JsonObject earlier : server.takeAll(TwoFileWorkspaceTest::isInlayHintRefresh)) {
				server.respond(earlier, null);
			}

			server.change(hostsUri, 2, HOSTS.replace("cpus 8", "cpus 2"));

			JsonArray after = server.diagnostics(planUri, p -> !p.getAsJsonArray("diagnostics").equals(before), 60)
					.getAsJsonArray("diagnostics");
			assertTrue(after.toString().contains("on 2 online CPUs"), after.toString());
			// the editor shows plan.irqlab's hints but edited hosts.irqlab: the server asks it to fetch them again
			JsonObject refresh = server.waitFor(TwoFileWorkspaceTest::isInlayHintRefresh, 30);
			server.respond(refresh, null);
			String hintAfter = hintOn(inlayHints(server, planUri, planLines.size()), addLine, planLines.get(addLine).length());
			assertNotEquals(hintBefore, hintAfter, "the add's figures follow the machine in the other file");

			JsonObject document = new JsonObject();
			document.add("textDocument", id(planUri));
			JsonArray data = server.request("textDocument/semanticTokens/full", document, 60).getAsJsonObject("result")
					.getAsJsonArray("data");
			var tokens = decode(data, capabilities.getAsJsonObject("semanticTokensProvider").getAsJsonObject("legend"));
			int scenarioLine = planLines.indexOf("scenario grow on rack {");
			assertToken(tokens, scenarioLine, 17, 4, "class");
			assertToken(tokens, addLine, 13, 4, "type");

			JsonObject unknown = server.answer("irqlab/noSuchMethod", new JsonObject(), 30);
			assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt(), unknown.toString());

			server.request("shutdown", null, 30);
			server.notify("exit", null);
		}

		List<String> files = new ArrayList<>();
		try (var all = Files.walk(workspace)) {
			all.filter(p -> !p.equals(workspace)).forEach(p -> files.add(workspace.relativize(p).toString()));
		}
		files.sort(null);
		assertEquals(List.of("hosts.irqlab", "plan.irqlab"), files, "the server writes nothing into the workspace");
	}

	private static boolean isInlayHintRefresh(JsonObject message) {
		return "workspace/inlayHint/refresh".equals(LspConnection.stringAt(message, "method"));
	}

	private static JsonArray inlayHints(LspConnection server, String uri, int lines) throws Exception {
		JsonObject params = new JsonObject();
		params.add("textDocument", id(uri));
		params.add("range", json("{\"start\": {\"line\": 0, \"character\": 0}, \"end\": {\"line\": %d, \"character\": 0}}"
				.formatted(lines)));
		JsonElement result = server.request("textDocument/inlayHint", params, 60).get("result");
		assertFalse(result.getAsJsonArray().isEmpty(), "inlay hints for " + uri);
		return result.getAsJsonArray();
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
