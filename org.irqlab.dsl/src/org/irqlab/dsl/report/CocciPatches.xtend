package org.irqlab.dsl.report

/**
 * The proposed driver changes as Coccinelle semantic patches: they name the functions and calls the
 * change is about, not line numbers, so one file applies to every kernel since virtio_blk began to
 * pass an irq_affinity descriptor (4.11), including the vqs_info form of virtio_find_vqs() (6.11+).
 * Run with `spatch --sp-file FILE -D patch --dir drivers/...`; both are idempotent.
 */
final class CocciPatches {

	private new() {
	}

	/** {@link Fix.Type#DROP_AFFINITY}: init_vq() passes no struct irq_affinity to virtio_find_vqs(). */
	def static String dropAffinity() {
		lf('''
			// IrqLab: virtio_blk's init_vq() stops passing a struct irq_affinity to virtio_find_vqs(),
			// so its request-queue vectors are ordinary interrupts instead of managed ones: each disk then
			// takes one vector slot per queue instead of one on every CPU of each queue's mask.
			// Upstream did not take this change (2022): blk-mq's queue mapping relies on managed affinity.
			// Usage: spatch --sp-file virtio_blk-drop-irq-affinity.cocci -D patch --in-place drivers/block/virtio_blk.c

			virtual patch

			@drop depends on patch@
			identifier desc;
			expression list args;
			@@
			 init_vq(...)
			 {
			 <...
			 virtio_find_vqs(args,
			-                &desc
			+                NULL
			 )
			 ...>
			 }

			@depends on drop@
			identifier drop.desc;
			@@
			 init_vq(...)
			 {
			 ...
			-struct irq_affinity desc = ...;
			 ...
			 }
		''')
	}

	/** {@link Fix.Type#INTX_CHECK}: vp_find_vqs() gives up before INTx when the device has no interrupt line. */
	def static String intxCheck() {
		lf('''
			// IrqLab: virtio_pci's vp_find_vqs() gives up with the MSI-X error when the device has no
			// interrupt line, instead of requesting irq 0 (the timer) as a shared INTx line and failing
			// with "genirq: Flags mismatch irq 0" and -EBUSY. Upstream since 6.1 (71491c54eafa, 2145ab513e3b);
			// this patch is for older trees. It brings no vector capacity back.
			// Usage: spatch --sp-file virtio_pci-no-intx-without-irq.cocci -D patch --in-place drivers/virtio/virtio_pci_common.c

			virtual patch

			// a tree that already gives up without an interrupt line (6.1+ writes the test in parentheses)
			// is left as it is: running this patch twice, or on a fixed tree, changes nothing
			@already depends on patch@
			expression E;
			statement S;
			@@
			(
			 if (!E->pci_dev->irq) S
			|
			 if (!(E->pci_dev->irq)) S
			|
			 if (!E->pci_dev->pin) S
			|
			 if (!(E->pci_dev->pin)) S
			)

			@guard depends on patch && !already exists@
			identifier vdev, err;
			expression list rest, args;
			@@
			 err = vp_find_vqs_msix(args);
			 ...
			+if (!to_vp_device(vdev)->pci_dev->irq)
			+	return err;
			 return vp_find_vqs_intx(vdev, rest);
		''')
	}

	// the template's line breaks are the platform's; patch files have LF
	def private static String lf(CharSequence text) {
		text.toString.replace('\r\n', '\n')
	}
}
