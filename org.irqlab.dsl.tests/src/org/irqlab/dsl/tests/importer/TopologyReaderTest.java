package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.irqlab.dsl.importer.CaptureRoot;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.LscpuParser;
import org.irqlab.dsl.importer.TextFile;
import org.irqlab.dsl.importer.Topology;
import org.irqlab.dsl.importer.TopologyReader;
import org.irqlab.kernel.CpuSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU sets, NUMA nodes and SMT siblings, from sysfs or from `lscpu -p`. */
public class TopologyReaderTest {

	@TempDir
	Path folder;

	@Test
	void readsTheIncidentHostsInterleavedNodesAndSiblings() throws InputError {
		Topology topology = TopologyReader.read(CaptureRoot.directory(Fixtures.dir(Fixtures.INCIDENT))).orElseThrow();

		assertEquals(80, topology.cpuCount());
		assertEquals(CpuSet.range(0, 79), topology.online());
		assertEquals(Map.of(0, "0-19,40-59", 1, "20-39,60-79"), topology.nodes().entrySet().stream()
				.collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toList())));
		assertEquals(40, topology.siblings().size());
		assertEquals("3,43", topology.siblings().get(3).toList());
	}

	@Test
	void offlineCpusShowInTheOnlineList() throws Exception {
		Path host = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.writeString(host.resolve("sys/devices/system/cpu/online"), "0-11\n");

		Topology topology = TopologyReader.read(CaptureRoot.directory(host)).orElseThrow();

		assertEquals("0-11", topology.online().toList());
		assertEquals(16, topology.cpuCount());
	}

	@Test
	void aMalformedCpuListNamesTheFile() throws IOException {
		Path host = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.writeString(host.resolve("sys/devices/system/node/node1/cpulist"), "4-7,12-\n");

		InputError error = assertThrows(InputError.class, () -> TopologyReader.read(CaptureRoot.directory(host)));

		assertEquals(host.resolve("sys/devices/system/node/node1/cpulist") + ":1: '4-7,12-' is not a CPU list (expected the"
				+ " kernel's form, as 0-19,40-59)", error.getMessage());
	}

	@Test
	void anEmptyCopyOfPossibleIsTruncated() throws IOException {
		Path host = Fixtures.copy(Fixtures.HEALTHY, folder);
		Files.writeString(host.resolve("sys/devices/system/cpu/possible"), "");

		InputError error = assertThrows(InputError.class, () -> TopologyReader.read(CaptureRoot.directory(host)));

		assertEquals(host.resolve("sys/devices/system/cpu/possible") + ": the file is empty (truncated copy?)",
				error.getMessage());
	}

	@Test
	void lscpuGivesOnlineCpusNodesAndCores() throws InputError {
		Topology topology = LscpuParser.parse(TextFile.of("lscpu.txt", """
				# The following is the parsable format, which can be fed to other
				# programs. Each different item in every column has an unique ID
				# starting from zero.
				# CPU,Core,Socket,Node,,L1d,L1i,L2,L3
				0,0,0,0,,0,0,0,0
				1,1,0,0,,1,1,1,0
				2,2,1,1,,2,2,2,1
				3,3,1,1,,3,3,3,1
				4,0,0,0,,0,0,0,0
				5,1,0,0,,1,1,1,0
				6,2,1,1,,2,2,2,1
				7,3,1,1,,3,3,3,1
				"""));

		assertEquals(8, topology.cpuCount());
		assertEquals("0-1,4-5", topology.nodes().get(0).toList());
		assertEquals("0,4", topology.siblings().get(0).toList());
		assertTrue(topology.guesses().get(0).contains("online CPUs only"), topology.guesses().toString());
	}

	@Test
	void aTruncatedLscpuLineIsNamed() {
		InputError error = assertThrows(InputError.class, () -> LscpuParser.parse(TextFile.of("lscpu.txt", """
				# CPU,Core,Socket,Node,,L1d,L1i,L2,L3
				0,0,0,0,,0,0,0,0
				1,1,0
				""")));

		assertEquals("lscpu.txt:3: has 3 fields where the header names 9 (truncated line?)", error.getMessage());
	}
}
