package org.irqlab.dsl.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Edit-to-diagnostics latency as an editor sees it: a didChange of the seed model sent, until the
 * publishDiagnostics of that version arrives (parse, link, validate, simulate 512 hot-adds, serialize).
 * The figures are printed for the README; the test fails only when the median passes a second, which
 * would make typing feel broken whatever the machine's load.
 */
class DiagnosticsLatencyTest {

	private static final int WARM_UP = 10;
	private static final int MEASURED = 40;

	@TempDir
	Path workspace;

	@Test
	void diagnosticsFollowAnEditWithinASecond() throws Exception {
		Path file = workspace.resolve("seed-incident.irqlab");
		Files.copy(Path.of(System.getProperty("irqlab.examples"), "seed-incident.irqlab"), file);
		String text = Files.readString(file);
		String uri = file.toUri().toString();
		List<Double> millis = new ArrayList<>();
		try (LspConnection server = LspConnection.start()) {
			server.request("initialize", JsonParser.parseString("""
					{"processId": null, "rootUri": "%s", "capabilities": {}}
					""".formatted(workspace.toUri())), 60);
			server.notify("initialized", new JsonObject());
			server.open(uri, 1, text);
			server.diagnostics(uri, p -> p.has("version") && p.get("version").getAsInt() == 1, 120);
			for (int version = 2; version < 2 + WARM_UP + MEASURED; version++) {
				// 512, 511, 512, ...: every edit changes which devices fail, so every edit is validated and simulated anew
				String edited = text.replace("add 512 x dpu_disk", "add " + (512 - version % 2) + " x dpu_disk");
				int expected = version;
				long start = System.nanoTime();
				server.change(uri, version, edited);
				server.diagnostics(uri, p -> p.has("version") && p.get("version").getAsInt() == expected, 30);
				if (version >= 2 + WARM_UP) {
					millis.add((System.nanoTime() - start) / 1e6);
				}
			}
			server.request("shutdown", null, 30);
			server.notify("exit", null);
		}
		millis.sort(null);
		double median = millis.get(millis.size() / 2);
		double p90 = millis.get((int) Math.ceil(millis.size() * 0.9) - 1);
		System.out.printf("edit-to-diagnostics over LSP, seed-incident.irqlab, %d edits after %d warm-up: median %.1f ms,"
				+ " 90th percentile %.1f ms, max %.1f ms%n", millis.size(), WARM_UP, median, p90, millis.get(millis.size() - 1));
		assertTrue(median < 1000, "median edit-to-diagnostics " + median + " ms");
	}
}
