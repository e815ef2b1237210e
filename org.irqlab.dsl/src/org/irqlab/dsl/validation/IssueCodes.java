package org.irqlab.dsl.validation;

/**
 * The codes of the validator's issues. Quick fixes in the editor and code actions of the language
 * server are keyed on them, and `irqlab check --format json` prints them.
 */
public final class IssueCodes {

	private static final String PREFIX = "org.irqlab.dsl.";

	/** Devices of an `add` fail to probe. Data: device type name, first failing index, last index, errno. */
	public static final String DEVICE_PROBE_FAILS = PREFIX + "deviceProbeFails";
	/**
	 * NVMe controllers of an `add` get per-queue vectors or not depending on the order their probes run in.
	 * Data: device type name, fewest, most, controllers added.
	 */
	public static final String ASYNC_PROBE_RANGE = PREFIX + "asyncProbeRange";

	/** Devices fall back to one shared MSI-X vector. Data: device type name, first index, last index. */
	public static final String FALLBACK_SHARED_MSIX = PREFIX + "fallbackSharedMsix";
	/** Devices fall back to legacy INTx. Data: device type name, first index, last index. */
	public static final String FALLBACK_INTX = PREFIX + "fallbackIntx";
	/** The kernel had to place a vector outside its affinity mask. */
	public static final String AFFINITY_BROKEN = PREFIX + "affinityBroken";
	/** The kernel refuses to take a CPU offline (or online). Data: the CPU. */
	public static final String CPU_OFFLINE_REFUSED = PREFIX + "cpuOfflineRefused";
	/** What a CPU hotplug event did: interrupts moved, managed ones shut down or restarted. */
	public static final String CPU_HOTPLUG_DONE = PREFIX + "cpuHotplugDone";
	/** How many more devices of each type still fit at the end of a scenario. */
	public static final String HEADROOM = PREFIX + "headroom";
	/** The scenario is too large to simulate while editing. */
	public static final String SIMULATION_TOO_LARGE = PREFIX + "simulationTooLarge";
	/**
	 * The scenario is not simulated until the model is fixed: it holds values no kernel would accept, or a
	 * machine the kernel would not boot as written. The setting at fault has its own error.
	 */
	public static final String SIMULATION_REFUSED = PREFIX + "simulationRefused";
	/** The simulator could not run the scenario (a bug in IrqLab, reported rather than thrown). */
	public static final String SIMULATION_FAILED = PREFIX + "simulationFailed";

	/**
	 * The language server could not check the document at all (an IrqLab bug, in its log); the other
	 * documents are still checked.
	 */
	public static final String DOCUMENT_NOT_CHECKED = PREFIX + "documentNotChecked";

	public static final String MACHINE_WITHOUT_CPUS = PREFIX + "machineWithoutCpus";
	public static final String DUPLICATE_SETTING = PREFIX + "duplicateSetting";
	public static final String CPU_OUT_OF_RANGE = PREFIX + "cpuOutOfRange";
	public static final String MALFORMED_CPU_LIST = PREFIX + "malformedCpuList";
	public static final String NODES_OVERLAP = PREFIX + "nodesOverlap";
	public static final String CPUS_WITHOUT_NODE = PREFIX + "cpusWithoutNode";
	public static final String VALUE_OUT_OF_RANGE = PREFIX + "valueOutOfRange";
	public static final String SETTING_NOT_FOR_DRIVER = PREFIX + "settingNotForDriver";
	/** An `import` that names no machine, device type or scenario in any file of the project. */
	public static final String IMPORT_NAMES_NOTHING = PREFIX + "importNamesNothing";
	/** A `load` item counted for the whole machine sits in a per-CPU block, or the other way round. */
	public static final String LOAD_SCOPE_MISMATCH = PREFIX + "loadScopeMismatch";
	/** A `repeat` nests deeper than RepeatNesting.MAX_DEPTH; its body is not read. Data: the limit. */
	public static final String REPEAT_NESTED_TOO_DEEP = PREFIX + "repeatNestedTooDeep";
	/** A crash dump's counters lack one the simulation needs. Data: the missing counter's keyword. */
	public static final String CRASH_COUNTER_MISSING = PREFIX + "crashCounterMissing";

	/** A `kernel` whose text is not a version IrqLab reads, or a kernel older than the vector matrix. */
	public static final String UNKNOWN_KERNEL = PREFIX + "unknownKernel";
	/** The kernel has a rule IrqLab does not model for this machine; the result uses the newer rule. Data: the rule's id. */
	public static final String KERNEL_RULE_NOT_MODELLED = PREFIX + "kernelRuleNotModelled";

	private IssueCodes() {
	}
}
