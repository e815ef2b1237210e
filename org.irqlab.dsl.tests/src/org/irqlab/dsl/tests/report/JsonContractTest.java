package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.kernel.CpuSet;
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
			assertEquals(List.of("name", "type", "driver", "index", "path", "vectors", "errno", "line", "interrupts",
					"matrixBefore", "matrixAfter"), List.copyOf(device.keySet()), "the contract's fields, in its order");
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

	/**
	 * Each probe's interrupts and the counters around it: a 2-queue virtio_blk on 80 CPUs in two nodes has a config
	 * vector on node 0 and one managed vector per node, and reserves 81 slots; a shared-MSI-X one has two unmanaged
	 * vectors; a failed one none.
	 */
	@Test
	void seedIncidentInterruptsOfEachDevice() {
		Run run = cli("check", "--format", "json", Reports.examples().resolve("seed-incident.irqlab").toString());
		JsonObject scenario = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("files").get(0)
				.getAsJsonObject().getAsJsonArray("scenarios").get(0).getAsJsonObject();
		JsonArray devices = scenario.getAsJsonArray("devices");

		JsonObject first = devices.get(0).getAsJsonObject();
		JsonArray interrupts = first.getAsJsonArray("interrupts");
		assertEquals(first.get("vectors").getAsInt(), interrupts.size(), "vectors counts the interrupts");
		// the config vector's mask is every CPU, so its node is CPU 0's; not managed, its affinity narrows to that node
		assertInterrupt(interrupts.get(0), "virtio0-config", "config", false, "0-39");
		assertInterrupt(interrupts.get(1), "virtio0-req.0", "req.0", true, "0-39");
		assertInterrupt(interrupts.get(2), "virtio0-req.1", "req.1", true, "40-79");
		for (JsonElement each : interrupts) {
			JsonObject irq = each.getAsJsonObject();
			assertEquals(List.of("name", "queue", "irq", "vector", "managed", "affinity", "effectiveCpu", "requested"),
					List.copyOf(irq.keySet()), "an interrupt's fields, in the contract's order");
			assertTrue(irq.get("requested").getAsBoolean(), irq.toString());
			int cpu = irq.get("effectiveCpu").getAsInt();
			assertTrue(cpus(irq.get("affinity").getAsString()).contains(cpu), "the CPU serving it is in its mask: " + irq);
			int vector = irq.get("vector").getAsInt();
			assertTrue(vector >= 32 && vector <= 235, "a device vector: " + irq);
		}
		assertEquals(3, Set.of(interrupts.get(0).getAsJsonObject().get("irq").getAsInt(),
				interrupts.get(1).getAsJsonObject().get("irq").getAsInt(),
				interrupts.get(2).getAsJsonObject().get("irq").getAsInt()).size(), "three distinct IRQs");

		JsonObject before = first.getAsJsonObject("matrixBefore");
		JsonObject after = first.getAsJsonObject("matrixAfter");
		assertEquals(List.of("globalAvailable", "globalReserved", "totalAllocated"), List.copyOf(before.keySet()));
		assertEquals(15593, before.get("globalAvailable").getAsInt(), "the model's crash dump");
		assertEquals(15593 - 81, after.get("globalAvailable").getAsInt(),
				"81 slots: one on each of 80 CPUs for the two managed masks, one for the config vector");
		assertEquals(before.get("globalReserved").getAsInt(), after.get("globalReserved").getAsInt());
		assertEquals(before.get("totalAllocated").getAsInt() + 3, after.get("totalAllocated").getAsInt(),
				"three vectors allocated");

		for (int i = 1; i < devices.size(); i++) {
			assertEquals(devices.get(i - 1).getAsJsonObject().get("matrixAfter"),
					devices.get(i).getAsJsonObject().get("matrixBefore"), "one probe starts where the one before ended");
		}
		assertEquals(scenario.getAsJsonObject("matrix").get("globalAvailable"),
				devices.get(511).getAsJsonObject().getAsJsonObject("matrixAfter").get("globalAvailable"));

		JsonObject shared = devices.get(190).getAsJsonObject();
		assertEquals("shared", shared.get("path").getAsString());
		JsonArray sharedIrqs = shared.getAsJsonArray("interrupts");
		assertEquals(2, sharedIrqs.size(), sharedIrqs.toString());
		assertEquals("virtio190-config", sharedIrqs.get(0).getAsJsonObject().get("name").getAsString());
		assertEquals("virtio190-virtqueues", sharedIrqs.get(1).getAsJsonObject().get("name").getAsString());
		assertTrue(!sharedIrqs.get(1).getAsJsonObject().get("managed").getAsBoolean(), sharedIrqs.toString());

		JsonObject failed = devices.get(291).getAsJsonObject();
		assertEquals(0, failed.getAsJsonArray("interrupts").size(), "a failed probe holds no interrupt");
	}

	/**
	 * The QEMU guest's disks sit on no NUMA node, as on QEMU's pc machine: virtio_blk's per-queue vectors come with an
	 * affinity descriptor, so each takes the node of its mask's first CPU; its shared MSI-X fallback comes without
	 * one, so its vectors may go to any CPU.
	 */
	@Test
	void qemuGuestDisksOnNoNode() {
		Run run = cli("check", "--format", "json", Reports.examples().resolve("qemu-guest-exhaustion.irqlab").toString());
		JsonArray devices = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("files").get(0)
				.getAsJsonObject().getAsJsonArray("scenarios").get(0).getAsJsonObject().getAsJsonArray("devices");

		JsonObject first = devices.get(0).getAsJsonObject();
		assertEquals("per-vq-managed", first.get("path").getAsString());
		JsonArray interrupts = first.getAsJsonArray("interrupts");
		assertInterrupt(interrupts.get(0), "virtio0-config", "config", false, "0-39");
		assertInterrupt(interrupts.get(1), "virtio0-req.0", "req.0", true, "0-39");
		assertInterrupt(interrupts.get(2), "virtio0-req.1", "req.1", true, "40-79");
		assertEquals(81, first.getAsJsonObject("matrixBefore").get("globalAvailable").getAsInt()
				- first.getAsJsonObject("matrixAfter").get("globalAvailable").getAsInt(), "a 2-queue virtio_blk on 80 CPUs");

		JsonObject shared = null;
		for (JsonElement each : devices) {
			if (each.getAsJsonObject().get("path").getAsString().equals("shared")) {
				shared = each.getAsJsonObject();
				break;
			}
		}
		assertTrue(shared != null, "a disk falls back to shared MSI-X");
		assertEquals("virtio195", shared.get("name").getAsString());
		JsonArray sharedIrqs = shared.getAsJsonArray("interrupts");
		assertInterrupt(sharedIrqs.get(0), "virtio195-config", "config", false, "0-79");
		assertInterrupt(sharedIrqs.get(1), "virtio195-virtqueues", "virtqueues", false, "0-79");
		for (JsonElement each : sharedIrqs) {
			assertTrue(each.getAsJsonObject().get("effectiveCpu").getAsInt() >= 40,
					"on no node, a vector goes to the CPU of its mask with the most room: node 1's, node 0's hold the config vectors: "
							+ each);
		}
	}

	private static void assertInterrupt(JsonElement element, String name, String queue, boolean managed, String affinity) {
		JsonObject irq = element.getAsJsonObject();
		assertEquals(name, irq.get("name").getAsString(), irq.toString());
		assertEquals(queue, irq.get("queue").getAsString(), irq.toString());
		assertEquals(managed, irq.get("managed").getAsBoolean(), irq.toString());
		assertEquals(affinity, irq.get("affinity").getAsString(), irq.toString());
	}

	private static Set<Integer> cpus(String cpulist) {
		return CpuSet.parse(cpulist).stream().boxed().collect(Collectors.toSet());
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
