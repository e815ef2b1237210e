package org.irqlab.dsl.report;

import java.util.List;

/**
 * A proposed fix, simulated: what it changes, what the scenario then does, and what it costs.
 *
 * @param id       stable identifier, also the stem of its patch files
 * @param kind     driver patch, kernel fix or setting
 * @param title    one line
 * @param change   what is changed, in the model's and the kernel's terms
 * @param result   the scenario with the fix applied
 * @param effect   what the fix changes, with the figures of the re-simulation
 * @param cost     what it costs the user
 * @param upstream where the change stands upstream, or null for a setting
 * @param patches  the patch files written next to the report (.cocci, and .patch with a kernel tree)
 * @param patchNote why no mail could be made against the given kernel tree, or null
 */
public record Fix(String id, Kind kind, String title, String change, Result result, String effect, String cost,
		String upstream, List<String> patches, String patchNote) {

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

	public Fix withPatches(List<String> files, String note) {
		return new Fix(id, kind, title, change, result, effect, cost, upstream, List.copyOf(files), note);
	}
}
