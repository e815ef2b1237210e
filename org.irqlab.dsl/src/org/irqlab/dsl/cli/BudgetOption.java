package org.irqlab.dsl.cli;

import org.irqlab.dsl.simulation.SimulationBudget;

import picocli.CommandLine.Option;

/**
 * `--budget UNITS`: how much simulation work a scenario may take before it is refused as too large.
 * The editor keeps the default, which keeps a keystroke's validation under a second; a command line
 * run may wait longer (offlining 512 of 1,024 CPUs needs about 2^28 units).
 */
final class BudgetOption {

	/** A release of the override that throws nothing, for try-with-resources. */
	interface Bound extends AutoCloseable {
		@Override
		void close();
	}

	@Option(names = "--budget", paramLabel = "UNITS",
			description = "the simulation work a scenario may take (default: " + SimulationBudget.DEFAULT_WORK
					+ ", what the editor allows; a unit is 2 to 7 ns); suffixes k, M, G multiply by 2^10, 2^20, 2^30",
			converter = BudgetOption.Units.class)
	private Long work;

	Bound apply() {
		if (work == null) {
			return () -> {
			};
		}
		AutoCloseable override = SimulationBudget.overrideForCommandLine(work);
		return () -> {
			try {
				override.close();
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		};
	}

	/** 268435456, 256M, 1G. */
	static final class Units implements picocli.CommandLine.ITypeConverter<Long> {
		@Override
		public Long convert(String value) {
			String text = value.trim();
			int shift = 0;
			if (!text.isEmpty()) {
				switch (Character.toUpperCase(text.charAt(text.length() - 1))) {
					case 'K' -> shift = 10;
					case 'M' -> shift = 20;
					case 'G' -> shift = 30;
					default -> shift = 0;
				}
			}
			String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
			long number;
			try {
				number = Long.parseLong(digits);
			} catch (NumberFormatException e) {
				throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a number of work units (like 268435456 or 256M)");
			}
			if (number < 1 || number > (Long.MAX_VALUE >> shift)) {
				throw new picocli.CommandLine.TypeConversionException("'" + value + "' is out of range: from 1 to " + (Long.MAX_VALUE >> 30) + "G");
			}
			return number << shift;
		}
	}
}
