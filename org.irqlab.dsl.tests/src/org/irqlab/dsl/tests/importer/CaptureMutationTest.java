package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.irqlab.dsl.importer.CaptureRoot;
import org.irqlab.dsl.importer.HostCapture;
import org.irqlab.dsl.importer.HostReader;
import org.irqlab.dsl.importer.ImportedModelCheck;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.ModelWriter;
import org.irqlab.dsl.importer.TextFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class of input behind issue #14's internal errors, not only its reproducers: every number in the
 * captured files is replaced, one at a time, by one that is too large for any type, negative, or empty, and
 * a range is turned around. Each import must end in an {@link InputError} naming a file, or in a model the
 * language accepts; never in another exception.
 */
public class CaptureMutationTest {

	private static final Pattern NUMBER = Pattern.compile("\\d+(-\\d+)?");
	private static final List<String> FILES = List.of("sys/kernel/debug/irq/domains/VECTOR", "proc/interrupts",
			"proc/version", "proc/cmdline", "sys/devices/system/cpu/possible", "sys/devices/system/cpu/present",
			"sys/devices/system/cpu/online", "sys/devices/system/node/node1/cpulist",
			"sys/devices/system/cpu/cpu9/topology/thread_siblings_list", "proc/irq/34/smp_affinity_list",
			"proc/irq/34/effective_affinity_list", "sys/bus/pci/devices/0000:01:00.0/numa_node",
			"sys/bus/pci/devices/0000:01:00.0/irq", "etc/default/irqbalance");
	/** At most this many numbers per file, spread over it: enough to reach every kind of line. */
	private static final int PER_FILE = 12;

	@TempDir
	Path folder;

	private static List<String> mutations(String text) {
		List<int[]> spans = new ArrayList<>();
		Matcher m = NUMBER.matcher(text);
		while (m.find()) {
			spans.add(new int[] { m.start(), m.end() });
		}
		List<String> mutated = new ArrayList<>();
		int step = Math.max(1, spans.size() / PER_FILE);
		for (int i = 0; i < spans.size(); i += step) {
			int[] span = spans.get(i);
			String number = text.substring(span[0], span[1]);
			String before = text.substring(0, span[0]);
			String after = text.substring(span[1]);
			mutated.add(before + "99999999999999999999" + after);
			mutated.add(before + "-1" + after);
			mutated.add(before + after);
			if (number.contains("-")) {
				String[] ends = number.split("-");
				mutated.add(before + ends[1] + "-" + ends[0] + after);
			} else {
				mutated.add(before + number + "-0" + after);
			}
		}
		return mutated;
	}

	private static String importOf(Path capture, String what) {
		try {
			HostCapture host = HostReader.read(CaptureRoot.directory(capture), null, null);
			String text = ModelWriter.write(host, "host").text();
			List<ImportedModelCheck.Problem> problems = ImportedModelCheck.errors(text);
			return problems.isEmpty() ? "written" : "refused by the language";
		} catch (InputError e) {
			assertTrue(e.compilerStyle().startsWith(capture.toString()), what + ": " + e.compilerStyle());
			return "refused: " + e.getMessage();
		} catch (RuntimeException e) {
			throw new AssertionError(what + ": " + e, e);
		}
	}

	@Test
	void everyNumberOfTheHealthyCaptureOutOfShape() throws IOException {
		Path capture = Fixtures.copy(Fixtures.HEALTHY, folder);
		int runs = 0;
		for (String relative : FILES) {
			Path file = capture.resolve(relative);
			String original = Files.readString(file);
			List<String> mutated = mutations(original);
			assertTrue(!mutated.isEmpty(), relative + " has numbers");
			for (int i = 0; i < mutated.size(); i++) {
				Files.writeString(file, mutated.get(i));
				importOf(capture, relative + " mutation " + i + ":\n" + mutated.get(i));
				runs++;
			}
			Files.writeString(file, original);
		}
		assertEquals("written", importOf(capture, "the capture restored"));
		assertTrue(runs > 100, runs + " imports");
	}

	@Test
	void everyNumberOfThePastedCrashSessionOutOfShape() throws IOException {
		Path crash = Fixtures.dir(Fixtures.WEB_PASTE).resolve("crash.txt");
		String original = Files.readString(crash);
		for (String mutated : mutations(original)) {
			try {
				HostCapture host = HostReader.read(null, TextFile.of("crash.txt", mutated), null);
				ImportedModelCheck.errors(ModelWriter.write(host, "host").text());
			} catch (InputError e) {
				assertTrue(e.compilerStyle().startsWith("crash.txt"), e.compilerStyle());
			} catch (RuntimeException e) {
				throw new AssertionError(mutated + ": " + e, e);
			}
		}
	}
}
