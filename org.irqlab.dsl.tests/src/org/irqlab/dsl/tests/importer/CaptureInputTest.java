package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.importer.CaptureRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14: captures that are damaged, special or partial. Each reproducer either imports to a model that
 * checks clean or is refused with `file:line[:column]: error: ...` and nothing written; never an internal
 * error, a hang or a model that does not check. `irqlab diff --against` reads captures the same way.
 */
public class CaptureInputTest {

	private static final String VECTOR = "sys/kernel/debug/irq/domains/VECTOR";
	private static final String NODE_DIR = "sys/devices/system/node/";

	@TempDir
	Path folder;

	private Path model() throws IOException {
		return Files.createDirectories(folder.resolve("out")).resolve("host.irqlab");
	}

	/** The import must be refused with exactly {@code expected} on stderr, and write nothing. */
	private void assertRefused(Path capture, String expected) throws IOException {
		Fixtures.Run run = Fixtures.Run.of("import", "--from", capture.toString(), "-o", model().toString());

		assertEquals(expected + "\n", run.err());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertNoInternalError(run);
		try (Stream<Path> left = Files.list(model().getParent())) {
			assertEquals(List.of(), left.toList(), "nothing written");
		}
	}

	/** `irqlab diff` of the healthy host's model against {@code capture} is refused with the same message. */
	private void assertDiffRefused(Path capture, String expected) throws IOException {
		Path healthy = Fixtures.importAndCheck(Fixtures.dir(Fixtures.HEALTHY), folder.resolve("healthy.irqlab"));
		Fixtures.Run run = Fixtures.Run.of("diff", healthy.toString(), "--against", capture.toString());

		assertEquals(expected + "\n", run.err());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
		assertNoInternalError(run);
	}

	private static void assertNoInternalError(Fixtures.Run run) {
		assertFalse(run.err().contains("internal error") || run.err().contains("Exception"), run.err());
	}

	private static void replace(Path file, String from, String to) throws IOException {
		String text = Files.readString(file);
		assertTrue(text.contains(from), from + " in " + file);
		Files.writeString(file, text.replace(from, to));
	}

	// ---------------------------------------------------------------- 4: numbers out of range

	@Test
	void aNodeDirectoryWithAHugeNumber() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.move(capture.resolve(NODE_DIR + "node1"), capture.resolve(NODE_DIR + "node99999999999"));
		String expected = capture.resolve(NODE_DIR + "node99999999999")
				+ ": error: NUMA node 99999999999 is out of range (0 to 1023: x86_64 has at most 1024 nodes)";

		assertRefused(capture, expected);
		assertDiffRefused(capture, expected);
	}

	@Test
	void aVectorFileWhoseSystemCountIsOutOfRange() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		replace(capture.resolve(VECTOR), "System: 43:", "System: 99999999999:");
		String expected = capture.resolve(VECTOR)
				+ ":9:9: error: vector count 99999999999 is out of range (0 to 256: one CPU has 256 vectors)";

		assertRefused(capture, expected);
		assertDiffRefused(capture, expected);
	}

	@Test
	void aVectorFileWhoseRowRangeGoesBackwards() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		replace(capture.resolve(VECTOR), "     0   198     2     1    2  32-33", "     0   198     2     1    2  33-32");
		String expected = capture.resolve(VECTOR) + ":11:32: error: vector range 33-32 goes backwards";

		assertRefused(capture, expected);
		assertDiffRefused(capture, expected);
	}

	@Test
	void aVectorFileWithAVectorBeyond255() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		replace(capture.resolve(VECTOR), "     0   198     2     1    2  32-33", "     0   198     2     1    2  32,9999");

		assertRefused(capture, capture.resolve(VECTOR)
				+ ":11:35: error: vector 9999 is out of range (0 to 255: x86 has 256 vectors per CPU)");
	}

	@Test
	void aKernelVersionOutOfRange() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.writeString(capture.resolve("proc/version"), "Linux version 99999999999.1.0 (builder@host) #1 SMP\n");

		assertRefused(capture, capture.resolve("proc/version")
				+ ":1:15: error: kernel version number 99999999999 is out of range (0 to 999)");
	}

	@Test
	void anEmptyThreadSiblingsListIsAnOfflineCpu() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		// x86 clears an offline CPU's sibling mask: the kernel prints an empty line; a failed copy is empty
		Files.writeString(capture.resolve("sys/devices/system/cpu/cpu3/topology/thread_siblings_list"), "\n");
		Files.writeString(capture.resolve("sys/devices/system/cpu/cpu11/topology/thread_siblings_list"), "");

		Path model = Fixtures.importAndCheck(capture, model());

		assertTrue(Files.readString(model).contains("\n    smt 2\n"), Files.readString(model));
		Fixtures.Run diff = Fixtures.Run.of("diff", model.toString(), "--against", capture.toString());
		assertEquals(IrqLabCli.EXIT_CLEAN, diff.exitCode(), diff.out() + diff.err());
	}

	@Test
	void siblingsThatLeaveOutTheCpuItself() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path file = capture.resolve("sys/devices/system/cpu/cpu3/topology/thread_siblings_list");
		Files.writeString(file, "0,8\n");

		assertRefused(capture, file + ":1: error: CPU 3's siblings 0,8 leave out CPU 3 itself (a copy of another CPU's file?)");
	}

	private Path lscpuCapture(String cpuLines) throws IOException {
		Path capture = Files.createDirectories(folder.resolve("lscpu-only"));
		Files.writeString(capture.resolve("lscpu.txt"), "# The following is the parsable format\n# CPU,Core,Socket,Node\n"
				+ cpuLines);
		return capture;
	}

	@Test
	void anLscpuRowWithCpuMinusOne() throws IOException {
		Path capture = lscpuCapture("0,0,0,0\n-1,1,0,0\n");

		assertRefused(capture, capture.resolve("lscpu.txt")
				+ ":4:1: error: CPU -1 is out of range (0 to 8191: x86_64 supports 8192 CPUs)");
	}

	@Test
	void aDeviceNumberOutOfRangeInProcInterrupts() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path interrupts = capture.resolve("proc/interrupts");
		List<String> lines = Files.readAllLines(interrupts);
		int line = 0;
		while (!lines.get(line).contains("virtio1-req.0")) {
			line++;
		}
		replace(interrupts, "virtio1-req.0", "virtio99999999999-req.0");

		assertRefused(capture, interrupts + ":" + (line + 1)
				+ ": error: device number 99999999999 is out of range (0 to 999999)");
	}

	// ---------------------------------------------------------------- 5: special files

	private static void mkfifo(Path path) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
		assertEquals(0, process.waitFor(), "mkfifo " + path);
	}

	@Test
	void procInterruptsAsANamedPipeIsRefusedWithoutWaiting() throws Exception {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path interrupts = capture.resolve("proc/interrupts");
		Files.delete(interrupts);
		mkfifo(interrupts);
		String expected = interrupts + ": error: is a FIFO (named pipe), not a regular file: IrqLab reads only regular files"
				+ " (copies of the host's files, or procfs and sysfs on the host), so that nothing can make it wait or read"
				+ " without end";

		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			assertRefused(capture, expected);
			assertDiffRefused(capture, expected);
		});
	}

	@Test
	void procInterruptsAsALinkToDevZeroIsRefusedWithoutReading() throws Exception {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path interrupts = capture.resolve("proc/interrupts");
		Files.delete(interrupts);
		Files.createSymbolicLink(interrupts, Path.of("/dev/zero"));
		String expected = interrupts + ": error: is a link to /dev/zero, a character device, not a regular file: IrqLab reads"
				+ " only regular files (copies of the host's files, or procfs and sysfs on the host), so that nothing can make"
				+ " it wait or read without end";

		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			assertRefused(capture, expected);
			assertDiffRefused(capture, expected);
		});
	}

	@Test
	void aFileLargerThanTheLimitIsRefused() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path version = capture.resolve("proc/version");
		try (RandomAccessFile file = new RandomAccessFile(version.toFile(), "rw")) {
			file.setLength(CaptureRoot.MAX_BYTES + 1L); // sparse: no disk needed
		}

		assertRefused(capture, version + ": error: is larger than 64 MiB, the most IrqLab reads from one file (a"
				+ " /proc/interrupts of 8192 CPUs and 700 interrupts is smaller): is it a copy of the host's file?");
	}

	@Test
	void aCrashLogGivenAsAFifoIsRefused() throws Exception {
		Path fifo = folder.resolve("crash.txt");
		mkfifo(fifo);

		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			Fixtures.Run run = Fixtures.Run.of("import", "--crash", fifo.toString(), "-o", model().toString());
			assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
			assertTrue(run.err().startsWith(fifo + ": error: is a FIFO (named pipe), not a regular file"), run.err());
		});
	}

	// ---------------------------------------------------------------- 6: models that would not check

	@Test
	void anLscpuNodeMinusOne() throws IOException {
		Path capture = lscpuCapture("0,0,0,0\n1,1,0,-1\n");

		assertRefused(capture, capture.resolve("lscpu.txt")
				+ ":4:7: error: NUMA node -1 is out of range (0 to 1023: x86_64 has at most 1024 nodes)");
	}

	@Test
	void aNodeCpulistBeyondThePossibleCpus() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path cpulist = capture.resolve(NODE_DIR + "node0/cpulist");
		Files.writeString(cpulist, "0-8191\n");

		assertRefused(capture, cpulist + ":1: error: CPUs 16-8191 are not among the host's possible CPUs (0-15)");
	}

	@Test
	void nodesThatShareACpu() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Path cpulist = capture.resolve(NODE_DIR + "node1/cpulist");
		Files.writeString(cpulist, "3-7,12-15\n");

		assertRefused(capture, cpulist + ":1: error: CPU 3 of node1 is in node0 as well ("
				+ capture.resolve(NODE_DIR + "node0/cpulist") + "): a CPU has one node");
	}

	@Test
	void siblingGroupsLargerThanTheLanguageKnowsLeaveSmtOut() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		for (int cpu = 0; cpu < 16; cpu++) {
			Files.writeString(capture.resolve("sys/devices/system/cpu/cpu" + cpu + "/topology/thread_siblings_list"), "0-15\n");
		}

		String text = Files.readString(Fixtures.importAndCheck(capture, model()));

		assertFalse(text.contains("smt "), text);
		assertTrue(text.contains("// guess: SMT siblings in groups of 16 (0-15, ...): more than the 8 threads per core"), text);
	}

	@Test
	void whatTheLanguageRefusesIsNotWritten() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.delete(capture.resolve(VECTOR));
		Path interrupts = capture.resolve("proc/interrupts");
		StringBuilder text = new StringBuilder(Files.readString(interrupts));
		String zeros = " 0".repeat(16);
		for (int q = 1; q <= 2100; q++) {
			text.append(" ").append(5000 + q).append(":").append(zeros).append(" PCI-MSIX-0000:02:00.0 ").append(q)
					.append("-edge nvme7q").append(q).append("\n");
		}
		Files.writeString(interrupts, text);

		Fixtures.Run run = Fixtures.Run.of("import", "--from", capture.toString(), "-o", model().toString());

		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode(), run.err());
		assertTrue(run.err().startsWith(model() + ": error: not written: the model imported from " + capture
				+ " would not pass `irqlab check`:\n  line "), run.err());
		assertTrue(run.err().contains("(`queues 2100`)"), run.err());
		assertFalse(Files.exists(model()));
	}

	// ---------------------------------------------------------------- 7: optional files

	@Test
	void theHealthyHostWithoutProcVersion() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.delete(capture.resolve("proc/version"));

		String text = Files.readString(Fixtures.importAndCheck(capture, model()));

		assertTrue(text.contains("    kernel 6.12\n"), text);
		assertTrue(text.contains("// guess: no /proc/version and no crash banner: kernel assumed to be 6.12, whose vector space"
				+ " leaves the 201 vectors per CPU outside the system map that the VECTOR file shows\n"), text);
		Fixtures.Run diff = Fixtures.Run.of("diff", model().toString(), "--against", Fixtures.dir(Fixtures.HEALTHY).toString());
		assertEquals(IrqLabCli.EXIT_CLEAN, diff.exitCode(), diff.out() + diff.err());
	}

	/** Every file the capture script copies is optional: without any one of them, the model still checks clean. */
	@Test
	void withoutAnyOneOptionalPartTheHealthyHostStillImports() throws IOException {
		List<String> parts = List.of("proc/version", VECTOR, "proc/interrupts", "proc/irq", "proc/cmdline", "proc/1187",
				"sys/devices/system/cpu/online", "sys/devices/system/cpu/present", NODE_DIR + "node1", NODE_DIR,
				"sys/devices/system/cpu/cpu5/topology", "sys/bus/pci", "sys/bus/virtio", "sys/class/nvme",
				"etc/default/irqbalance");
		for (String part : parts) {
			Path capture = Fixtures.copy(Fixtures.HEALTHY, folder.resolve(part.replace('/', '_')));
			delete(capture.resolve(part));
			Fixtures.importAndCheck(capture, folder.resolve(part.replace('/', '_') + ".irqlab"));
		}
	}

	@Test
	void withoutTheOnlineFileTheVectorFileTellsTheOnlineCpus() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.writeString(capture.resolve("sys/devices/system/cpu/present"), "0-17\n");
		Files.writeString(capture.resolve("sys/devices/system/cpu/possible"), "0-17\n");
		Files.delete(capture.resolve("sys/devices/system/cpu/online"));

		String text = Files.readString(Fixtures.importAndCheck(capture, model()));

		assertTrue(text.contains("    online 0-15\n"), text);
		assertTrue(text.contains("the online CPUs are the rows of " + VECTOR), text);
	}

	private static void delete(Path path) throws IOException {
		try (Stream<Path> all = Files.walk(path)) {
			for (Path each : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	// ---------------------------------------------------------------- 14: crash output as people paste it

	@Test
	void theSeedReportsBlockAsCopiedFromItsWebPage() throws IOException {
		Path crash = Fixtures.dir(Fixtures.WEB_PASTE).resolve("crash.txt");
		String pasted = Files.readString(crash);
		assertTrue(pasted.contains("\u00a0\u00a0matrix_bits = 256,") && pasted.contains("**global_available = 15215,**")
				&& pasted.contains("// 全局可用向量"), "the fixture keeps the paste verbatim");

		Fixtures.Run run = Fixtures.Run.of("import", "--crash", crash.toString(), "-o", model().toString());

		assertEquals(IrqLabCli.EXIT_CLEAN, run.exitCode(), run.err());
		String text = Files.readString(model());
		assertTrue(text.contains("    system vectors 32, 50, 128\n"), text);
		assertTrue(text.contains("    crash {\n        global_available 15215\n        global_reserved 150\n"
				+ "        total_allocated 553\n    }\n"), text);
		assertTrue(text.contains("    kernel el8-4.18\n"), text);
	}

	@Test
	void aCharacterThatDoesNotFitIsNamedWithItsColumn() throws IOException {
		Path crash = folder.resolve("crash.txt");
		Files.writeString(crash, Files.readString(Fixtures.dir(Fixtures.WEB_PASTE).resolve("crash.txt"))
				.replace("matrix_bits = 256,", "matrix_bits \uff1d 256,"));

		Fixtures.Run run = Fixtures.Run.of("import", "--crash", crash.toString(), "-o", model().toString());

		assertEquals(crash + ":4:15: error: expected `field = value`: unexpected '\uff1d' (U+FF1D FULLWIDTH EQUALS SIGN)"
				+ " where `=` after matrix_bits should be, in 'matrix_bits \uff1d 256,'\n", run.err());
		assertEquals(IrqLabCli.EXIT_USAGE, run.exitCode());
	}
}
