package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.irqlab.dsl.cli.IrqLabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** `irqlab check --format json`: the contract of docs/cli.md, on the seed incident and on broken input. */
public class JsonContractTest {

	private static final Set<String> PATHS = Set.of("per-vq-managed", "per-vq", "shared", "intx", "failed");

	record Run(int exitCode, String out, String err) {
	}

	static Run cli(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = IrqLabCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Run(code, out.toString(), err.toString());
	}

	@Test
	void seedIncidentAsJson() {
		Run run = cli("check", "--format", "json", Reports.examples().resolve("seed-incident.irqlab").toString());
		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.err());
		JsonObject root = JsonParser.parseString(run.out()).getAsJsonObject();
		assertEquals(1, root.get("format").getAsInt());
		JsonObject scenario = root.getAsJsonArray("files").get(0).getAsJsonObject().getAsJsonArray("scenarios").get(0)
				.getAsJsonObject();
		assertEquals("hotplug", scenario.get("name").getAsString());

		JsonArray devices = scenario.getAsJsonArray("devices");
		assertEquals(512, devices.size());
		Map<String, Integer> byPath = new HashMap<>();
		for (JsonElement each : devices) {
			JsonObject device = each.getAsJsonObject();
			assertEquals(Set.of("name", "type", "driver", "index", "path", "vectors", "errno", "line"), device.keySet());
			assertTrue(PATHS.contains(device.get("path").getAsString()), device.toString());
			byPath.merge(device.get("path").getAsString(), 1, Integer::sum);
		}
		assertEquals(Map.of("per-vq-managed", 190, "shared", 101, "failed", 221), byPath);
		JsonObject first = devices.get(0).getAsJsonObject();
		assertEquals("virtio0", first.get("name").getAsString());
		assertEquals("dpu_disk", first.get("type").getAsString());
		assertEquals("virtio_blk", first.get("driver").getAsString());
		assertEquals(3, first.get("vectors").getAsInt());
		JsonObject failed = devices.get(291).getAsJsonObject();
		assertEquals("virtio291", failed.get("name").getAsString());
		assertEquals(292, failed.get("index").getAsInt());
		assertEquals(-16, failed.get("errno").getAsInt());
		assertEquals(0, failed.get("vectors").getAsInt());

		JsonObject matrix = scenario.getAsJsonObject("matrix");
		assertEquals(80, matrix.get("onlineMaps").getAsInt());
		assertEquals(1, matrix.get("globalAvailable").getAsInt());
		JsonArray cpus = matrix.getAsJsonArray("cpus");
		assertEquals(80, cpus.size());
		int available = 0;
		for (JsonElement cpu : cpus) {
			available += cpu.getAsJsonObject().get("available").getAsInt();
		}
		assertEquals(matrix.get("globalAvailable").getAsInt(), available, "the CPUs' available add up to the global count");

		JsonArray diagnostics = scenario.getAsJsonArray("diagnostics");
		JsonObject error = null;
		for (JsonElement each : diagnostics) {
			if (each.getAsJsonObject().get("severity").getAsString().equals("error")) {
				error = each.getAsJsonObject();
			}
		}
		assertTrue(error != null, diagnostics.toString());
		assertEquals(failed.get("line").getAsInt(), error.get("line").getAsInt());
		assertTrue(error.get("message").getAsString().contains("devices 292..512"), error.toString());
		assertTrue(!error.get("code").isJsonNull(), error.toString());
	}

	@Test
	void textOutputStaysTheDefault() {
		Run text = cli("check", Reports.examples().resolve("seed-incident.irqlab").toString());
		assertEquals(IrqLabCli.EXIT_ERRORS, text.exitCode());
		assertTrue(text.out().contains("seed-incident.irqlab:33:5: error: devices 292..512"), text.out());
	}

	@Test
	void syntaxErrorsAndUnreadableFilesInJson(@TempDir Path dir) throws IOException {
		Path broken = dir.resolve("broken.irqlab");
		Files.writeString(broken, "machine m {\n  cpus\n}\n");
		Run run = cli("check", "--format", "json", broken.toString(), dir.resolve("missing.irqlab").toString());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		JsonArray files = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("files");
		assertEquals(2, files.size());
		JsonObject syntax = files.get(0).getAsJsonObject().getAsJsonArray("diagnostics").get(0).getAsJsonObject();
		assertEquals("error", syntax.get("severity").getAsString());
		assertEquals(3, syntax.get("line").getAsInt(), syntax.toString());
		assertTrue(files.get(1).getAsJsonObject().get("error").getAsString().startsWith("cannot read"));
	}

	@Test
	void unknownFormatIsAUsageError() {
		Run run = cli("check", "--format", "yaml", Reports.examples().resolve("seed-incident.irqlab").toString());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertTrue(run.err().contains("yaml"), run.err());
	}
}
