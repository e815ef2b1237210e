package org.irqlab.dsl.tests.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.cli.IrqLabCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `check` in a folder other than the process's, as the check server runs it for a client: relative
 * files, the messages' file names and SARIF's SRCROOT follow the given folder.
 */
public class WorkingDirectoryTest {

	@TempDir
	Path folder;

	private CliRun runIn(Path directory, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = IrqLabCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true),
				new IrqLabCli.Context(directory, null, null, CancelIndicator.NullImpl));
		return new CliRun(code, out.toString(), err.toString());
	}

	@Test
	void relativeFilesResolveAgainstTheGivenFolder() throws IOException {
		Path sub = Files.createDirectories(folder.resolve("models"));
		Files.writeString(sub.resolve("nodes.irqlab"), "machine m {\n  cpus 8\n  node 0 cpus 0-8\n}\n");

		CliRun run = runIn(folder, "check", "models/nodes.irqlab", "models/../models/nodes.irqlab");

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.err());
		assertEquals("models/nodes.irqlab:3:15: error: CPU 8 is outside machine m (CPUs 0-7)", run.out().strip());
		assertEquals("models/../models/nodes.irqlab: note: the same file as models/nodes.irqlab; checked once", run.err().strip());
		CliRun inProcessFolder = CliRun.of("check", "models/nodes.irqlab");
		assertEquals(IrqLabCli.EXIT_USAGE, inProcessFolder.exitCode(), "the process's own folder has no models/: " + inProcessFolder.out());
		assertEquals("models/nodes.irqlab: error: cannot read: no such file", inProcessFolder.err().strip());
	}

	@Test
	void sarifRootIsTheGivenFolder() throws IOException {
		Files.writeString(folder.resolve("ok.irqlab"), "machine m {\n  cpus 8\n}\n");

		CliRun run = runIn(folder, "check", "--format", "sarif", "ok.irqlab", "absent.irqlab");

		assertTrue(run.out().contains("\"uri\": \"" + folder.toUri() + "\""), run.out());
		assertTrue(run.out().contains("\"uri\": \"absent.irqlab\""), run.out());
	}

	@Test
	void onlyCheckRunsThatParseAndReadNoDeviceAreServable() {
		assertTrue(IrqLabCli.servable(new String[] { "check", "a.irqlab", "--format", "json" }, folder));
		assertTrue(IrqLabCli.servable(new String[] { "check", "missing.irqlab" }, folder));
		assertFalse(IrqLabCli.servable(new String[] { "check", "--help" }, folder));
		assertFalse(IrqLabCli.servable(new String[] { "--version" }, folder));
		assertFalse(IrqLabCli.servable(new String[] { "check" }, folder));
		assertFalse(IrqLabCli.servable(new String[] { "check", "--format", "xml", "a.irqlab" }, folder));
		assertFalse(IrqLabCli.servable(new String[] { "report", "a.irqlab" }, folder));
		assertFalse(IrqLabCli.servable(new String[] { "check", "/dev/stdin" }, folder));
		assertFalse(IrqLabCli.servable(new String[] { "check", "../../../../../../../../proc/self/fd/0" }, folder));
	}
}
