package org.irqlab.dsl.importer;

import java.util.List;
import java.util.Optional;

import org.irqlab.kernel.CpuSet;

/**
 * What a crash(8) session's text tells about the vector matrix: the banner's release and CPU count, every
 * {@code p *vector_matrix} print and the {@code irq_domain.name,parent} chain.
 */
public record CrashSession(String file, String release, int cpus, List<MatrixPrint> prints, List<Domain> domains) {

	/**
	 * One {@code p *vector_matrix}.
	 *
	 * @param label         crash's value label ("$82")
	 * @param line          0-based line of the print's first line
	 * @param systemVectors the bits of system_map
	 */
	public record MatrixPrint(String label, int line, int matrixBits, int allocStart, int allocEnd, int allocSize,
			long globalAvailable, int globalReserved, int systembitsInalloc, long totalAllocated, int onlineMaps,
			CpuSet systemVectors) {
	}

	/** One {@code irq_domain.name,parent ADDRESS}: the domain at that address, its name and its parent's address. */
	public record Domain(String address, String name, String parent) {
	}

	/** The last print: the state the session ended on. */
	public Optional<MatrixPrint> last() {
		return prints.isEmpty() ? Optional.empty() : Optional.of(prints.get(prints.size() - 1));
	}

	/** Whether interrupts go through a remapping domain (INTEL-IR, AMD-IR) on their way to VECTOR. */
	public boolean remapped() {
		return domains.stream().anyMatch(d -> d.name().contains("-IR"));
	}
}
