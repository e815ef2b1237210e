package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.irqlab.dsl.cli.IrqLabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of `irqlab` for good and bad input: never a stack trace. */
public class CommandLineTest {

	@TempDir
	Path folder;

	@Test
	void syntaxErrorIsReportedAtFileLineColumnWithExitTwo() throws IOException {
		Path model = write("broken.irqlab", "machine m {\n  cpus\n}\n");

		CliRun run = CliRun.of("check", model.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertEquals(model + ":3:1: error: expected a number before '}'", run.out().strip());
	}

	@Test
	void validationErrorGivesExitOne() throws IOException {
		Path model = write("nodes.irqlab", "machine m {\n  cpus 8\n  node 0 cpus 0-8\n}\n");

		CliRun run = CliRun.of("check", model.toString());

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode());
		assertEquals(model + ":3:15: error: CPU 8 is outside machine m (CPUs 0-7)", run.out().strip());
	}

	@Test
	void missingFileIsAUsageErrorWithoutTrace() {
		CliRun run = CliRun.of("check", folder.resolve("absent.irqlab").toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertTrue(run.err().contains("absent.irqlab: error: cannot read: no such file"), run.err());
		assertFalse(run.err().contains("Exception"), run.err());
	}

	@Test
	void filesReferToEachOthersMachinesAndDevices() throws IOException {
		Path machines = write("hosts.irqlab", "package lab\nmachine vm { kernel 6.1 cpus 4 nodes 1 }\n"
				+ "device disk : virtio_blk { queues 2 intx 11 }\n");
		Path plan = write("plan.irqlab", "import lab.*\nscenario s on vm { add 2 x disk }\n");

		CliRun run = CliRun.of("check", machines.toString(), plan.toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.out());
		assertTrue(run.out().contains("plan.irqlab:2:10: info: at the end:"), run.out());
	}

	@Test
	void unknownOptionIsAUsageError() {
		CliRun run = CliRun.of("check", "--frobnicate", "x.irqlab");

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertTrue(run.err().contains("Unknown option: '--frobnicate'"), run.err());
	}

	@Test
	void helpAndVersionExitCleanly() {
		CliRun help = CliRun.of("--help");
		CliRun version = CliRun.of("--version");

		assertEquals(0, help.exitCode());
		assertTrue(help.out().contains("check"), help.out());
		assertEquals(0, version.exitCode());
		assertTrue(version.out().startsWith("irqlab "), version.out());
	}

	private Path write(String name, String text) throws IOException {
		Path file = folder.resolve(name);
		Files.writeString(file, text);
		return file;
	}
}
