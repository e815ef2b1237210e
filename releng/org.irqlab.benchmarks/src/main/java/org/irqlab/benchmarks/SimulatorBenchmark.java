package org.irqlab.benchmarks;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.irqlab.kernel.BootLoad;
import org.irqlab.kernel.DeviceSpec;
import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.KernelRules;
import org.irqlab.kernel.MachineSpec;
import org.irqlab.kernel.Simulation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The kernel simulator alone, without the language: a whole {@link Simulation#run} from boot to the
 * last hot-add, so every figure includes building the matrix of the machine.
 */
@BenchmarkMode(Mode.AverageTime)
public class SimulatorBenchmark {

    /** The incident host of examples/seed-incident.irqlab and its 512 DPU disks. */
    @State(Scope.Benchmark)
    public static class Incident {
        MachineSpec machine;
        List<DeviceSpec> devices;

        @Setup
        public void setUp() {
            machine = MachineSpec.builder(KernelRules.EL8_4_18, 80).evenNodes(2).systemVectors("32,50,128")
                    .bootLoad(BootLoad.fromCrashDump(15593, 149, 409)).build();
            DeviceSpec disk = DeviceSpec.builder(DeviceKind.VIRTIO_BLK).queues(2).noNumaNode().intxLine(0).build();
            devices = Collections.nCopies(512, disk);
        }
    }

    /** The scale target: 8192 CPUs in 16 nodes, 4096 virtio_blk devices of 16 queues. */
    @State(Scope.Benchmark)
    public static class Large {
        MachineSpec machine;
        List<DeviceSpec> devices;

        @Setup
        public void setUp() {
            machine = MachineSpec.builder(KernelRules.V6_12, 8192).evenNodes(16).bootLoad(BootLoad.qemuGuestDefault())
                    .build();
            devices = Collections.nCopies(4096, DeviceSpec.virtioBlk(16));
        }
    }

    /**
     * How the cost grows with CPUs x devices; one node per 512 CPUs (at least 2), 16-queue virtio_blk
     * devices as in {@link Large}, so a managed device costs one slot on every CPU.
     */
    @State(Scope.Benchmark)
    public static class Grid {
        @org.openjdk.jmh.annotations.Param({ "80", "640", "2048", "8192" })
        int cpus;

        @org.openjdk.jmh.annotations.Param({ "64", "512", "4096" })
        int devices;

        MachineSpec machine;
        List<DeviceSpec> specs;

        @Setup
        public void setUp() {
            machine = MachineSpec.builder(KernelRules.V6_12, cpus).evenNodes(Math.max(2, cpus / 512))
                    .bootLoad(BootLoad.qemuGuestDefault()).build();
            specs = Collections.nCopies(devices, DeviceSpec.virtioBlk(16));
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Simulation.RunResult incident(Incident state) {
        return Simulation.run(state.machine, state.devices);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Simulation.RunResult large(Large state) {
        return Simulation.run(state.machine, state.devices);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Simulation.RunResult grid(Grid state) {
        return Simulation.run(state.machine, state.specs);
    }
}
