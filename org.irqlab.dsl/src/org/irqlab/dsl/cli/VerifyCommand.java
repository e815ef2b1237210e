package org.irqlab.dsl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.verify.DebianKernels;
import org.irqlab.dsl.verify.GuestKernel;
import org.irqlab.dsl.verify.GuestPlanner;
import org.irqlab.dsl.verify.GuestVerifier;
import org.irqlab.dsl.verify.VerifyException;
import org.irqlab.dsl.verify.VerifyJson;
import org.irqlab.dsl.verify.VerifyReport;
import org.irqlab.dsl.verify.VerifyResult;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `irqlab verify MODEL`: the scenario on a real kernel in QEMU, compared with IrqLab's prediction step by step. */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = { "Boots a guest shaped like the scenario's machine in QEMU with a real kernel, plays the"
				+ " scenario (devices probed in order, unbind/bind, CPU offline/online), and compares every step with"
				+ " IrqLab's simulation started from the guest's own boot state: each device's path, and each interrupt's"
				+ " IRQ, affinity and effective CPU, and the matrix counters.",
				"Exit 0 when everything agrees, 1 on a difference, 2 when the model cannot be verified (the reason is"
						+ " printed) or on syntax, input or usage errors." })
final class VerifyCommand implements Callable<Integer> {

	/** A console log larger than this is not one verify wrote. */
	private static final long MAX_CONSOLE_BYTES = 1L << 30;

	enum Format {
		text, json
	}

	@Parameters(index = "0", paramLabel = "MODEL", description = "the .irqlab model")
	private Path model;

	@Option(names = "--scenario", paramLabel = "NAME", description = "the scenario to verify, when the model has several")
	private String scenarioName;

	@ArgGroup(exclusive = true, multiplicity = "1")
	private KernelChoice kernel;

	static final class KernelChoice {
		@ArgGroup(exclusive = false)
		LocalKernel local;

		@Option(names = "--debian-kernel", paramLabel = "PACKAGE", required = true,
				description = "a Debian kernel package (linux-image-...), fetched with the system's apt-get and cached")
		String debianPackage;

		@Option(names = "--console", paramLabel = "FILE", required = true,
				description = "compare the console of an earlier run (kept with --keep) again, without booting")
		Path console;
	}

	static final class LocalKernel {
		@Option(names = "--kernel", paramLabel = "VMLINUZ", required = true, description = "a kernel image, e.g. /boot/vmlinuz-$(uname -r)")
		Path image;

		@Option(names = "--modules", paramLabel = "DIR", required = true, description = "its modules, e.g. /lib/modules/$(uname -r)")
		Path modules;
	}

	@Option(names = "--format", defaultValue = "text", description = "text (default) or json")
	private Format format;

	@Option(names = "--accel", defaultValue = "auto", paramLabel = "auto|kvm|tcg|tcg-single",
			description = "QEMU's accelerator: KVM where /dev/kvm works, else TCG (auto, the default); tcg-single runs"
					+ " every vCPU on one host thread (one core, slower)")
	private String accel;

	@Option(names = "--timeout", defaultValue = "3600", paramLabel = "SECONDS", description = "give up on a guest after this long (default 3600)")
	private long timeoutSeconds;

	@Option(names = "--keep", description = "keep the working folder (initramfs, console log) and print where it is")
	private boolean keep;

	@Spec
	private CommandSpec spec;

	private int compareConsole(GuestPlanner.Result planned, Scenario scenario, PrintWriter out, PrintWriter err) {
		try {
			if (!Files.isRegularFile(kernel.console) || Files.size(kernel.console) > MAX_CONSOLE_BYTES) {
				err.println(kernel.console + ": error: not a console log (a regular file of at most "
						+ MAX_CONSOLE_BYTES / (1 << 20) + " MiB)");
				return IrqLabCli.EXIT_USAGE;
			}
			List<String> console = GuestVerifier.readConsole(kernel.console);
			VerifyResult result = GuestVerifier.compareConsole(planned.plan(), scenario.getMachine(), console,
					kernel.console.toString());
			print(result, out);
			return result.agrees() ? IrqLabCli.EXIT_CLEAN : IrqLabCli.EXIT_ERRORS;
		} catch (VerifyException e) {
			err.println("irqlab verify: error: " + e.getMessage());
			return IrqLabCli.EXIT_USAGE;
		} catch (IOException e) {
			err.println(kernel.console + ": error: cannot read: " + e.getMessage());
			return IrqLabCli.EXIT_USAGE;
		}
	}

	private void print(VerifyResult result, PrintWriter out) {
		out.print(format == Format.json ? VerifyJson.toJson(model.toString(), result)
				: VerifyReport.text(model.toString(), result));
		out.flush();
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		PrintWriter err = spec.commandLine().getErr();
		GuestVerifier.Acceleration acceleration;
		try {
			acceleration = GuestVerifier.Acceleration.valueOf(accel.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		} catch (IllegalArgumentException e) {
			err.println("irqlab verify: error: --accel takes auto, kvm, tcg or tcg-single, not " + accel);
			return IrqLabCli.EXIT_USAGE;
		}
		Scenario scenario = ScenarioChoice.load(model, scenarioName, "verify plays a scenario", err);
		if (scenario == null) {
			return IrqLabCli.EXIT_USAGE;
		}
		GuestPlanner.Result planned = GuestPlanner.plan(scenario);
		if (!planned.verifiable()) {
			err.println(model + ": scenario " + scenario.getName() + " cannot be verified:");
			planned.reasons().forEach(reason -> err.println("  " + reason));
			return IrqLabCli.EXIT_USAGE;
		}
		if (kernel.console != null) {
			return compareConsole(planned, scenario, out, err);
		}
		Path workDir = null;
		try {
			GuestVerifier verifier = new GuestVerifier(message -> {
				err.println("irqlab verify: " + message);
				err.flush();
			});
			GuestKernel guestKernel = kernel.debianPackage != null
					? DebianKernels.fetch(kernel.debianPackage, DebianKernels.cache(), m -> err.println("irqlab verify: " + m))
					: GuestKernel.local(kernel.local.image, kernel.local.modules);
			workDir = Files.createTempDirectory("irqlab-verify-");
			VerifyResult result = verifier.verify(planned.plan(), scenario.getMachine(), guestKernel, acceleration,
					timeoutSeconds, workDir);
			print(result, out);
			return result.agrees() ? IrqLabCli.EXIT_CLEAN : IrqLabCli.EXIT_ERRORS;
		} catch (VerifyException e) {
			err.println("irqlab verify: error: " + e.getMessage());
			keep = keep || workDir != null;
			return IrqLabCli.EXIT_USAGE;
		} catch (IOException e) {
			err.println("irqlab verify: error: " + e.getMessage());
			return IrqLabCli.EXIT_USAGE;
		} finally {
			if (workDir != null) {
				if (keep) {
					err.println("irqlab verify: the guest's files are in " + workDir);
				} else {
					DebianKernels.deleteTree(workDir);
				}
			}
		}
	}
}
