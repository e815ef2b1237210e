package org.irqlab.kernel;

/** A device driver's interrupt-relevant part: probe sets interrupts up, remove tears them down. */
interface DeviceDriver {
    /** Kernel name of the driver ("virtio_blk"). */
    String name();

    /** Returns 0 or -errno; on failure everything the probe allocated is released again. */
    int probe(Kernel k, DeviceState d, Indexes indexes);

    void remove(Kernel k, DeviceState d, Indexes indexes);

    /**
     * A CPU went offline (called once it is dead) or came online, for drivers with CPU hotplug callbacks;
     * called for bound devices only.
     */
    default void cpusChanged(Kernel k, DeviceState d) {
    }

    /** Index allocators (ida) shared across devices: block device names. */
    interface Indexes {
        int allocDisk();

        void freeDisk(int index);
    }
}
