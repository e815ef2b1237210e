package org.irqlab.kernel;

/**
 * The simulated kernel of one machine: the vector matrix, interrupt descriptors and the layers above
 * them, wired together, plus boot (system vectors, CPUs, the timer, pre-existing load) and CPU hotplug.
 */
final class Kernel {
    final MachineSpec machine;
    final KernelLog log;
    final long[] online;
    final VectorMatrix matrix;
    final IrqTable irqs;
    final GroupCpus groups;
    final VectorDomain domain;
    final IrqCore core;
    final AffinitySpreader spreader;
    final MsiLayer msi;

    Kernel(MachineSpec machine) {
        this.machine = machine;
        this.log = new KernelLog();
        this.online = machine.onlineCpus().toWords(Bits.words(machine.nrCpuIds()));
        this.matrix = new VectorMatrix(machine.nrCpuIds(), machine.matrixBits(), machine.allocStart(),
                machine.allocEnd(), machine.profile(), log);
        this.irqs = new IrqTable(machine.firstDynamicIrq(), 1024);
        this.groups = new GroupCpus(machine, online);
        this.domain = new VectorDomain(matrix, irqs, machine, log, online);
        this.core = new IrqCore(irqs, domain, machine, log, online);
        this.spreader = new AffinitySpreader(groups, machine);
        this.msi = new MsiLayer(irqs, domain, core, spreader, machine, online);
        boot();
    }

    private Kernel(Kernel o) {
        this.machine = o.machine;
        this.log = o.log.copy();
        this.online = o.online.clone();
        this.matrix = o.matrix.copy(log);
        this.irqs = o.irqs.copy();
        this.groups = o.groups.copy();
        this.domain = new VectorDomain(matrix, irqs, machine, log, online);
        this.core = new IrqCore(irqs, domain, machine, log, online);
        this.spreader = new AffinitySpreader(groups, machine);
        this.msi = new MsiLayer(irqs, domain, core, spreader, machine, online);
    }

    Kernel copy() {
        return new Kernel(this);
    }

    MatrixCounters counters() {
        return new MatrixCounters(matrix.globalAvailable, matrix.globalReserved, matrix.totalAllocated,
                matrix.onlineMaps);
    }

    // mirrors lapic_assign_system_vectors() and the CPU bring-up, then applies the machine's boot load
    private void boot() {
        long[] sys = machine.systemVectorWords();
        for (int bit = Bits.first(sys); bit >= 0 && bit < machine.matrixBits(); bit = Bits.next(sys, bit + 1)) {
            matrix.assignSystem(bit);
        }
        for (int cpu = Bits.first(online); cpu >= 0; cpu = Bits.next(online, cpu + 1)) {
            matrix.online(cpu);
        }
        createTimer();
        applyBootLoad(machine.bootLoad());
    }

    // irq 0 is the timer's: active, not shareable; it holds a vector only when the boot load places interrupts
    private void createTimer() {
        irqs.allocFixed(0, IrqTable.KIND_TIMER, PciFunction.NUMA_NO_NODE, machine.defaultAffinity());
        irqs.actionCount[0] = 1;
        irqs.actionFlags[0] = IrqTable.TIMER_FLAGS;
        irqs.actionName[0] = "timer";
        irqs.activated[0] = true;
        irqs.started[0] = true;
    }

    private void applyBootLoad(BootLoad load) {
        BootLoad perCpu = load.isCrashDump() ? spreadCrashDump(load) : load;
        for (int cpu = 0; cpu < machine.nrCpuIds(); cpu++) {
            addBackgroundOn(cpu, perCpu.nonManagedOn(cpu), perCpu.managedReservedOn(cpu),
                    perCpu.managedAllocatedOn(cpu));
        }
        int[] lines = load.reservedLines();
        for (int cpu = 0; cpu < machine.nrCpuIds(); cpu++) {
            for (int i = 0; i < load.ioapicInterruptsOn(cpu); i++) {
                addIoapicInterrupt(CpuSet.of(cpu), lines);
            }
        }
        placeBootInterrupts(load, lines);
        for (int line : lines) {
            createLine(line, legacyLineNode());
        }
        for (int i = lines.length; i < load.reserved(); i++) {
            matrix.reserve();
        }
    }

    /** ISA_IRQ_VECTOR(0): the legacy vector the timer keeps when the IO-APIC takes the line over. */
    static final int TIMER_VECTOR = 0x30;

    /**
     * The IO-APIC interrupts a booted machine runs: the timer first, then the lines its drivers requested
     * (keyboard, serial, rtc, acpi...). Each of those is a legacy line with a fixed number below 16 while one is
     * free, so the dynamic range stays for the devices; its descriptor sits on the load's node.
     */
    private void placeBootInterrupts(BootLoad load, int[] lines) {
        int n = load.placedNonManaged();
        for (int i = 0; i < n; i++) {
            if (i == 0 && timerKeepsLegacyVector()) {
                continue;
            }
            int irq = freeLegacyNumber(lines);
            int node = load.placedNode(i);
            if (irq < 0) {
                irq = irqs.allocDynamic(IrqTable.KIND_BACKGROUND, node, machine.defaultAffinity(), false, -1);
            } else {
                irqs.allocFixed(irq, IrqTable.KIND_BACKGROUND, node, machine.defaultAffinity());
            }
            requestLegacyLine(irq);
        }
    }

    // mirrors lapic_assign_system_vectors() + vector_configure_legacy() for irq 0: the active timer stays at
    // its ISA vector on the boot CPU; false when that slot is taken (the timer is then placed as the others)
    private boolean timerKeepsLegacyVector() {
        int cpu = Bits.first(online);
        if (cpu < 0 || !matrix.isFree(cpu, TIMER_VECTOR)) {
            return false;
        }
        matrix.assign(cpu, TIMER_VECTOR);
        irqs.vector[0] = TIMER_VECTOR;
        irqs.cpu[0] = cpu;
        return true;
    }

    // mirrors vector_configure_legacy() (an inactive line only reserves) and then request_irq()'s activation,
    // activate_reserved() -> assign_irq_vector_any_locked(): the node's CPUs first, then any online CPU
    private void requestLegacyLine(int irq) {
        domain.alloc(irq, null);
        if (domain.activate(irq, false) != 0) {
            domain.free(irq);
            irqs.free(irq);
            throw new IllegalArgumentException("boot load does not fit: no vector left for boot interrupt " + irq);
        }
        irqs.activated[irq] = true;
        irqs.started[irq] = true;
        irqs.actionCount[irq] = 1;
        irqs.actionName[irq] = "background";
    }

    /** Why a dump's counters cannot be this machine's: they come from a kernel with another vector space. */
    private String crashDumpMismatch(BootLoad load, long used, long alloc) {
        String range = machine.profile().has(KernelRule.POSTED_MSI_VECTOR)
                ? " (this kernel ends the range at 0xeb, rule " + KernelRule.POSTED_MSI_VECTOR.id() + " of "
                        + KernelRule.POSTED_MSI_VECTOR.firstReleaseText() + ", one slot per CPU fewer than earlier kernels)"
                : "";
        return "crash dump counters do not fit this machine: its matrix starts with " + matrix.globalAvailable
                + " vectors available on " + machine.onlineCpus().size() + " CPUs" + range + ", so the dump's"
                + " global_available " + load.dumpGlobalAvailable() + " leaves " + used + " in use, fewer than its"
                + " total_allocated " + alloc + "; the counters must come from a dump of this very kernel and machine";
    }

    /** Turns crash-dump counters into per-CPU numbers as documented on {@link BootLoad#fromCrashDump}. */
    private BootLoad spreadCrashDump(BootLoad load) {
        int n = machine.nrCpuIds();
        int[] cpus = machine.onlineCpus().toArray();
        long used = (long) matrix.globalAvailable - load.dumpGlobalAvailable();
        long alloc = load.dumpTotalAllocated();
        long managedOnly = used - alloc;
        if (used < 0 || managedOnly < 0) {
            throw new IllegalArgumentException(crashDumpMismatch(load, used, alloc));
        }
        int[] a = new int[n];
        int[] r = new int[n];
        spread(a, cpus, alloc, 0);
        // the managed remainder starts after the allocated one, so no CPU takes both
        spread(r, cpus, managedOnly, (int) (alloc % cpus.length));
        return BootLoad.perCpu(a, r, new int[n]);
    }

    /** Evenly over {@code cpus}; the remainder goes one each to the CPUs from position {@code first} on, wrapping. */
    private static void spread(int[] out, int[] cpus, long total, int first) {
        long remainder = total % cpus.length;
        for (int i = 0; i < cpus.length; i++) {
            int fromFirst = Math.floorMod(i - first, cpus.length);
            out[cpus[i]] = (int) (total / cpus.length + (fromFirst < remainder ? 1 : 0));
        }
    }

    private void addBackgroundOn(int cpu, int nonManaged, int managedReserved, int managedAllocated) {
        CpuSet only = CpuSet.of(cpu);
        for (int i = 0; i < nonManaged; i++) {
            addBackground(machine.defaultAffinity(), only);
        }
        for (int i = 0; i < managedReserved; i++) {
            int irq = irqs.allocDynamic(IrqTable.KIND_BACKGROUND, machine.nodeOf(cpu), only, true, -1);
            if (domain.alloc(irq, null) != 0) {
                irqs.free(irq);
                throw new IllegalArgumentException("boot load does not fit on cpu " + cpu);
            }
            if (i < managedAllocated) {
                irqs.actionCount[irq] = 1;
                irqs.actionName[irq] = "background";
                core.startup(irq);
            }
        }
    }

    // a running non-managed interrupt of another driver, placed inside {@code where}
    private void addBackground(CpuSet affinity, CpuSet where) {
        startBackground(irqs.allocDynamic(IrqTable.KIND_BACKGROUND, PciFunction.NUMA_NO_NODE, affinity, false, -1), where);
    }

    // gives a new descriptor its vector inside {@code where} and marks it requested and started, as a running driver's
    private void startBackground(int irq, CpuSet where) {
        if (domain.alloc(irq, where) != 0) {
            irqs.free(irq);
            throw new IllegalArgumentException("boot load does not fit on cpus " + where);
        }
        irqs.activated[irq] = true;
        irqs.started[irq] = true;
        irqs.actionCount[irq] = 1;
        irqs.actionName[irq] = "background";
    }

    // a running legacy IO-APIC interrupt (keyboard, serial, rtc, acpi): a fixed number below 16, its vector inside {@code where}
    private void addIoapicInterrupt(CpuSet where, int[] reservedLines) {
        int irq = freeLegacyNumber(reservedLines);
        if (irq < 0) {
            addBackground(machine.defaultAffinity(), where);
            return;
        }
        irqs.allocFixed(irq, IrqTable.KIND_BACKGROUND, legacyLineNode(), machine.defaultAffinity());
        startBackground(irq, where);
    }

    /** The lowest ISA line without a descriptor that is not the cascade (2) nor kept for a device's INTx; -1 when none. */
    private int freeLegacyNumber(int[] reservedLines) {
        for (int irq = 1; irq < NR_LEGACY_IRQS; irq++) {
            final int candidate = irq;
            if (irq != 2 && !irqs.exists(irq) && java.util.Arrays.stream(reservedLines).noneMatch(l -> l == candidate)) {
                return irq;
            }
        }
        return -1;
    }

    /**
     * Makes sure the INTx line has a descriptor. A line the boot load did not create is mapped now, in
     * reservation mode, as acpi_register_gsi() does when the device is enabled.
     */
    int intxLine(int line, int deviceNode) {
        if (line <= 0 || irqs.exists(line)) {
            return 0;
        }
        return createLine(line, line < NR_LEGACY_IRQS ? legacyLineNode() : deviceNode);
    }

    /** nr_legacy_irqs() on a PC with an 8259 pair: ISA lines 0-15 have descriptors from early boot. */
    private static final int NR_LEGACY_IRQS = 16;

    // mirrors early_irq_init(): the legacy descriptors live on first_online_node
    private int legacyLineNode() {
        return machine.nodeOf(Bits.first(online));
    }

    // mirrors mp_map_pin_to_irq() + x86_vector_alloc_irqs() for an IO-APIC pin: no mask, so a reservation
    private int createLine(int line, int node) {
        irqs.allocFixed(line, IrqTable.KIND_INTX, node, machine.defaultAffinity());
        return domain.alloc(line, null);
    }

    boolean isOnline(int cpu) {
        return cpu >= 0 && cpu < machine.nrCpuIds() && Bits.test(online, cpu);
    }

    int onlineCount() {
        return Bits.weight(online);
    }

    /** Result of taking a CPU down. */
    record Offline(int errno, IrqCore.Migration migration) {
    }

    // mirrors native_cpu_disable() + cpu_disable_common(): check, leave the online mask, move irqs, offline the map
    Offline offlineCpu(int cpu) {
        if (!isOnline(cpu)) {
            return new Offline(-Errno.EINVAL, null);
        }
        if (onlineCount() == 1) {
            return new Offline(-Errno.EBUSY, null);
        }
        int ret = domain.canUnplugCpu(cpu);
        if (ret != 0) {
            return new Offline(ret, null);
        }
        Bits.clear(online, cpu);
        IrqCore.Migration m = core.migrateAllOff(cpu);
        matrix.offline(cpu);
        groups.onlineChanged(online);
        return new Offline(0, m);
    }

    // mirrors bringing a CPU up: lapic_online() then irq_affinity_online_cpu()
    int onlineCpu(int cpu) {
        if (cpu < 0 || cpu >= machine.nrCpuIds() || isOnline(cpu) || !machine.presentCpus().contains(cpu)) {
            return -Errno.EINVAL;
        }
        Bits.set(online, cpu);
        matrix.online(cpu);
        groups.onlineChanged(online);
        return core.restoreManagedOn(cpu);
    }
}
