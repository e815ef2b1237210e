package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.report.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `irqlab report`: where it writes, what it refuses, and its exit codes. */
public class ReportCommandTest {

	@Test
	void writesEveryOutputOfTheSeedUnderFileAndScenario(@TempDir Path dir) throws IOException {
		Path out = dir.resolve("reports");
		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", out.toString(), "--steps",
				Reports.examples().resolve("seed-incident.irqlab").toString());
		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.err());
		Path scenario = out.resolve("seed-incident/hotplug");
		for (String name : List.of("report.html", "report.md", "report.json", "vector-matrix.txt",
				"virtio_blk-drop-irq-affinity.cocci", "virtio_pci-no-intx-without-irq.cocci")) {
			assertTrue(Files.isRegularFile(scenario.resolve(name)), name + " missing");
		}
		assertFalse(Files.exists(scenario.resolve("0001-virtio_blk-drop-irq-affinity.patch")),
				"no patch mail without --kernel-tree");
		assertTrue(run.out().contains("hotplug on inspur: 221 of 512 probes fail"), run.out());
		try (Stream<Path> steps = Files.list(scenario.resolve("steps"))) {
			assertEquals(1, steps.count(), "one matrix per event of the seed (one add)");
		}
		try (Stream<Path> all = Files.walk(out)) {
			assertTrue(all.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary files left behind");
		}
		String debugfs = Files.readString(scenario.resolve("vector-matrix.txt"));
		assertTrue(debugfs.startsWith("name:   VECTOR\n size:   0\n mapped: "), debugfs);
		assertTrue(debugfs.contains("Global available:      1\n"), debugfs);
	}

	@Test
	void refusesAFolderWithTheUsersFiles(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("notes.txt"), "mine");
		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", dir.toString(),
				Reports.examples().resolve("seed-incident.irqlab").toString());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertTrue(run.err().contains("already holds files that irqlab report did not write"), run.err());
		assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
		try (Stream<Path> all = Files.list(dir)) {
			assertEquals(1, all.count(), "nothing written");
		}
	}

	@Test
	void writesAgainIntoItsOwnFolder(@TempDir Path dir) {
		String seed = Reports.examples().resolve("seed-incident.irqlab").toString();
		assertEquals(IrqLabCli.EXIT_ERRORS, JsonContractTest.cli("report", "-o", dir.resolve("r").toString(), seed).exitCode());
		assertEquals(IrqLabCli.EXIT_ERRORS, JsonContractTest.cli("report", "-o", dir.resolve("r").toString(), seed).exitCode());
	}

	@Test
	void syntaxErrorsGiveNoReport(@TempDir Path dir) throws IOException {
		Path broken = dir.resolve("broken.irqlab");
		Files.writeString(broken, "scenario s on {\n");
		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", dir.resolve("out").toString(), broken.toString());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertTrue(run.err().contains("broken.irqlab:") && run.err().contains("no report"), run.err());
		assertFalse(Files.exists(dir.resolve("out/broken")));
	}

	@Test
	void missingKernelTreeIsAUsageError(@TempDir Path dir) {
		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", dir.resolve("out").toString(), "--kernel-tree",
				dir.resolve("linux").toString(), Reports.examples().resolve("seed-incident.irqlab").toString());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertTrue(run.err().contains("--kernel-tree"), run.err());
	}

	@Test
	void pathsThatLeaveTheFolderAreRefused(@TempDir Path dir) throws IOException {
		OutputFolder folder = OutputFolder.open(dir.resolve("out"));
		for (String bad : List.of("../x", "a/../../x", "/etc/passwd", "a//b", "./x", "")) {
			assertThrows(IOException.class, () -> folder.write(bad, "no"), bad);
		}
		Files.createDirectories(dir.resolve("elsewhere"));
		Files.createSymbolicLink(dir.resolve("out/link"), dir.resolve("elsewhere"));
		IOException refused = assertThrows(IOException.class, () -> folder.write("link/x.txt", "no"));
		assertTrue(refused.getMessage().contains("leave"), refused.getMessage());
		assertFalse(Files.exists(dir.resolve("elsewhere/x.txt")));
		try (Stream<Path> all = Files.list(dir)) {
			assertEquals(2, all.count(), "nothing written beside the folder");
		}
	}

	@Test
	void writesInsideTheFolder(@TempDir Path dir) throws IOException {
		OutputFolder folder = OutputFolder.open(dir.resolve("out"));
		Path written = folder.write("a/b/c.txt", "text\n");
		assertEquals(dir.resolve("out/a/b/c.txt").toRealPath(), written.toRealPath());
		assertEquals("text\n", Files.readString(written));
		folder.write("a/b/c.txt", "replaced\n");
		assertEquals("replaced\n", Files.readString(written));
	}
}
