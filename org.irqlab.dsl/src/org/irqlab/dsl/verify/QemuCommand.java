package org.irqlab.dsl.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.irqlab.kernel.DeviceKind;

/**
 * The QEMU command line of a guest: the pc (i440fx) machine, the plan's CPUs and NUMA nodes, every device
 * behind PCI bridges in add order, no disks or network behind them (null block backends, an unconnected hub),
 * ACPI PCI hot-plug off and qboot firmware, both of which keep large guests fast to boot.
 */
public final class QemuCommand {

	/** Bytes of each null block device: enough for a partition table read. */
	private static final long NULL_DISK_BYTES = 64L << 20;
	private static final String QBOOT = "/usr/share/qemu/qboot.rom";

	public enum Accel {
		KVM("kvm", "host"),
		TCG("tcg", "max"),
		/**
		 * TCG with one host thread for all vCPUs: slower, but immune to the cross-vCPU code-patching races
		 * that now and then crash a 6.12 guest in QEMU 7.2's multi-threaded TCG during boot (an int3 Oops).
		 */
		TCG_ONE_THREAD("tcg,thread=single", "max");

		final String option;
		final String cpu;

		Accel(String option, String cpu) {
			this.option = option;
			this.cpu = cpu;
		}
	}

	private QemuCommand() {
	}

	static List<String> arguments(Path qemu, GuestPlan plan, GuestKernel kernel, Path initramfs, Path serial, Accel accel) {
		List<String> args = new ArrayList<>(List.of(qemu.toString(), "-machine", "pc", "-accel",
				accel.option, "-cpu", accel.cpu, "-smp", smp(plan),
				"-m", plan.memoryMiB() + "M", "-no-reboot", "-display", "none", "-vga", "none", "-nodefaults",
				"-serial", "file:" + serial, "-kernel", kernel.image().toString(), "-initrd", initramfs.toString(),
				"-append", "console=ttyS0 loglevel=3 panic=-1 trace_event=irq_matrix:* rdinit=/init",
				"-global", "PIIX4_PM.acpi-pci-hotplug-with-bridge-support=off",
				"-global", "PIIX4_PM.acpi-root-pci-hotplug=off"));
		if (Files.isRegularFile(Path.of(QBOOT))) {
			args.addAll(List.of("-bios", QBOOT));
		}
		numa(plan, args);
		for (int bridge = 1; bridge <= plan.bridges(); bridge++) {
			args.addAll(List.of("-device", "pci-bridge,id=br" + bridge + ",chassis_nr=" + bridge + ",addr=0x"
					+ Integer.toHexString(1 + bridge) + ",shpc=off,msi=off"));
		}
		for (GuestDevice device : plan.devices()) {
			device(device, args);
		}
		return args;
	}

	private static String smp(GuestPlan plan) {
		int threads = plan.threadsPerCore();
		if (threads <= 1) {
			return String.valueOf(plan.cpus());
		}
		return plan.cpus() + ",sockets=" + plan.cpus() / threads + ",cores=1,threads=" + threads;
	}

	private static void numa(GuestPlan plan, List<String> args) {
		if (plan.nodes() <= 1) {
			return;
		}
		int perNode = plan.memoryMiB() / plan.nodes();
		for (int node = 0; node < plan.nodes(); node++) {
			args.addAll(List.of("-object", "memory-backend-ram,id=m" + node + ",size=" + perNode + "M"));
			StringBuilder numa = new StringBuilder("node,nodeid=" + node);
			for (String range : plan.nodeCpus(node).toList().split(",")) {
				numa.append(",cpus=").append(range);
			}
			args.addAll(List.of("-numa", numa.append(",memdev=m").append(node).toString()));
		}
	}

	private static void device(GuestDevice device, List<String> args) {
		int k = device.index();
		String at = "bus=br" + device.bridge() + ",addr=0x" + Integer.toHexString(device.slot());
		int queues = device.spec().queues();
		if (device.kind() == DeviceKind.VIRTIO_BLK) {
			args.addAll(List.of("-blockdev", nullDisk("b" + k), "-device",
					"virtio-blk-pci," + at + ",drive=b" + k + ",num-queues=" + queues + ",disable-legacy=on"));
		} else if (device.kind() == DeviceKind.VIRTIO_NET) {
			if (queues > 1) {
				args.addAll(List.of("-netdev", "tap,id=n" + k + ",queues=" + queues + ",script=no,downscript=no,vhost=off",
						"-device", "virtio-net-pci," + at + ",netdev=n" + k + ",mq=on,vectors=" + (2 * queues + 2)
								+ ",disable-legacy=on"));
			} else {
				args.addAll(List.of("-netdev", "hubport,id=n" + k + ",hubid=" + k, "-device",
						"virtio-net-pci," + at + ",netdev=n" + k + ",disable-legacy=on"));
			}
		} else if (device.kind() == DeviceKind.NVME) {
			args.addAll(List.of("-blockdev", nullDisk("b" + k), "-device", "nvme," + at + ",drive=b" + k + ",serial=irqlab"
					+ k + ",max_ioqpairs=" + queues + ",msix_qsize=" + (queues + 1)));
		}
	}

	private static String nullDisk(String name) {
		return "driver=null-co,node-name=" + name + ",read-zeroes=on,size=" + NULL_DISK_BYTES;
	}
}
