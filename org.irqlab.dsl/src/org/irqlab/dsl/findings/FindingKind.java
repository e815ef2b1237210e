package org.irqlab.dsl.findings;

import org.irqlab.dsl.validation.IssueCodes;

/**
 * Every kind of thing IrqLab can say about a simulated scenario, with its severity and its one issue code.
 * A new kind is added here and made in {@link ScenarioFindings}; the validator, the hover, the reports and
 * the JSON output render every kind without knowing it.
 */
public enum FindingKind {
	/** Devices of an `add` fail to probe. Data: device type name, first failing index, last index, errno. */
	PROBE_FAILS(Severity.ERROR, IssueCodes.DEVICE_PROBE_FAILS),
	/**
	 * How many NVMe controllers of an `add` get per-queue vectors depends on the order their asynchronous
	 * probes run in. Data: device type name, fewest, most, controllers added.
	 */
	ASYNC_PROBE_RANGE(Severity.WARNING, IssueCodes.ASYNC_PROBE_RANGE),
	/** Devices fall back to one shared MSI-X vector. Data: device type name, first index, last index. */
	FALLBACK_SHARED_MSIX(Severity.WARNING, IssueCodes.FALLBACK_SHARED_MSIX),
	/** Devices fall back to legacy INTx. Data: device type name, first index, last index. */
	FALLBACK_INTX(Severity.WARNING, IssueCodes.FALLBACK_INTX),
	/** The vector domain placed vectors outside the affinity asked for. */
	AFFINITY_BROKEN(Severity.WARNING, IssueCodes.AFFINITY_BROKEN),
	/** The kernel refuses to take a CPU offline (or online). Data: the CPU. */
	CPU_HOTPLUG_REFUSED(Severity.WARNING, IssueCodes.CPU_OFFLINE_REFUSED),
	/** What a CPU hotplug event did: interrupts moved, managed ones shut down or restarted. */
	CPU_HOTPLUG_DONE(Severity.INFO, IssueCodes.CPU_HOTPLUG_DONE),
	/** How many more devices of each type fit at the end of the scenario. */
	HEADROOM(Severity.INFO, IssueCodes.HEADROOM),
	/** The scenario is too large to simulate while editing. */
	SIMULATION_TOO_LARGE(Severity.ERROR, IssueCodes.SIMULATION_TOO_LARGE),
	/** The scenario is not simulated until the model is fixed (values no kernel accepts, a machine that does not boot). */
	SIMULATION_REFUSED(Severity.ERROR, IssueCodes.SIMULATION_REFUSED),
	/** The simulator failed on the scenario: a bug in IrqLab, reported rather than thrown. */
	SIMULATION_FAILED(Severity.ERROR, IssueCodes.SIMULATION_FAILED);

	/** How loudly a finding is reported. */
	public enum Severity {
		ERROR, WARNING, INFO
	}

	private final Severity severity;
	private final String issueCode;

	FindingKind(Severity severity, String issueCode) {
		this.severity = severity;
		this.issueCode = issueCode;
	}

	public Severity severity() {
		return severity;
	}

	/** The code quick fixes and `--format json` key on. */
	public String issueCode() {
		return issueCode;
	}
}
