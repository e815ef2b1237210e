package org.irqlab.dsl.tests.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import org.irqlab.dsl.importer.CrashSession;
import org.irqlab.dsl.importer.CrashSessionParser;
import org.irqlab.dsl.importer.InputError;
import org.irqlab.dsl.importer.TextFile;
import org.junit.jupiter.api.Test;

/** crash(8) session logs: the banner, `p *vector_matrix` as the incident's write-up prints it, domain chains. */
public class CrashSessionParserTest {

	private static TextFile fixture(String name) throws IOException {
		return TextFile.of(name + "/crash.txt", Files.readString(Fixtures.dir(name).resolve("crash.txt")));
	}

	@Test
	void readsTheExhaustedMatrixOfTheIncident() throws Exception {
		CrashSession session = CrashSessionParser.parse(fixture(Fixtures.EXHAUSTED_DUMP));

		CrashSession.MatrixPrint print = session.last().orElseThrow();
		assertEquals("$82", print.label());
		assertEquals(List.of(256, 32, 236, 204, 151, 3, 80), List.of(print.matrixBits(), print.allocStart(),
				print.allocEnd(), print.allocSize(), print.globalReserved(), print.systembitsInalloc(), print.onlineMaps()));
		assertEquals(0, print.globalAvailable());
		assertEquals(1922, print.totalAllocated());
		assertEquals("0-19,29,32,50,128,236-255", print.systemVectors().toList(), "system_map's words decoded");
		assertEquals("4.18.0-305.30.1.jmnd2.el8.x86_64", session.release());
		assertEquals(80, session.cpus());
	}

	@Test
	void followsTheDomainChainUpToVector() throws Exception {
		CrashSession session = CrashSessionParser.parse(fixture(Fixtures.INCIDENT));

		assertEquals(List.of("INTEL-IR-MSI-1-2", "INTEL-IR-1", "VECTOR"),
				session.domains().stream().map(CrashSession.Domain::name).toList());
		assertEquals("0x0", session.domains().get(2).parent());
		assertTrue(session.remapped());
	}

	@Test
	void theLastOfSeveralPrintsIsTheStateTheSessionEndsOn() throws InputError {
		String print = """
				crash> p *vector_matrix
				$%d = {
				  matrix_bits = 256,
				  alloc_start = 32,
				  alloc_end = 236,
				  alloc_size = 204,
				  global_available = %d,
				  global_reserved = 150,
				  systembits_inalloc = 3,
				  total_allocated = %d,
				  online_maps = 80,
				  maps = 0x2ff20,
				  system_map = {1125904739729407, 0, 1, 18446726481523507200}
				}
				""";
		CrashSession session = CrashSessionParser.parse(TextFile.of("crash.txt",
				print.formatted(2, 15215, 553) + print.formatted(3, 15296, 550)));

		assertEquals(2, session.prints().size());
		assertEquals("$3", session.last().orElseThrow().label());
		assertEquals(15296, session.last().orElseThrow().globalAvailable());
		assertEquals(14, session.last().orElseThrow().line(), "0-based line of the command");
	}

	@Test
	void aPrintCutBeforeItsClosingBraceNamesTheLastLine() {
		InputError error = assertThrows(InputError.class, () -> CrashSessionParser.parse(TextFile.of("crash.txt", """
				crash> p *vector_matrix
				$2 = {
				  matrix_bits = 256,
				  alloc_start = 32,
				""")));

		assertEquals("crash.txt:4: the session ends inside vector_matrix's value, before its closing `}` (truncated copy?)",
				error.getMessage());
	}

	@Test
	void aMissingFieldIsAnotherKernelsStruct() {
		InputError error = assertThrows(InputError.class, () -> CrashSessionParser.parse(TextFile.of("crash.txt", """
				crash> p *vector_matrix
				$2 = {
				  matrix_bits = 256,
				  alloc_start = 32,
				  alloc_end = 236,
				  alloc_size = 204,
				  global_available = 15215,
				  global_reserved = 150,
				  systembits_inalloc = 3,
				  online_maps = 80,
				  system_map = {1125904739729407, 0, 1, 18446726481523507200}
				}
				""")));

		assertEquals("crash.txt:12: $2 has no total_allocated field (another kernel's struct irq_matrix?)", error.getMessage());
	}

	@Test
	void aNumberThatIsNotOneIsNamedWithItsLine() {
		InputError error = assertThrows(InputError.class, () -> CrashSessionParser.parse(TextFile.of("crash.txt", """
				crash> p *vector_matrix
				$2 = {
				  matrix_bits = 256,
				  alloc_start = 32,
				  alloc_end = 236,
				  alloc_size = 204,
				  global_available = 15x15,
				  global_reserved = 150,
				  systembits_inalloc = 3,
				  total_allocated = 553,
				  online_maps = 80,
				  system_map = {1125904739729407, 0, 1, 18446726481523507200}
				}
				""")));

		assertEquals("crash.txt:7:22: global_available '15x15' is not a number", error.getMessage());
	}

	@Test
	void aLogWithoutEitherCommandIsNotACrashSession() {
		InputError error = assertThrows(InputError.class,
				() -> CrashSessionParser.parse(TextFile.of("notes.txt", "crash> bt\nPID: 0  TASK: ffffffff\n")));

		assertTrue(error.getMessage().startsWith("notes.txt: holds neither `crash> p *vector_matrix`"), error.getMessage());
	}
}
