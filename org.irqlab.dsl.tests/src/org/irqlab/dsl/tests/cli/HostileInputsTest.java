package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.irqlab.dsl.cli.IrqLabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

/** Issue #14: inputs a careless or hostile user gives the command line, each with its reproducer. */
public class HostileInputsTest {

	@TempDir
	Path folder;

	// ---- the same file twice

	@Test
	void theSameFileTwiceIsCheckedOnce() {
		String seed = CliRun.examples().resolve("seed-incident.irqlab").toString();

		CliRun run = CliRun.of("check", seed, seed);

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.err());
		assertFalse(run.out().contains("already registered") || run.err().contains("already registered"), run.out());
		assertTrue(run.err().contains(seed + ": note: given more than once; checked once"), run.err());
		CliRun once = CliRun.of("check", seed);
		assertEquals(once.out(), run.out(), "the diagnostics of one check");
	}

	@Test
	void theSameFileUnderTwoNamesIsCheckedOnceAsJson() {
		Path seed = CliRun.examples().resolve("seed-incident.irqlab");
		String other = seed.getParent().resolve("../examples/seed-incident.irqlab").toString();

		CliRun run = CliRun.of("check", "--format", "json", seed.toString(), other);

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.err());
		JsonArray files = JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("files");
		assertEquals(1, files.size(), run.out());
		assertFalse(run.out().contains("already registered"), run.out());
		assertEquals(1, files.get(0).getAsJsonObject().getAsJsonArray("scenarios").size(), "the real results");
		assertTrue(run.err().contains(other + ": note: the same file as " + seed + "; checked once"), run.err());
	}

	// ---- numbers beyond int

	@Test
	void aNumberTooLargeIsOneErrorAtTheNumber() throws IOException {
		Path model = write("big.irqlab", "machine m { kernel 6.1 cpus 4 nodes 1 }\n"
				+ "device d : virtio_blk { queues 1 intx 11 }\n"
				+ "scenario s on m {\n  add 2147483648 x d\n}\n");

		CliRun run = CliRun.of("check", model.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.out());
		assertEquals(List.of(model + ":4:7: error: the number 2147483648 is too large: IrqLab's numbers go up to 2147483647"
				+ " (and every count the kernel takes is far below that)"), run.outLines());
	}

	@Test
	void aCpuCountTooLargeHasNoFollowUp() throws IOException {
		Path model = write("cpus.irqlab", "machine m {\n  cpus 99999999999999999999999999999999\n}\n");

		CliRun run = CliRun.of("check", model.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.out());
		assertEquals(1, run.outLines().size(), run.out());
		assertTrue(run.out().startsWith(model + ":2:8: error: the number 9999999999... (32 digits) is too large"), run.out());
	}

	// ---- the simulation budget

	@Test
	void theBudgetCanBeRaisedOnTheCommandLine() throws IOException {
		Path model = write("offline.irqlab", "machine big { kernel 6.1 cpus 1024 nodes 1 }\n"
				+ "scenario half on big {\n  offline 512-1023\n}\n");

		CliRun refused = CliRun.of("check", model.toString());
		assertEquals(IrqLabCli.EXIT_ERRORS, refused.exitCode(), refused.out());
		assertTrue(refused.out().contains("raise the bound with --budget 268435456"), refused.out());

		CliRun raised = CliRun.of("check", "--budget", "256M", model.toString());
		assertEquals(IrqLabCli.EXIT_CLEAN, raised.exitCode(), raised.out());
		assertFalse(raised.out().contains("--budget"), raised.out());

		CliRun again = CliRun.of("check", model.toString());
		assertEquals(refused.out(), again.out(), "the default comes back after the run");

		CliRun bad = CliRun.of("check", "--budget", "lots", model.toString());
		assertEquals(IrqLabCli.EXIT_USAGE, bad.exitCode());
		assertTrue(bad.err().contains("'lots' is not a number of work units"), bad.err());
	}

	// ---- unknown commands

	@Test
	void anUnknownCommandWithHelpIsAnError() {
		CliRun run = CliRun.of("verfy", "--help");

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertEquals("", run.out());
		assertTrue(run.err().startsWith("irqlab: unknown command 'verfy'; did you mean '"), run.err());

		CliRun typo = CliRun.of("chekc", "x.irqlab");
		assertEquals(IrqLabCli.EXIT_USAGE, typo.exitCode());
		assertTrue(typo.err().contains("did you mean 'check'?"), typo.err());

		assertEquals(IrqLabCli.EXIT_CLEAN, CliRun.of("--help").exitCode());
		assertEquals(IrqLabCli.EXIT_CLEAN, CliRun.of("check", "--help").exitCode());
	}

	// ---- import's output file

	@Test
	void importRefusesADanglingSymbolicLink() throws IOException {
		Path target = folder.resolve("elsewhere.irqlab");
		Path link = Files.createSymbolicLink(folder.resolve("host.irqlab"), target);

		CliRun run = CliRun.of("import", "--from", capture().toString(), "-o", link.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.err());
		assertEquals(link + ": error: is a symbolic link (to a missing file); pass --force to replace it\n", run.err());
		assertTrue(Files.isSymbolicLink(link));
		assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "nothing written through the link");
	}

	@Test
	void importWritesWithTheUsersUmask() throws IOException {
		Path probe = Files.createFile(folder.resolve("probe"));
		Path model = folder.resolve("host.irqlab");

		CliRun run = CliRun.of("import", "--from", capture().toString(), "-o", model.toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.err());
		assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(model),
				"as any file the user creates (0666 less the umask)");
		try (Stream<Path> files = Files.list(folder)) {
			assertEquals(2, files.count(), "no temporary file left");
		}
	}

	private static Path capture() {
		return CliRun.examples().toAbsolutePath().normalize().resolveSibling("org.irqlab.dsl.tests")
				.resolve("resources/import-fixtures/healthy-6.12");
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(folder.resolve(name), text);
	}
}
