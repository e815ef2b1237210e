package org.irqlab.kernel;

import java.util.ArrayList;
import java.util.List;

/** Mutable per-device bookkeeping of a simulation: identity, PCI function, and the driver's interrupt setup. */
final class DeviceState {
    final int id;
    final DeviceSpec spec;
    final String name;
    final int index;
    final PciFunction pci;

    boolean bound;
    InterruptPath path = InterruptPath.UNBOUND;
    int errno;
    int diskIndex = -1;
    /** Action name per MSI-X vector index (null = not requested). */
    String[] vectorNames = new String[0];
    /** Queue label per MSI-X vector index ("config", "req.0"). */
    String[] vectorQueues = new String[0];
    /** INTx action name when the device runs on its INTx line. */
    String intxName;
    /** Per-virtqueue MSI-X index (-1 = no vector), kept for set_vq_affinity. */
    int[] vqVector = new int[0];
    boolean perVqVectors;
    List<Attempt> attempts = new ArrayList<>();
    /** virtio_net's curr_queue_pairs, fixed at probe: how many CPU groups its hotplug callbacks spread over. */
    int queuePairsInUse;
    /** When the driver last probed it successfully (a counter): hotplug callbacks run newest registration first. */
    long registeredAt;

    DeviceState(int id, DeviceSpec spec, String name, int index, PciFunction pci) {
        this.id = id;
        this.spec = spec;
        this.name = name;
        this.index = index;
        this.pci = pci;
    }

    DeviceState copy() {
        DeviceState d = new DeviceState(id, spec, name, index, pci.copy());
        d.bound = bound;
        d.path = path;
        d.errno = errno;
        d.diskIndex = diskIndex;
        d.vectorNames = vectorNames.clone();
        d.vectorQueues = vectorQueues.clone();
        d.intxName = intxName;
        d.vqVector = vqVector.clone();
        d.perVqVectors = perVqVectors;
        d.attempts = new ArrayList<>(attempts);
        d.queuePairsInUse = queuePairsInUse;
        d.registeredAt = registeredAt;
        return d;
    }

    void resetInterrupts() {
        vectorNames = new String[0];
        vectorQueues = new String[0];
        intxName = null;
        vqVector = new int[0];
        perVqVectors = false;
    }
}
