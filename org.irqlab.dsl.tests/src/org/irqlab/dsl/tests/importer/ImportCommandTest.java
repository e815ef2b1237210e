package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.irqlab.dsl.cli.IrqLabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `irqlab import`: what it prints, and that bad input leaves the user's files as they were. */
public class ImportCommandTest {

	@TempDir
	Path folder;

	private List<String> filesIn(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void writesTheModelAndSaysWhatItFound() throws IOException {
		Path model = folder.resolve("host.irqlab");

		Fixtures.Run run = Fixtures.Run.of("import", "--from", Fixtures.dir(Fixtures.HEALTHY).toString(), "-o", model.toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.err());
		assertEquals("", run.err());
		assertTrue(run.out().contains("  devices present (in the machine's load): virtio0, virtio1, nvme0\n"), run.out());
		assertTrue(run.out().endsWith("next: irqlab check " + model + "\n"), run.out());
		assertTrue(Files.readString(model).startsWith("// Imported by `irqlab import` from "));
		assertEquals(List.of("host.irqlab"), filesIn(folder), "no temporary file left");
	}

	@Test
	void anExistingFileIsKeptWithoutForce() throws IOException {
		Path model = folder.resolve("host.irqlab");
		Files.writeString(model, "// my notes\n");

		Fixtures.Run refused = Fixtures.Run.of("import", "--from", Fixtures.dir(Fixtures.HEALTHY).toString(), "-o", model.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, refused.exitCode());
		assertEquals(model + ": error: already exists; pass --force to replace it\n", refused.err());
		assertEquals("// my notes\n", Files.readString(model));

		Fixtures.Run forced = Fixtures.Run.of("import", "--force", "--from", Fixtures.dir(Fixtures.HEALTHY).toString(), "-o",
				model.toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, forced.exitCode(), forced.err());
		assertTrue(Files.readString(model).contains("machine host {"));
		assertEquals(List.of("host.irqlab"), filesIn(folder));
	}

	@Test
	void aTruncatedFileIsNamedWithItsLineAndNothingIsWritten() throws IOException {
		Path capture = Fixtures.copy(Fixtures.INCIDENT, folder);
		Path interrupts = capture.resolve("proc/interrupts");
		String text = Files.readString(interrupts);
		Files.writeString(interrupts, text.substring(0, text.indexOf("virtio3-req.0") - 40));
		Path model = folder.resolve("out/host.irqlab");
		Files.createDirectories(model.getParent());

		Fixtures.Run run = Fixtures.Run.of("import", "--from", capture.toString(), "-o", model.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertEquals(interrupts + ":18: error: irq 118 has 79 per-CPU counts where the header names 80 CPUs (truncated line?)\n",
				run.err());
		assertFalse(run.err().contains("Exception"), run.err());
		assertEquals(List.of(), filesIn(model.getParent()), "nothing half-written");
	}

	@Test
	void aMalformedCrashSessionGivenOnItsOwn() throws IOException {
		Path crash = folder.resolve("session.txt");
		Files.writeString(crash, "crash> p *vector_matrix\n$1 = {\n  matrix_bits = 256,\n");
		Path model = folder.resolve("dump.irqlab");

		Fixtures.Run run = Fixtures.Run.of("import", "--crash", crash.toString(), "-o", model.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertEquals(crash + ":3: error: the session ends inside vector_matrix's value, before its closing `}` (truncated"
				+ " copy?)\n", run.err());
		assertFalse(Files.exists(model));
	}

	@Test
	void aCaptureWithoutCpuInformationIsRefused() throws IOException {
		Path empty = Files.createDirectories(folder.resolve("capture"));

		Fixtures.Run run = Fixtures.Run.of("import", "--from", empty.toString(), "-o", folder.resolve("x.irqlab").toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertTrue(run.err().startsWith(empty + ": error: holds no CPU information: expected sys/devices/system/cpu/possible"),
				run.err());
	}

	@Test
	void usageErrors() {
		Fixtures.Run noOutput = Fixtures.Run.of("import", "--from", Fixtures.dir(Fixtures.HEALTHY).toString());
		Fixtures.Run badName = Fixtures.Run.of("import", "--name", "cpus", "-o", folder.resolve("x.irqlab").toString());
		Fixtures.Run noDir = Fixtures.Run.of("import", "--from", folder.resolve("absent").toString(), "-o",
				folder.resolve("x.irqlab").toString());

		assertEquals(IrqLabCli.EXIT_USAGE, noOutput.exitCode());
		assertTrue(noOutput.err().contains("Missing required option: '--output=FILE'"), noOutput.err());
		assertEquals(IrqLabCli.EXIT_USAGE, badName.exitCode());
		assertTrue(badName.err().contains("--name cpus is not a name the language accepts"), badName.err());
		assertEquals(folder.resolve("absent") + ": error: no such directory\n", noDir.err());
	}
}
