package org.irqlab.dsl.report;

import org.irqlab.kernel.DeviceKind;
import org.irqlab.kernel.InterruptPath;

/** Interrupt paths as the JSON contract names them and as a report's reader reads them. */
public final class Paths {

	private Paths() {
	}

	/** The contract's names: per-vq-managed, per-vq, shared, intx, failed (unbound for a device without driver). */
	public static String id(InterruptPath path) {
		return switch (path) {
			case PER_QUEUE_MSIX_MANAGED -> "per-vq-managed";
			case PER_QUEUE_MSIX_UNMANAGED -> "per-vq";
			case SHARED_MSIX -> "shared";
			case INTX -> "intx";
			case PROBE_FAILED -> "failed";
			case UNBOUND -> "unbound";
		};
	}

	public static String describe(InterruptPath path) {
		return switch (path) {
			case PER_QUEUE_MSIX_MANAGED -> "per-queue MSI-X, managed";
			case PER_QUEUE_MSIX_UNMANAGED -> "per-queue MSI-X";
			case SHARED_MSIX -> "shared MSI-X";
			case INTX -> "INTx";
			case PROBE_FAILED -> "probe failed";
			case UNBOUND -> "no driver";
		};
	}

	/** The path as a device of this kind runs it: nvme's single vector serves its admin and one I/O queue. */
	public static String describe(InterruptPath path, DeviceKind kind) {
		if (path == InterruptPath.SHARED_MSIX && kind == DeviceKind.NVME) {
			return "one MSI-X vector for admin and I/O (nvmeNq0)";
		}
		return describe(path);
	}

	/** A colour per path, the same in every chart and table. */
	public static String colour(InterruptPath path) {
		return switch (path) {
			case PER_QUEUE_MSIX_MANAGED, PER_QUEUE_MSIX_UNMANAGED -> "#2e7d32";
			case SHARED_MSIX -> "#ef8f00";
			case INTX -> "#8e24aa";
			case PROBE_FAILED -> "#c62828";
			case UNBOUND -> "#757575";
		};
	}
}
