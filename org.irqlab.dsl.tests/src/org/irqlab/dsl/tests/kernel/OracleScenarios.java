package org.irqlab.dsl.tests.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.CpuSet;
import org.irqlab.kernel.DeviceResult;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.MatrixCounters;
import org.irqlab.kernel.Simulation;

/**
 * Loads resources/oracle/real-kernel-small.json and replays each scenario on the simulator the way the
 * measurement was taken: boot, virtio_blk probes, virtio_net probes, then unbind and rebind of one device.
 */
final class OracleScenarios {
    static final String RESOURCE = "/oracle/real-kernel-small.json";

    private OracleScenarios() {
    }

    static JsonArray load() {
        InputStream in = OracleScenarios.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(r).getAsJsonArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static KernelRules profileOf(String kernel) {
        if (kernel.startsWith("6.1.")) {
            return KernelRules.V6_1;
        }
        if (kernel.startsWith("6.12.")) {
            return KernelRules.V6_12;
        }
        throw new IllegalArgumentException("no profile for kernel " + kernel);
    }

    /** The guest: CPUs, nodes from "node0 cpus=0-39", the Debian boot load (6 placed vectors, 9 reservations). */
    static MachineSpec machineOf(JsonObject s) {
        int cpus = s.get("cpus").getAsInt();
        MachineSpec.Builder b = MachineSpec.builder(profileOf(s.get("kernel").getAsString()), cpus)
                .bootLoad(BootLoad.qemuGuestDefault());
        for (JsonElement n : s.getAsJsonArray("numa_nodes")) {
            String[] parts = n.getAsString().split(" cpus=");
            b.node(Integer.parseInt(parts[0].substring(4)), CpuSet.parse(parts[1]));
        }
        return b.build();
    }

    static List<DeviceSpec> specsOf(JsonObject s) {
        List<DeviceSpec> specs = new ArrayList<>();
        addSpecs(specs, s.getAsJsonArray("blk"), true);
        addSpecs(specs, s.getAsJsonArray("net"), false);
        return specs;
    }

    private static void addSpecs(List<DeviceSpec> specs, JsonArray groups, boolean blk) {
        for (JsonElement g : groups) {
            String[] nq = g.getAsString().split("x");
            int count = Integer.parseInt(nq[0]);
            int queues = Integer.parseInt(nq[1]);
            for (int i = 0; i < count; i++) {
                DeviceSpec.Builder b = DeviceSpec.builder(blk ? org.irqlab.kernel.DeviceKind.VIRTIO_BLK
                        : org.irqlab.kernel.DeviceKind.VIRTIO_NET).queues(queues).numaNode(0).intxLine(10 + i % 2);
                specs.add(b.build());
            }
        }
    }

    /** Result of replaying one scenario. */
    record Replay(Map<String, MatrixCounters> stages, Map<String, DeviceResult> devices, Simulation sim) {
    }

    static Replay replay(JsonObject s) {
        Simulation sim = new Simulation(machineOf(s));
        Map<String, MatrixCounters> stages = new LinkedHashMap<>();
        Map<String, DeviceResult> devices = new LinkedHashMap<>();
        stages.put("boot", sim.counters());
        stages.put("before_virtio_pci", sim.counters());
        stages.put("after_virtio_pci", sim.counters());
        stages.put("before_virtio_blk", sim.counters());
        List<DeviceSpec> specs = specsOf(s);
        boolean netStarted = false;
        for (DeviceSpec spec : specs) {
            if (spec.type() == org.irqlab.kernel.DeviceKind.VIRTIO_NET && !netStarted) {
                stages.put("after_virtio_blk", sim.counters());
                stages.put("before_virtio_net", sim.counters());
                netStarted = true;
            }
            DeviceResult r = sim.addDevice(spec);
            devices.put(r.name(), r);
        }
        if (!netStarted) {
            stages.put("after_virtio_blk", sim.counters());
            stages.put("before_virtio_net", sim.counters());
        }
        stages.put("after_virtio_net", sim.counters());
        for (String stage : s.getAsJsonObject("matrix_stages").keySet()) {
            if (stage.startsWith("rebind_before_unbind_")) {
                String dev = stage.substring("rebind_before_unbind_".length());
                stages.put(stage, sim.counters());
                sim.unbind(dev);
                stages.put("rebind_after_unbind_" + dev, sim.counters());
                DeviceResult r = sim.bind(dev);
                devices.put(dev, r);
                stages.put("rebind_after_bind_" + dev, sim.counters());
            }
        }
        stages.put("end", sim.counters());
        stages.put("final", sim.counters());
        return new Replay(stages, devices, sim);
    }
}
