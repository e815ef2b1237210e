package org.irqlab.dsl.tests.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.irqlab.dsl.cli.ModelLoader;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.verify.GuestInit;
import org.irqlab.dsl.verify.GuestPlan;
import org.irqlab.dsl.verify.GuestPlanner;
import org.irqlab.dsl.verify.GuestStep;
import org.irqlab.dsl.verify.Initramfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How verify shapes a guest from a scenario: its devices behind bridges, its steps, its init script and initramfs. */
class GuestPlanTest {

	@TempDir
	Path dir;

	private GuestPlanner.Result plan(String text) throws IOException {
		Path model = dir.resolve("m.irqlab");
		Files.writeString(model, text);
		ModelLoader.Result loaded = new ModelLoader().loadAndValidate(List.of(model));
		Model root = (Model) loaded.resources().get(model).getContents().get(0);
		Scenario scenario = root.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast)
				.findFirst().orElseThrow();
		return GuestPlanner.plan(scenario);
	}

	private static final String MACHINE = "machine vm {\n    kernel 6.1\n    cpus 8\n    nodes 2\n}\n"
			+ "device disk : virtio_blk {\n    queues 2\n    numa none\n}\n"
			+ "device fast : virtio_blk {\n    queues 2\n    num_request_queues 1\n    numa none\n}\n"
			+ "device ssd : nvme {\n    queues 8\n    numa none\n}\n";

	@Test
	void devicesSitBehindBridgesInAddOrder() throws IOException {
		GuestPlan plan = plan(MACHINE + "scenario s on vm {\n    add 40 x disk\n    add ssd as last\n    unbind last\n"
				+ "    offline 5-6\n}\n").plan();
		assertEquals(41, plan.devices().size());
		assertEquals("0000:00:02.0/0000:*:00.0", plan.devices().get(0).sysfsPattern());
		assertEquals("0000:00:02.0/0000:*:1f.0", plan.devices().get(31).sysfsPattern());
		assertEquals("0000:00:03.0/0000:*:00.0", plan.devices().get(32).sysfsPattern(), "a bridge holds 32 devices");
		assertEquals("0000:00:03.0/0000:*:08.0", plan.devices().get(40).sysfsPattern());
		assertEquals(2, plan.bridges());
		List<GuestStep> steps = plan.steps();
		assertEquals(44, steps.size());
		assertEquals(new GuestStep(GuestStep.Action.UNBIND, 40, -1, 22, "unbind last"), steps.get(41));
		assertEquals(GuestStep.Action.OFFLINE, steps.get(42).action());
		assertEquals(6, steps.get(43).cpu());
		assertEquals("0-3", plan.nodeCpus(0).toList());
		assertTrue(plan.notes().isEmpty(), plan.notes().toString());
	}

	@Test
	void removeTakesTheLastDevicesOfTheTypeOrTheNamedOne() throws IOException {
		GuestPlan plan = plan(MACHINE + "scenario s on vm {\n    add 3 x disk\n    add ssd as fast\n    remove 2 x disk\n"
				+ "    remove fast\n    add disk\n}\n").plan();
		List<GuestStep> steps = plan.steps();
		assertEquals(new GuestStep(GuestStep.Action.REMOVE, 2, -1, 22, "remove disk (1 of 2)"), steps.get(4));
		assertEquals(new GuestStep(GuestStep.Action.REMOVE, 1, -1, 22, "remove disk (2 of 2)"), steps.get(5));
		assertEquals(new GuestStep(GuestStep.Action.REMOVE, 3, -1, 23, "remove fast"), steps.get(6));
		assertEquals(new GuestStep(GuestStep.Action.PROBE, 4, -1, 24, "add disk"), steps.get(7),
				"a device added after a removal is a new function of the guest");
		String script = GuestInit.script(plan, List.of(), List.of());
		assertTrue(script.contains("echo 1 > /sys/bus/pci/devices/$A2/remove\nobserve 5\n"), script);
	}

	@Test
	void moduleParametersMustAgreeAcrossTypes() throws IOException {
		GuestPlanner.Result result = plan(MACHINE + "scenario s on vm {\n    add disk\n    add fast\n}\n");
		assertFalse(result.verifiable());
		assertEquals(List.of("line 21: virtio_blk num_request_queues is a module parameter, the same for every device;"
				+ " the model's types give it both 0 and 1"), result.reasons());
	}

	@Test
	void cpuZeroCannotGoOffline() throws IOException {
		GuestPlanner.Result result = plan(MACHINE + "scenario s on vm {\n    add disk\n    offline 0-1\n}\n");
		assertEquals(List.of("line 21: CPU 0 cannot be taken offline in an x86 guest"), result.reasons());
	}

	@Test
	void initScriptIsValidShellAndLoadsDriversWithTheirParameters() throws Exception {
		GuestPlan plan = plan(MACHINE + "scenario s on vm {\n    add 2 x fast\n    add ssd\n    online 7\n}\n").plan();
		String script = GuestInit.script(plan, List.of("virtio.ko", "virtio_pci.ko"),
				List.of("virtio_blk.ko num_request_queues=1", "nvme_core.ko", "nvme.ko"));
		Path init = dir.resolve("init");
		Files.writeString(init, script);
		Process check = new ProcessBuilder("sh", "-n", init.toString()).redirectErrorStream(true).start();
		assertTrue(check.waitFor(30, TimeUnit.SECONDS));
		assertEquals(0, check.exitValue(), new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		assertTrue(script.indexOf("insmod /lib/modules/virtio_pci.ko") < script.indexOf("echo 0 > /sys/bus/pci/drivers_autoprobe"),
				"virtio_pci binds the virtio functions before automatic binding is turned off");
		assertTrue(script.contains("insmod /lib/modules/virtio_blk.ko num_request_queues=1"), script);
		assertTrue(script.contains("A2=$(ls -d /sys/devices/pci0000:00/0000:00:02.0/0000:*:02.0 2>/dev/null | sed 's,.*/,,')\n"),
				"devices are found below their bridge: the guest numbers the buses");
		assertTrue(script.contains("H2=$A2\n"), "the NVMe controller is probed by its PCI address");
		assertTrue(script.contains("probe 2\nobserve 3\necho 1 > /sys/devices/system/cpu/cpu7/online\nobserve 4\n"), script);
	}

	@Test
	void initramfsIsANewcArchiveTheKernelCanUnpack() throws IOException {
		Path archive = dir.resolve("initramfs.cpio");
		try (Initramfs cpio = new Initramfs(archive)) {
			cpio.directory("bin");
			cpio.file("bin/tool", new byte[] { 1, 2, 3 }, true);
			cpio.symlink("bin/sh", "tool");
		}
		List<String> entries = new ArrayList<>();
		try (InputStream in = Files.newInputStream(archive)) {
			byte[] all = in.readAllBytes();
			int at = 0;
			while (true) {
				String header = new String(all, at, 110, StandardCharsets.US_ASCII);
				assertEquals("070701", header.substring(0, 6));
				int mode = Integer.parseInt(header.substring(14, 22), 16);
				int size = Integer.parseInt(header.substring(54, 62), 16);
				int nameSize = Integer.parseInt(header.substring(94, 102), 16);
				String name = new String(all, at + 110, nameSize - 1, StandardCharsets.US_ASCII);
				at = align(at + 110 + nameSize);
				entries.add(name + " " + Integer.toOctalString(mode) + " " + size);
				at = align(at + size);
				if (name.equals("TRAILER!!!")) {
					assertEquals(all.length, at, "nothing after the trailer");
					break;
				}
			}
		}
		assertEquals(List.of("bin 40755 0", "bin/tool 100755 3", "bin/sh 120777 4", "TRAILER!!! 0 0"), entries);
	}

	private static int align(int offset) {
		return (offset + 3) & ~3;
	}
}
