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
