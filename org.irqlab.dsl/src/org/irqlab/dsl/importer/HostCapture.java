package org.irqlab.dsl.importer;

import java.util.List;
import java.util.SortedSet;

/**
 * Everything an import read from one host. Each part is null when the host or the capture did not have it.
 *
 * @param origin        where it was read from, for the model's header ("the running system", "capture/")
 * @param release       the kernel release, from /proc/version or the crash banner
 * @param releaseSource the file the release was read from
 * @param virtioNames   virtio device indexes in use (from /sys/bus/virtio/devices and the interrupts)
 * @param nvmeNames     NVMe controller indexes in use (from /sys/class/nvme and the interrupts)
 * @param vectorFile    the VECTOR file as read, for the load's line numbers
 * @param remapped      whether interrupts go through interrupt remapping (IR- chips, -IR domains); null when unknown
 */
public record HostCapture(String origin, Topology topology, String release, String releaseSource,
		InterruptsTable interrupts, IrqAffinities affinities, List<PciFunctionInfo> pci, VectorDebugfs vector,
		TextFile vectorFile, CrashSession crash, IrqbalanceState irqbalance, List<PresentDevice> devices,
		SortedSet<Integer> virtioNames, SortedSet<Integer> nvmeNames, Boolean remapped, List<String> unreadable) {
}
