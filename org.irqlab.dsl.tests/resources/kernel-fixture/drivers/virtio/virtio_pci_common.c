// SPDX-License-Identifier: GPL-2.0
/* IrqLab test fixture: a toy transport with the shape of virtio_pci's interrupt fallbacks. */
#include <linux/virtio.h>

static int vp_find_vqs_msix(struct virtio_device *vdev, unsigned int nvqs,
			    struct virtqueue *vqs[], bool per_vq,
			    struct irq_affinity *desc)
{
	return per_vq ? -ENOSPC : -ENOSPC;
}

static irqreturn_t toy_interrupt(int irq, void *opaque)
{
	return IRQ_HANDLED;
}

static int vp_find_vqs_intx(struct virtio_device *vdev, unsigned int nvqs,
			    struct virtqueue *vqs[])
{
	return request_irq(to_vp_device(vdev)->pci_dev->irq, toy_interrupt,
			   IRQF_SHARED, "toy", vdev);
}

int vp_find_vqs(struct virtio_device *vdev, unsigned int nvqs,
		struct virtqueue *vqs[], struct irq_affinity *desc)
{
	int rc;

	/* one vector per queue */
	rc = vp_find_vqs_msix(vdev, nvqs, vqs, true, desc);
	if (!rc)
		return 0;
	/* one vector for every queue together */
	rc = vp_find_vqs_msix(vdev, nvqs, vqs, false, desc);
	if (!rc)
		return 0;
	/* the legacy line */
	return vp_find_vqs_intx(vdev, nvqs, vqs);
}
