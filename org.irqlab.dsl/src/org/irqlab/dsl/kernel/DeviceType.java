package org.irqlab.dsl.kernel;

/** Kinds of hot-pluggable PCI devices the simulator knows a driver for. */
public enum DeviceType {
    VIRTIO_BLK,
    VIRTIO_NET,
    NVME,
    GENERIC_MSIX
}
