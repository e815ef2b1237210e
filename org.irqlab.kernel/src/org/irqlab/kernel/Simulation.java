package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running simulated host. Events are applied in call order: device hot-add / hot-remove, driver unbind /
 * rebind, CPU offline / online, irqbalance passes. Every event returns what happened; {@link #snapshot()}
 * shows the vector matrix at any point. Deterministic: the same machine and events always give the same
 * results. Not thread safe; use {@link #copy()} to explore alternatives.
 */
public final class Simulation {
    private final Kernel k;
    private final Map<String, DeviceState> devices;
    /** Successful probes so far, to order the drivers' CPU hotplug callbacks. */
    private long registrations;
    private final BitSet virtioIda;
    private final BitSet nvmeIda;
    private final BitSet diskIda;
    private final Map<String, BitSet> genericIda;
    private int nextId;

    public Simulation(MachineSpec machine) {
        this.k = new Kernel(machine);
        this.devices = new LinkedHashMap<>();
        this.virtioIda = new BitSet();
        this.virtioIda.set(0, machine.firstVirtioIndex());
        this.nvmeIda = new BitSet();
        this.nvmeIda.set(0, machine.firstNvmeIndex());
        this.diskIda = new BitSet();
        this.genericIda = new HashMap<>();
    }

    private Simulation(Simulation o) {
        this.k = o.k.copy();
        this.devices = new LinkedHashMap<>();
        o.devices.forEach((n, d) -> devices.put(n, d.copy()));
        this.registrations = o.registrations;
        this.virtioIda = (BitSet) o.virtioIda.clone();
        this.nvmeIda = (BitSet) o.nvmeIda.clone();
        this.diskIda = (BitSet) o.diskIda.clone();
        this.genericIda = new HashMap<>();
        o.genericIda.forEach((p, b) -> genericIda.put(p, (BitSet) b.clone()));
        this.nextId = o.nextId;
    }

    /** An independent copy of the whole state, for what-if exploration. */
    public Simulation copy() {
        return new Simulation(this);
    }

    /** Boots {@code machine} and hot-adds {@code specs} in order; the entry point for batch runs and benchmarks. */
    public static RunResult run(MachineSpec machine, List<DeviceSpec> specs) {
        Simulation sim = new Simulation(machine);
        List<DeviceResult> results = new ArrayList<>(specs.size());
        for (DeviceSpec spec : specs) {
            results.add(sim.addDevice(spec));
        }
        return new RunResult(results, sim.counters());
    }

    /** Devices and final counters of {@link #run}. */
    public record RunResult(List<DeviceResult> devices, MatrixCounters end) {
    }

    public MachineSpec machine() {
        return k.machine;
    }

    public MatrixCounters counters() {
        return k.counters();
    }

    public MatrixSnapshot snapshot() {
        return MatrixSnapshot.of(k.matrix);
    }

    /** Everything the simulated kernel printed so far. */
    public List<String> kernelLog() {
        return k.log.lines().stream().map(KernelMessage::text).toList();
    }

    public CpuSet onlineCpus() {
        return CpuSet.ofWords(k.online);
    }

    /** Number of interrupts the VECTOR domain holds (debugfs "mapped"). */
    public int mappedIrqs() {
        int n = 0;
        for (int irq = 0, lim = k.irqs.limit(); irq < lim; irq++) {
            if (k.irqs.exists(irq)) {
                n++;
            }
        }
        return n;
    }

    // ---- devices ------------------------------------------------------------------------------------

    /** PCI hot-add of a device and its driver's probe. */
    public DeviceResult addDevice(DeviceSpec spec) {
        DeviceState d = createDevice(spec);
        devices.put(d.name, d);
        return bindDriver(d);
    }

    /**
     * PCI hot-add of {@code count} NVMe controllers whose probes overlap as far as they can: every controller
     * first takes its admin vector (nvme_pci_enable()), then each in turn sets up its I/O queues while as many
     * others as there are online CPUs, less one, are half-way through allocating theirs. This is the order in
     * which the most vectors are held by controllers still waiting for their I/O queues and the admin vectors
     * are spread most unevenly (see {@link #asyncProbeBounds}).
     */
    public List<DeviceResult> addNvmeControllersAtOnce(DeviceSpec spec, int count) {
        if (spec.type() != DeviceKind.NVME) {
            throw new IllegalArgumentException("only nvme probes asynchronously here, not " + spec.type());
        }
        List<DeviceState> states = new ArrayList<>(count);
        List<MatrixCounters> befores = new ArrayList<>(count);
        int[] enabled = new int[count];
        for (int i = 0; i < count; i++) {
            DeviceState d = createDevice(spec);
            devices.put(d.name, d);
            states.add(d);
            befores.add(k.counters());
            d.attempts.clear();
            d.errno = 0;
            enabled[i] = NvmeDriver.enable(k, d);
            if (enabled[i] != 0) {
                NvmeDriver.abortProbe(k, d, enabled[i]);
            }
        }
        List<DeviceResult> results = new ArrayList<>(count);
        // one set-up per online CPU can be between its first and last queue vector at the same moment
        int inFlight = k.onlineCount();
        for (int i = 0; i < count; i++) {
            DeviceState d = states.get(i);
            int mark = k.log.mark();
            int othersInFlight = Math.min(inFlight - 1, count - 1 - i);
            int err = enabled[i] == 0 ? NvmeDriver.finishProbe(k, d, othersInFlight) : enabled[i];
            results.add(probed(d, new NvmeDriver(), err, mark, befores.get(i)));
        }
        return results;
    }

    /**
     * How many of {@code count} NVMe controllers hot-added together get one vector per queue, at best and at
     * worst, given that their probes overlap in an order that changes from boot to boot. This simulation is
     * not changed. See {@link AsyncProbeBounds} for how the bounds follow from the driver's two steps.
     */
    public AsyncProbeBounds asyncProbeBounds(DeviceSpec spec, int count) {
        Simulation oneByOne = copy();
        List<DeviceResult> best = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            best.add(oneByOne.addDevice(spec));
        }
        return AsyncProbeBounds.of(count, copy().addNvmeControllersAtOnce(spec, count), best);
    }

    /** Driver unbind (echo &gt; unbind): frees the device's interrupts, keeps the device and its name. */
    public DeviceResult unbind(String name) {
        DeviceState d = existing(name);
        MatrixCounters before = k.counters();
        int mark = k.log.mark();
        unbindDriver(d);
        return result(d, mark, before);
    }

    /** Driver bind (echo &gt; bind): probes again. */
    public DeviceResult bind(String name) {
        DeviceState d = existing(name);
        if (d.bound) {
            return result(d, k.log.mark(), k.counters());
        }
        return bindDriver(d);
    }

    /** PCI hot-remove: driver remove, then the device and its name disappear (the name may be reused). */
    public DeviceResult removeDevice(String name) {
        DeviceState d = existing(name);
        MatrixCounters before = k.counters();
        int mark = k.log.mark();
        unbindDriver(d);
        devices.remove(name);
        releaseName(d);
        return result(d, mark, before);
    }

    public DeviceResult device(String name) {
        DeviceState d = existing(name);
        return result(d, k.log.mark(), k.counters());
    }

    public List<DeviceResult> devices() {
        List<DeviceResult> list = new ArrayList<>(devices.size());
        for (DeviceState d : devices.values()) {
            list.add(result(d, k.log.mark(), k.counters()));
        }
        return Collections.unmodifiableList(list);
    }

    private DeviceState existing(String name) {
        DeviceState d = devices.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no device " + name);
        }
        return d;
    }

    private DeviceState createDevice(DeviceSpec spec) {
        int id = nextId++;
        int index;
        String name;
        switch (spec.type()) {
            case VIRTIO_BLK, VIRTIO_NET -> {
                index = claim(virtioIda);
                name = "virtio" + index;
            }
            case NVME -> {
                index = claim(nvmeIda);
                name = "nvme" + index;
            }
            default -> {
                index = claim(genericIda.computeIfAbsent(spec.namePrefix(), p -> new BitSet()));
                name = spec.namePrefix() + index;
            }
        }
        String address = String.format("0000:%02x:%02x.0", 1 + id / 32, id % 32);
        int table = spec.msixTableSize() > 0 ? spec.msixTableSize() : 2048;
        PciFunction pci = new PciFunction(address, spec.numaNode(), spec.intxLine(), table);
        return new DeviceState(id, spec, name, index, pci);
    }

    // mirrors ida_alloc(): the lowest free index
    private static int claim(BitSet ida) {
        int i = ida.nextClearBit(0);
        ida.set(i);
        return i;
    }

    private void releaseName(DeviceState d) {
        switch (d.spec.type()) {
            case VIRTIO_BLK, VIRTIO_NET -> virtioIda.clear(d.index);
            case NVME -> nvmeIda.clear(d.index);
            default -> genericIda.get(d.spec.namePrefix()).clear(d.index);
        }
    }

    private final DeviceDriver.Indexes indexes = new DeviceDriver.Indexes() {
        @Override
        public int allocDisk() {
            return claim(diskIda);
        }

        @Override
        public void freeDisk(int index) {
            diskIda.clear(index);
        }
    };

    private static DeviceDriver driverFor(DeviceKind type) {
        return switch (type) {
            case VIRTIO_BLK -> new VirtioBlkDriver();
            case VIRTIO_NET -> new VirtioNetDriver();
            case NVME -> new NvmeDriver();
            case GENERIC_MSIX -> new GenericMsixDriver();
        };
    }

    // mirrors really_probe(): the driver's probe, and the driver core's message when it fails
    private DeviceResult bindDriver(DeviceState d) {
        MatrixCounters before = k.counters();
        int mark = k.log.mark();
        d.attempts.clear();
        d.errno = 0;
        DeviceDriver drv = driverFor(d.spec.type());
        return probed(d, drv, drv.probe(k, d, indexes), mark, before);
    }

    // the end of really_probe(): the driver core's message when the probe failed
    private DeviceResult probed(DeviceState d, DeviceDriver drv, int err, int mark, MatrixCounters before) {
        if (err != 0) {
            d.bound = false;
            d.path = InterruptPath.PROBE_FAILED;
            d.errno = err;
            k.log.print(KernelMessage.Kind.PROBE_FAILED, k.machine.profile().probeFailedMessage(drv.name(), d.name, err));
        } else {
            d.bound = true;
            d.registeredAt = ++registrations;
        }
        return result(d, mark, before);
    }

    // mirrors cpuhp_invoke_callback() over a multi-instance state: instances are added at the list's head,
    // so the device registered last is called first
    private void runHotplugCallbacks() {
        List<DeviceState> bound = new ArrayList<>();
        for (DeviceState d : devices.values()) {
            if (d.bound) {
                bound.add(d);
            }
        }
        bound.sort((a, b) -> Long.compare(b.registeredAt, a.registeredAt));
        for (DeviceState d : bound) {
            driverFor(d.spec.type()).cpusChanged(k, d);
        }
    }

    private void unbindDriver(DeviceState d) {
        if (d.bound) {
            driverFor(d.spec.type()).remove(k, d, indexes);
            d.bound = false;
        }
        d.path = InterruptPath.UNBOUND;
        d.errno = 0;
    }

    private DeviceResult result(DeviceState d, int mark, MatrixCounters before) {
        List<VectorInfo> vectors = new ArrayList<>();
        if (d.pci.msixEnabled) {
            for (int i = 0; i < d.pci.msixIrqs.length; i++) {
                int irq = d.pci.msixIrqs[i];
                String action = i < d.vectorNames.length ? d.vectorNames[i] : null;
                String queue = i < d.vectorQueues.length && d.vectorQueues[i] != null ? d.vectorQueues[i]
                        : Integer.toString(i);
                vectors.add(vectorInfo(irq, action != null ? action : d.name + "-" + queue, queue, action != null));
            }
        } else if (d.intxName != null) {
            vectors.add(vectorInfo(d.pci.intxLine, d.intxName, "intx", true));
        }
        String disk = d.diskIndex >= 0 ? VirtioBlkDriver.diskName(d.diskIndex) : null;
        return new DeviceResult(d.name, d.pci.address, d.spec.type(), disk, d.path, d.errno, List.copyOf(vectors),
                List.copyOf(d.attempts), k.log.since(mark), before, k.counters());
    }

    private VectorInfo vectorInfo(int irq, String name, String queue, boolean requested) {
        IrqTable t = k.irqs;
        boolean hasVector = t.vector[irq] != 0;
        return new VectorInfo(name, queue, irq, t.managed[irq], k.core.shownAffinity(irq),
                hasVector ? t.cpu[irq] : -1, t.vector[irq], requested);
    }

    // ---- CPUs -------------------------------------------------------------------------------------------

    /** echo 0 &gt; /sys/devices/system/cpu/cpuN/online. CPU 0 cannot go offline (no sysfs control). */
    public CpuHotplugResult offlineCpu(int cpu) {
        MatrixCounters before = k.counters();
        int mark = k.log.mark();
        if (cpu == 0) {
            k.log.print(KernelMessage.Kind.CPU_OFFLINE_REFUSED, "cpu0: cannot be taken offline");
            return CpuHotplugResult.refused(cpu, true, -Errno.EBUSY, k.log.since(mark), before, k.counters());
        }
        Kernel.Offline r = k.offlineCpu(cpu);
        if (r.errno() != 0) {
            return CpuHotplugResult.refused(cpu, k.isOnline(cpu), r.errno(), k.log.since(mark), before,
                    k.counters());
        }
        k.log.print(KernelMessage.Kind.INFO, "smpboot: CPU " + cpu + " is now offline");
        runHotplugCallbacks();
        IrqCore.Migration m = r.migration();
        return CpuHotplugResult.wentOffline(cpu, m.moved(), m.shutDown(), m.broken(), k.log.since(mark), before,
                k.counters());
    }

    /** echo 1 &gt; /sys/devices/system/cpu/cpuN/online. */
    public CpuHotplugResult onlineCpu(int cpu) {
        MatrixCounters before = k.counters();
        int mark = k.log.mark();
        int r = k.onlineCpu(cpu);
        if (r < 0) {
            return CpuHotplugResult.refused(cpu, k.isOnline(cpu), r, k.log.since(mark), before, k.counters());
        }
        runHotplugCallbacks();
        return CpuHotplugResult.cameOnline(cpu, r, k.log.since(mark), before, k.counters());
    }

    // ---- irqbalance -----------------------------------------------------------------------------------

    /** One irqbalance pass with the machine's settings. */
    public IrqbalanceResult runIrqbalance() {
        return Irqbalance.run(k, k.machine.irqbalance());
    }

    /** One irqbalance pass with other settings (e.g. powersave switched on). */
    public IrqbalanceResult runIrqbalance(IrqbalanceSettings settings) {
        return Irqbalance.run(k, settings);
    }

    /**
     * Lets one interrupt arrive on every vector: without interrupt remapping that is when the kernel
     * carries out affinity changes written earlier. Returns how many vectors moved.
     */
    public int deliverPendingMoves() {
        return k.core.applyPendingMoves();
    }
}
