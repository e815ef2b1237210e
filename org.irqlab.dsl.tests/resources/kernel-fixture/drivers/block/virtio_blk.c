// SPDX-License-Identifier: GPL-2.0
/* IrqLab test fixture: a toy block driver with the shape of virtio_blk's queue setup. */
#include <linux/virtio.h>

struct toy_disk {
	struct virtio_device *vdev;
	struct virtqueue **vqs;
	unsigned short nr_queues;
};

static void toy_request_done(struct virtqueue *vq)
{
}

static int init_vq(struct toy_disk *disk)
{
	struct virtio_device *vdev = disk->vdev;
	struct irq_affinity desc = { 0, };
	vq_callback_t **callbacks;
	const char **names;
	unsigned short q;
	int err;

	callbacks = kcalloc(disk->nr_queues, sizeof(*callbacks), GFP_KERNEL);
	names = kcalloc(disk->nr_queues, sizeof(*names), GFP_KERNEL);
	if (!callbacks || !names) {
		err = -ENOMEM;
		goto free;
	}

	for (q = 0; q < disk->nr_queues; q++) {
		callbacks[q] = toy_request_done;
		names[q] = "toy-req";
	}

	err = virtio_find_vqs(vdev, disk->nr_queues, disk->vqs, callbacks,
			      names, &desc);

free:
	kfree(names);
	kfree(callbacks);
	return err;
}

static int toy_probe(struct virtio_device *vdev)
{
	struct toy_disk *disk = kzalloc(sizeof(*disk), GFP_KERNEL);

	if (!disk)
		return -ENOMEM;
	disk->vdev = vdev;
	disk->nr_queues = 2;
	return init_vq(disk);
}
