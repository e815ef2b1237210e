package org.irqlab.dsl.report;

import java.util.List;

/**
 * A proposed fix, simulated: what it changes, what the scenario then does, and what it costs.
 *
 * @param type     which fix this is, with its stable identifier and its kind; the report chooses the fix's
 *                 patch files by it
 * @param title    one line
 * @param change   what is changed, in the model's and the kernel's terms
 * @param result   the scenario with the fix applied
 * @param effect   what the fix changes, with the figures of the re-simulation
 * @param cost     what it costs the user
 * @param upstream where the change stands upstream, or null for a setting
 * @param patches  the patch files written next to the report (.cocci, and .patch with a kernel tree)
 * @param patchNote why no mail could be made against the given kernel tree, or null
 */
public record Fix(Type type, String title, String change, Result result, String effect, String cost,
		String upstream, List<String> patches, String patchNote) {

	/** The fixes IrqLab knows how to propose; the report writes patch files for the driver and kernel changes. */
	public enum Type {
		DROP_AFFINITY("virtio_blk-drop-irq-affinity", Kind.DRIVER_PATCH),
		INTX_CHECK("virtio_pci-no-intx-without-irq", Kind.KERNEL_FIX),
		NUM_REQUEST_QUEUES("num-request-queues", Kind.SETTING),
		IRQBALANCE_UNBAN("irqbalance-unban", Kind.SETTING),
		IRQBALANCE_NO_POWERSAVE("irqbalance-no-powersave", Kind.SETTING),
		IRQBALANCE_POWERSAVE("irqbalance-powersave", Kind.SETTING),
		FEWER_DEVICES("fewer-devices", Kind.SETTING),
		MORE_CPUS_ONLINE("more-cpus-online", Kind.SETTING);

		private final String id;
		private final Kind kind;

		Type(String id, Kind kind) {
			this.id = id;
			this.kind = kind;
		}

		/** Stable identifier, also the stem of the fix's patch files and its anchor in the HTML report. */
		public String id() {
			return id;
		}

		public Kind kind() {
			return kind;
		}
	}

	public enum Kind {
		DRIVER_PATCH("driver patch"), KERNEL_FIX("kernel fix"), SETTING("setting");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * The scenario's devices after the fix, per path, and the room left at its end.
	 *
	 * @param probes   devices probed (fewer when the fix is to plug fewer)
	 * @param errno    the errno failing probes return (0 when none fails)
	 * @param headroom "room for 1024 more dpu_disk" for the type that degraded first
	 * @param derived  true when the figures are read off the original run instead of a new one (see the effect)
	 */
	public record Result(long probes, long perQueue, long shared, long intx, long failed, int endAvailable, int errno,
			String headroom, boolean derived) {

		public long degraded() {
			return shared + intx + failed;
		}
	}

	/** The stable identifier of the fix's {@link Type}. */
	public String id() {
		return type.id();
	}

	public Kind kind() {
		return type.kind();
	}

	public Fix withPatches(List<String> files, String note) {
		return new Fix(type, title, change, result, effect, cost, upstream, List.copyOf(files), note);
	}
}
