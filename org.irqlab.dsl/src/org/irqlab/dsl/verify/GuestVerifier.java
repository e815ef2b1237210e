package org.irqlab.dsl.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.function.Consumer;

import org.irqlab.dsl.model.Machine;
import org.irqlab.kernel.DeviceKind;

/**
 * Runs a plan in a real kernel and compares: builds the initramfs (busybox, the kernel's own modules, the
 * init), boots QEMU (KVM where it works, else TCG), parses what the guest printed and simulates the same
 * steps from the guest's boot state.
 */
public final class GuestVerifier {

	/**
	 * How QEMU should run: try KVM and fall back to TCG, or one of them only; TCG_SINGLE runs every vCPU on one
	 * host thread (one core for a long run on a shared machine).
	 */
	public enum Acceleration {
		AUTO, KVM, TCG, TCG_SINGLE
	}

	/** A KVM guest reaches its init in seconds; one that has not after this long is hung, as on some hosts. */
	private static final long KVM_BOOT_SECONDS = 60;

	private final Consumer<String> progress;

	public GuestVerifier(Consumer<String> progress) {
		this.progress = progress;
	}

	public VerifyResult verify(GuestPlan plan, Machine machine, GuestKernel kernel, Acceleration acceleration,
			long timeoutSeconds, Path workDir) throws VerifyException {
		Path qemu = HostCommands.require("qemu-system-x86_64", "qemu-system-x86");
		requireTapWhereNeeded(plan);
		Path busybox = staticBusybox();
		Path initramfs = workDir.resolve("initramfs.cpio");
		buildInitramfs(plan, kernel, busybox, initramfs, workDir);
		Path serial = workDir.resolve("console.log");
		// a guest that dies before its init under multi-threaded TCG gets one more boot on a single thread
		List<QemuCommand.Accel> tries = accelerators(acceleration, kvmUsable(), kvmFailedMarker(), progress);
		GuestRun.Transcript transcript = null;
		VerifyException last = null;
		for (QemuCommand.Accel accel : tries) {
			progress.accept("booting " + kernel.release() + " in QEMU (" + accel + ", " + plan.cpus() + " CPUs, "
					+ plan.devices().size() + " devices, " + plan.steps().size() + " steps)");
			try {
				transcript = GuestRun.boot(QemuCommand.arguments(qemu, plan, kernel, initramfs, serial, accel), serial, accel,
						timeoutSeconds, accel == QemuCommand.Accel.KVM ? KVM_BOOT_SECONDS : timeoutSeconds,
						new Progress(plan, progress));
				if (!transcript.lines().isEmpty()) {
					break;
				}
				last = new VerifyException("the guest printed nothing; its console is in " + serial);
				if (accel == QemuCommand.Accel.KVM && acceleration == Acceleration.AUTO) {
					rememberKvmFailed("the guest did not reach its init within " + KVM_BOOT_SECONDS + " s");
				}
				if (accel == QemuCommand.Accel.TCG) {
					progress.accept("the guest died before its init (" + lastKernelLine(serial) + "); booting again with"
							+ " TCG on one thread");
				}
			} catch (VerifyException e) {
				last = e;
				if (accel == QemuCommand.Accel.KVM) {
					progress.accept("KVM did not work here (" + e.getMessage() + "); trying TCG");
					if (acceleration == Acceleration.AUTO) {
						rememberKvmFailed(e.getMessage());
					}
				}
			}
			transcript = null;
		}
		if (transcript == null) {
			throw last;
		}
		GuestObservation observation = observed(transcript.lines(), "its console is in " + serial);
		if (!observation.finished && observation.failure == null && transcript.qemuFailure() != null) {
			observation.failure = "QEMU stopped (" + transcript.qemuFailure() + ")";
		}
		progress.accept("comparing with IrqLab's simulation");
		return GuestComparison.compare(plan, machine, observation, kernel.origin(), transcript.accel().name(),
				transcript.seconds());
	}

	/**
	 * Compares a guest's console kept from an earlier run (`--keep`) with the plan again, without booting: for
	 * a model changed since, or a console recorded elsewhere.
	 *
	 * @param console every line of the console; only the init's lines are read
	 */
	public static VerifyResult compareConsole(GuestPlan plan, Machine machine, List<String> console, String origin)
			throws VerifyException {
		List<String> lines = console.stream().filter(l -> l.startsWith(GuestInit.PREFIX))
				.map(l -> l.substring(GuestInit.PREFIX.length()).replace("\r", "")).toList();
		GuestObservation observation = observed(lines, origin + " holds no complete guest run");
		if (observation.handles.size() != plan.devices().size()) {
			throw new VerifyException(origin + " is the console of a guest with " + observation.handles.size()
					+ " devices; the scenario adds " + plan.devices().size());
		}
		return GuestComparison.compare(plan, machine, observation, origin, "recorded", 0);
	}

	/** The lines of a kept console, decompressed first when it is .xz, .gz or .zst (as recorded runs are stored). */
	public static List<String> readConsole(Path file) throws VerifyException, IOException {
		String name = file.getFileName().toString();
		if (!(name.endsWith(".xz") || name.endsWith(".gz") || name.endsWith(".zst"))) {
			return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
		}
		Path plain = Files.createTempFile("irqlab-console", ".log");
		try {
			HostCommands.decompress(file, plain);
			return Files.readAllLines(plain, StandardCharsets.ISO_8859_1);
		} finally {
			Files.deleteIfExists(plain);
		}
	}

	private static GuestObservation observed(List<String> lines, String where) throws VerifyException {
		GuestObservation observation = GuestObservation.parse(lines);
		if (observation.state("boot") == null || observation.state("boot").counters == null) {
			throw new VerifyException("the guest did not report its boot state"
					+ (observation.failure != null ? " (" + observation.failure + ")" : "")
					+ "; is tracing (irq_matrix events) in this kernel? " + where);
		}
		return observation;
	}

	/** virtio-net with more than one queue pair needs a multiqueue tap device, which only root may create. */
	private static void requireTapWhereNeeded(GuestPlan plan) throws VerifyException {
		for (GuestDevice device : plan.devices()) {
			if (device.kind() == DeviceKind.VIRTIO_NET && device.spec().queues() > 1) {
				Path tun = Path.of("/dev/net/tun");
				if (!Files.isWritable(tun) || !"root".equals(System.getProperty("user.name"))) {
					throw new VerifyException("device type " + device.typeName() + " has " + device.spec().queues()
							+ " queue pairs: QEMU gives virtio-net more than one only with a multiqueue tap device, which"
							+ " needs root (CAP_NET_ADMIN) and /dev/net/tun; run verify as root or verify `queues 1`");
				}
				return;
			}
		}
	}

	/** The kernel's last words on the console, e.g. "Kernel panic - not syncing: ...". */
	private static String lastKernelLine(Path serial) {
		try {
			List<String> lines = Files.readAllLines(serial, StandardCharsets.ISO_8859_1);
			return lines.stream().filter(l -> l.contains("Kernel panic") || l.contains("Oops")).findFirst()
					.map(l -> l.replaceFirst("^\\[[ 0-9.]+\\] ", "").strip()).orElse("no panic message");
		} catch (IOException e) {
			return "no console";
		}
	}

	/**
	 * Where a failed KVM boot is remembered, so that the next `--accel auto` goes to TCG at once instead of
	 * waiting for a hung KVM guest again ($XDG_CACHE_HOME/irqlab/kvm-unusable; delete it to try KVM again).
	 */
	static Path kvmFailedMarker() {
		return DebianKernels.cache().resolveSibling("kvm-unusable");
	}

	/**
	 * The accelerators to try in turn: with `--accel auto`, KVM first where /dev/kvm is there and no earlier run
	 * left {@code marker} saying KVM hung or failed here.
	 */
	public static List<QemuCommand.Accel> accelerators(Acceleration acceleration, boolean kvmUsable, Path marker,
			Consumer<String> progress) {
		return switch (acceleration) {
			case KVM -> List.of(QemuCommand.Accel.KVM);
			case TCG -> List.of(QemuCommand.Accel.TCG, QemuCommand.Accel.TCG_ONE_THREAD);
			case TCG_SINGLE -> List.of(QemuCommand.Accel.TCG_ONE_THREAD);
			case AUTO -> kvmUsable && !kvmFailedBefore(marker, progress)
					? List.of(QemuCommand.Accel.KVM, QemuCommand.Accel.TCG, QemuCommand.Accel.TCG_ONE_THREAD)
					: List.of(QemuCommand.Accel.TCG, QemuCommand.Accel.TCG_ONE_THREAD);
		};
	}

	private static boolean kvmFailedBefore(Path marker, Consumer<String> progress) {
		if (!Files.isRegularFile(marker)) {
			return false;
		}
		String why;
		try {
			why = Files.readString(marker, StandardCharsets.UTF_8).strip();
		} catch (IOException e) {
			why = "reason not readable";
		}
		progress.accept("KVM did not work here before (" + why + "); using TCG (delete " + marker
				+ " or pass --accel kvm to try KVM again)");
		return true;
	}

	private void rememberKvmFailed(String why) {
		Path marker = kvmFailedMarker();
		try {
			Files.createDirectories(marker.getParent());
			Files.writeString(marker, why + ", " + java.time.LocalDate.now() + "\n", StandardCharsets.UTF_8);
		} catch (IOException e) {
			// only a shortcut for the next run
		}
	}

	private static boolean kvmUsable() {
		Path kvm = Path.of("/dev/kvm");
		return Files.isReadable(kvm) && Files.isWritable(kvm);
	}

	/** Busybox must be statically linked to run alone in the initramfs: Debian's busybox-static. */
	static Path staticBusybox() throws VerifyException {
		Path busybox = HostCommands.require("busybox", "busybox-static");
		try {
			byte[] bytes = Files.readAllBytes(busybox.toRealPath());
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			if (text.contains("/lib64/ld-linux") || text.contains("/lib/ld-linux")) {
				throw new VerifyException(busybox + " is dynamically linked; the guest needs a static one (Debian:"
						+ " apt-get install busybox-static)");
			}
			return busybox.toRealPath();
		} catch (IOException e) {
			throw new VerifyException(busybox + ": " + e.getMessage());
		}
	}

	private void buildInitramfs(GuestPlan plan, GuestKernel kernel, Path busybox, Path target, Path workDir)
			throws VerifyException {
		progress.accept("building the initramfs from " + kernel.modules());
		GuestModules modules = GuestModules.index(kernel.modules());
		Path unpacked = workDir.resolve("modules");
		List<GuestModules.Module> bus = new ArrayList<>();
		List<GuestModules.Module> drivers = new ArrayList<>();
		try {
			Files.createDirectories(unpacked);
			for (String needed : neededDrivers(plan)) {
				// a built-in driver probes its devices during boot: the init unbinds them before reading the boot state
				if (modules.has(needed)) {
					continue;
				}
				if (!modules.builtIn(needed)) {
					throw new VerifyException(kernel.release() + ": " + needed + " is neither a module of this kernel nor built in");
				}
				for (String parameter : plan.moduleParameters()) {
					if (parameter.startsWith(needed + " ") && !parameter.endsWith("=0")) {
						throw new VerifyException(kernel.release() + ": " + needed + " is built in, so its parameter "
								+ parameter.substring(needed.length() + 1) + " cannot be given when it loads");
					}
				}
				progress.accept(needed + " is built into " + kernel.release() + ": its devices probe during boot and are"
						+ " unbound before the first step");
			}
			if (plan.devices().stream().anyMatch(GuestDevice::isVirtio)) {
				bus.addAll(modules.loadOrder(List.of("virtio_pci"), unpacked));
			}
			for (GuestModules.Module module : modules.loadOrder(deviceDrivers(plan), unpacked)) {
				if (bus.stream().noneMatch(b -> b.name().equals(module.name()))) {
					drivers.add(module);
				}
			}
			try (Initramfs cpio = new Initramfs(target)) {
				for (String dir : List.of("bin", "dev", "proc", "sys", "lib", "lib/modules")) {
					cpio.directory(dir);
				}
				cpio.file("bin/busybox", busybox, true);
				for (GuestModules.Module module : concat(bus, drivers)) {
					cpio.file("lib/modules/" + module.name() + ".ko", module.file(), false);
				}
				String init = GuestInit.script(plan, insmodLines(bus, plan), insmodLines(drivers, plan));
				cpio.file("init", init.getBytes(StandardCharsets.UTF_8), true);
			}
		} catch (IOException e) {
			throw new VerifyException(target + ": " + e.getMessage());
		}
	}

	/** virtio_pci when there are virtio devices, then the device drivers. */
	private static List<String> neededDrivers(GuestPlan plan) {
		List<String> needed = new ArrayList<>();
		if (plan.devices().stream().anyMatch(GuestDevice::isVirtio)) {
			needed.add("virtio_pci");
		}
		needed.addAll(deviceDrivers(plan));
		return needed;
	}

	/** The drivers of the plan's devices, in a fixed order. */
	private static List<String> deviceDrivers(GuestPlan plan) {
		List<String> drivers = new ArrayList<>();
		for (DeviceKind kind : List.of(DeviceKind.VIRTIO_BLK, DeviceKind.VIRTIO_NET, DeviceKind.NVME)) {
			if (plan.devices().stream().anyMatch(d -> d.kind() == kind)) {
				drivers.add(driverModule(kind));
			}
		}
		return drivers;
	}

	static String driverModule(DeviceKind kind) {
		return switch (kind) {
			case VIRTIO_BLK -> "virtio_blk";
			case VIRTIO_NET -> "virtio_net";
			case NVME -> "nvme";
			case GENERIC_MSIX -> throw new IllegalArgumentException("no driver module for generic MSI-X devices");
		};
	}

	private static List<GuestModules.Module> concat(List<GuestModules.Module> a, List<GuestModules.Module> b) {
		List<GuestModules.Module> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/** "virtio_blk.ko num_request_queues=2": a module's file in the initramfs and the plan's non-zero parameters for it. */
	private static List<String> insmodLines(List<GuestModules.Module> modules, GuestPlan plan) {
		List<String> lines = new ArrayList<>();
		for (GuestModules.Module module : modules) {
			StringBuilder line = new StringBuilder(module.name() + ".ko");
			for (String parameter : plan.moduleParameters()) {
				String[] words = parameter.split("[ =]");
				if (words[0].equals(module.name()) && !words[2].equals("0")) {
					line.append(' ').append(words[1]).append('=').append(words[2]);
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/** Turns the guest's lines into progress: boot, each step as it completes. */
	private static final class Progress implements Consumer<String> {
		private final GuestPlan plan;
		private final Consumer<String> out;

		Progress(GuestPlan plan, Consumer<String> out) {
			this.plan = plan;
			this.out = out;
		}

		@Override
		public void accept(String line) {
			String[] words = line.split("\\s+", 3);
			if (words[0].equals("uname")) {
				out.accept("guest booted: kernel " + (words.length > 1 ? words[1] : "?"));
			} else if (words[0].equals("fail")) {
				out.accept("guest: " + line);
			} else if (words[0].equals("end") && words.length > 1 && words[1].matches("\\d+")) {
				int step = Integer.parseInt(words[1]);
				int total = plan.steps().size();
				if (total <= 40 || step % Math.max(1, total / 20) == 0 || step == total) {
					out.accept("step " + step + "/" + total + ": " + plan.steps().get(step - 1).label());
				}
			}
		}
	}

}
