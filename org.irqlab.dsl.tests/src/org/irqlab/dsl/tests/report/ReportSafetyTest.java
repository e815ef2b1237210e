package org.irqlab.dsl.tests.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.report.OutputFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #14: `irqlab report` never lets one report replace another, never writes outside DIR, never leaves a mix. */
public class ReportSafetyTest {

	@TempDir
	Path dir;

	private Path seedCopy(String relative) throws IOException {
		Path copy = dir.resolve(relative);
		Files.createDirectories(copy.getParent());
		return Files.copy(Reports.examples().resolve("seed-incident.irqlab"), copy);
	}

	@Test
	void twoFilesOfOneNameInTwoFoldersAreRefusedBeforeWriting() throws IOException {
		Path a = seedCopy("a/x.irqlab");
		Path b = seedCopy("b/x.irqlab");
		Path out = dir.resolve("out");

		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", out.toString(), a.toString(), b.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.err());
		assertTrue(run.err().contains(b + ": error: its reports would go to x/ in the output folder, as those of " + a
				+ " do: one would replace the other"), run.err());
		assertTrue(run.err().contains("nothing written"), run.err());
		assertEquals("", run.out());
		assertFalse(Files.exists(out), "nothing written, not even the folder");
	}

	@Test
	void namesThatMapToOneFolderCollide() throws IOException {
		Path spaced = seedCopy("a b.irqlab");
		Path underscored = seedCopy("a_b.irqlab");

		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", dir.resolve("out").toString(), spaced.toString(),
				underscored.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.err());
		assertTrue(run.err().contains(underscored + ": error: its reports would go to a_b/") && run.err().contains(spaced.toString()),
				run.err());
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void twoScenariosOfOneNameCollide() throws IOException {
		Path model = Files.writeString(dir.resolve("twice.irqlab"), "machine m { kernel 6.1 cpus 4 nodes 1 }\n"
				+ "device d : virtio_blk { queues 1 intx 11 }\n"
				+ "scenario s on m { add 1 x d }\n"
				+ "scenario s on m { add 2 x d }\n");

		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", dir.resolve("out").toString(), model.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.err());
		assertTrue(run.err().contains(model + ":4:10: error: the report of scenario s would go to twice/s/, as that of scenario s"
				+ " at line 3: one would replace the other"), run.err());
		assertFalse(Files.exists(dir.resolve("out")));
	}

	@Test
	void theSameFileTwiceIsReportedOnce() throws IOException {
		Path seed = seedCopy("seed.irqlab");

		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", dir.resolve("out").toString(), seed.toString(),
				seed.toString());

		assertEquals(IrqLabCli.EXIT_ERRORS, run.exitCode(), run.err());
		assertEquals(1, run.out().lines().count(), run.out());
		assertTrue(run.err().contains(seed + ": note: given more than once; reported once"), run.err());
	}

	@Test
	void nothingIsCreatedThroughALinkToOutside() throws IOException {
		Path seed = seedCopy("seed-incident.irqlab");
		Path out = dir.resolve("out");
		Path outside = Files.createDirectories(dir.resolve("outside"));
		OutputFolder.open(out);
		Files.createSymbolicLink(out.resolve("seed-incident"), outside);

		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", out.toString(), seed.toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.err());
		assertTrue(run.err().contains("is a symbolic link, it would leave"), run.err());
		try (Stream<Path> created = Files.list(outside)) {
			assertEquals(List.of(), created.toList(), "nothing created outside the output folder");
		}
	}

	@Test
	void aDanglingLinkAsTheOutputFolderIsRefused() throws IOException {
		Path link = Files.createSymbolicLink(dir.resolve("out"), dir.resolve("missing"));

		JsonContractTest.Run run = JsonContractTest.cli("report", "-o", link.toString(), seedCopy("s.irqlab").toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.err());
		assertTrue(run.err().contains("is a symbolic link"), run.err());
		assertFalse(Files.exists(dir.resolve("missing")));
	}

	@Test
	void aReportFolderIsReplacedWholeWithoutTheOldSteps() throws IOException {
		Path seed = seedCopy("seed-incident.irqlab");
		Path out = dir.resolve("out");
		JsonContractTest.cli("report", "--steps", "-o", out.toString(), seed.toString());
		assertTrue(Files.isDirectory(out.resolve("seed-incident/hotplug/steps")));

		JsonContractTest.Run again = JsonContractTest.cli("report", "-o", out.toString(), seed.toString());

		assertEquals(IrqLabCli.EXIT_ERRORS, again.exitCode(), again.err());
		assertFalse(Files.exists(out.resolve("seed-incident/hotplug/steps")), "no step file of the previous report beside the new one");
		try (Stream<Path> all = Files.walk(out)) {
			assertTrue(all.noneMatch(p -> p.getFileName().toString().matches(".*\\.irqlab-(new|old)-.*") || p.toString().endsWith(".tmp")),
					"no temporary left");
		}
	}

	@Test
	void anInterruptedWriteLeavesThePreviousReportWhole() throws IOException {
		OutputFolder folder = OutputFolder.open(dir.resolve("out"));
		folder.writeFolder("x/s", List.of(Map.entry("report.html", "old"), Map.entry("steps/001.txt", "old step")));

		// what SIGINT does: the shutdown hook runs while the files are being written
		Iterable<Map.Entry<String, String>> interrupted = () -> new Iterator<>() {
			int given;

			@Override
			public boolean hasNext() {
				return given < 3;
			}

			@Override
			public Map.Entry<String, String> next() {
				if (++given == 2) {
					folder.abandon();
				}
				return Map.entry("file" + given + ".txt", "new");
			}
		};
		assertThrows(IOException.class, () -> folder.writeFolder("x/s", interrupted));

		Path report = dir.resolve("out/x/s");
		assertEquals("old", Files.readString(report.resolve("report.html")));
		assertEquals("old step", Files.readString(report.resolve("steps/001.txt")));
		try (Stream<Path> all = Files.walk(dir.resolve("out/x"))) {
			assertEquals(List.of("001.txt", "report.html", "s", "steps", "x"),
					all.map(p -> p.getFileName().toString()).sorted().toList(), "nothing new, nothing temporary");
		}
	}

	@Test
	void whatAKilledRunLeftIsCleanedUpByTheNext() throws IOException {
		Path out = dir.resolve("out");
		OutputFolder.open(out).writeFolder("x/kept", List.of(Map.entry("report.html", "kept")));
		// killed while writing x/new, and between the two renames of x/moved: its previous report is aside
		Files.createDirectories(out.resolve("x/.new.irqlab-new-123"));
		Files.writeString(out.resolve("x/.new.irqlab-new-123/report.html"), "half");
		Files.createDirectories(out.resolve("x/.moved.irqlab-old-456"));
		Files.writeString(out.resolve("x/.moved.irqlab-old-456/report.html"), "previous");
		Files.writeString(out.resolve("x/kept/.report.html8123.tmp"), "orphan of a single write");

		OutputFolder.open(out);

		assertEquals("previous", Files.readString(out.resolve("x/moved/report.html")), "put back");
		try (Stream<Path> all = Files.walk(out.resolve("x"))) {
			assertEquals(List.of("kept", "moved", "report.html", "report.html", "x"),
					all.map(p -> p.getFileName().toString()).sorted().toList());
		}
	}
}
