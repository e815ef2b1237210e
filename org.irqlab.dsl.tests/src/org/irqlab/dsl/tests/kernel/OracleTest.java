package org.irqlab.dsl.tests.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.irqlab.kernel.Attempt;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.VectorInfo;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every figure of the real-kernel oracle, reproduced: per scenario the matrix counters at each stage, and
 * per device its path, vector count, every vector's name, affinity list and effective CPU, the counters
 * before and after its probe, and the return values of each setup attempt.
 */
class OracleTest {

    @TestFactory
    Stream<DynamicNode> everyOracleFigure() {
        JsonArray scenarios = OracleScenarios.load();
        List<DynamicNode> nodes = new ArrayList<>();
        for (JsonElement e : scenarios) {
            JsonObject s = e.getAsJsonObject();
            OracleScenarios.Replay replay = OracleScenarios.replay(s);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(dynamicTest("matrix stages", () -> checkStages(s, replay)));
            for (JsonElement d : s.getAsJsonArray("devices")) {
                JsonObject dev = d.getAsJsonObject();
                String name = dev.get("dev").getAsString();
                tests.add(dynamicTest(name, () -> checkDevice(dev, replay.devices().get(name))));
            }
            tests.add(dynamicTest("invariants at the end", () -> Invariants.check(replay.sim())));
            nodes.add(DynamicContainer.dynamicContainer(s.get("scenario").getAsString(), tests));
        }
        return nodes.stream();
    }

    private static void checkStages(JsonObject s, OracleScenarios.Replay replay) {
        for (Map.Entry<String, JsonElement> stage : s.getAsJsonObject("matrix_stages").entrySet()) {
            MatrixCounters got = replay.stages().get(stage.getKey());
            assertNotNull(got, "stage " + stage.getKey() + " not replayed");
            assertCounters(stage.getValue().getAsJsonObject(), got, "stage " + stage.getKey());
            assertEquals(stage.getValue().getAsJsonObject().get("online_maps").getAsInt(), got.onlineMaps(),
                    "online maps at " + stage.getKey());
        }
    }

    private static void assertCounters(JsonObject expected, MatrixCounters got, String where) {
        assertEquals(expected.get("global_avl").getAsInt(), got.globalAvailable(), "global_avl " + where);
        assertEquals(expected.get("global_rsvd").getAsInt(), got.globalReserved(), "global_rsvd " + where);
        assertEquals(expected.get("total_alloc").getAsInt(), got.totalAllocated(), "total_alloc " + where);
    }

    private static void checkDevice(JsonObject dev, DeviceResult r) {
        String name = dev.get("dev").getAsString();
        assertNotNull(r, name + " was not simulated");
        assertEquals(dev.get("driver").getAsString(), r.type().name().toLowerCase(), name + " driver");
        assertEquals(dev.get("pci").getAsString(), r.pciAddress(), name + " pci address");
        assertEquals(dev.get("path").getAsString(), r.path().oracleName(), name + " path");
        assertEquals(dev.get("msi_irqs").getAsInt(), r.vectors().size(), name + " vectors");
        JsonArray irqs = dev.getAsJsonArray("irqs");
        assertEquals(irqs.size(), r.vectors().size(), name + " irq count");
        for (int i = 0; i < irqs.size(); i++) {
            JsonObject exp = irqs.get(i).getAsJsonObject();
            VectorInfo v = r.vectors().get(i);
            String q = exp.get("name").getAsString();
            assertEquals(q, v.queue(), name + " vector " + i);
            assertEquals(name + "-" + q, v.name(), name + " action name");
            assertEquals(CpuSet.parse(exp.get("affinity").getAsString()), v.affinity(), name + " " + q + " affinity");
            assertEquals(exp.get("effective_cpu").getAsInt(), v.effectiveCpu(), name + " " + q + " effective cpu");
        }
        assertCounters(dev.getAsJsonObject("matrix_before"), r.before(), name + " before probe");
        assertCounters(dev.getAsJsonObject("matrix_after"), r.after(), name + " after probe");
        checkAttempts(dev.get("attempts").getAsString(), r);
    }

    /** "pcialloc:0x2,msix:0x0," (6.1 tracing prints hex, 6.12 decimal) against the simulated attempts. */
    private static void checkAttempts(String attempts, DeviceResult r) {
        List<long[]> expected = new ArrayList<>();
        for (String part : attempts.split(",")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] kv = part.split(":");
            String v = kv[1];
            long value = v.startsWith("0x") ? (int) Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            expected.add(new long[] {kv[0].equals("pcialloc") ? 0 : 1, value});
        }
        List<long[]> got = new ArrayList<>();
        for (Attempt a : r.attempts()) {
            got.add(new long[] {0, a.pciAlloc()});
            got.add(new long[] {1, a.result()});
        }
        assertEquals(expected.size(), got.size(), r.name() + " attempts " + attempts + " vs " + r.attemptsString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i)[0], got.get(i)[0], r.name() + " attempt kind " + i);
            assertEquals(expected.get(i)[1], got.get(i)[1], r.name() + " attempt value " + i + " in " + attempts);
        }
    }
}
