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
