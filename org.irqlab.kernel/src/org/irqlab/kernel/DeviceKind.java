package org.irqlab.kernel;

/** Kinds of hot-pluggable PCI devices the simulator knows a driver for. */
public enum DeviceKind {
    VIRTIO_BLK,
    VIRTIO_NET,
    NVME,
    GENERIC_MSIX
}
