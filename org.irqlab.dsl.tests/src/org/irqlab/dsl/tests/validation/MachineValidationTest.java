package org.irqlab.dsl.tests.validation;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

/** A machine must describe hardware the kernel could boot on; each error sits on the setting at fault. */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class MachineValidationTest {

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void machineWithoutCpusIsAnErrorOnItsName() throws Exception {
		String text = "machine bare {\n  kernel 6.12\n}\n";

		validation.assertError(parser.parse(text), Literals.MACHINE, IssueCodes.MACHINE_WITHOUT_CPUS,
				text.indexOf("bare"), "bare".length(), "needs a `cpus N` setting");
	}

	@Test
	void nodeCpusBeyondTheMachineAreAnErrorOnTheList() throws Exception {
		String text = "machine m {\n  cpus 80\n  node 0 cpus 0-39\n  node 1 cpus 40-80\n}\n";

		validation.assertError(parser.parse(text), Literals.NODE_SETTING, IssueCodes.CPU_OUT_OF_RANGE,
				text.indexOf("40-80"), "40-80".length(), "CPU 80 is outside machine m (CPUs 0-79)");
	}

	@Test
	void overlappingNodesAreAnError() throws Exception {
		String text = "machine m {\n  cpus 8\n  node 0 cpus 0-4\n  node 1 cpus 4-7\n}\n";

		validation.assertError(parser.parse(text), Literals.NODE_SETTING, IssueCodes.NODES_OVERLAP,
				text.indexOf("4-7"), "4-7".length(), "CPU 4 is already in another node");
	}

	@Test
	void cpusOutsideEveryNodeAreAnError() throws Exception {
		String text = "machine m {\n  cpus 8\n  node 0 cpus 0-3\n}\n";

		validation.assertError(parser.parse(text), Literals.MACHINE, IssueCodes.CPUS_WITHOUT_NODE,
				text.indexOf("m {"), 1, "CPUs 4-7 belong to no node");
	}

	@Test
	void aSecondKernelSettingIsAnErrorOnTheSecond() throws Exception {
		String text = "machine m {\n  kernel 6.1\n  cpus 4\n  kernel 6.12\n}\n";

		validation.assertError(parser.parse(text), Literals.KERNEL_SETTING, IssueCodes.DUPLICATE_SETTING,
				text.indexOf("kernel 6.12"), "kernel 6.12".length(), "already given above");
	}

	@Test
	void systemVectorAbove255IsAnError() throws Exception {
		String text = "machine m {\n  cpus 4\n  system vectors 32, 300\n}\n";

		validation.assertError(parser.parse(text), Literals.SYSTEM_VECTORS_SETTING, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("300"), 3, "x86 vectors are 0 to 255");
	}

	@Test
	void perCpuLoadNeedsCpus() throws Exception {
		String text = "machine m {\n  cpus 4\n  load { allocated 3 }\n}\n";

		validation.assertError(parser.parse(text), Literals.LOAD_ITEM, IssueCodes.LOAD_SCOPE_MISMATCH,
				text.indexOf("allocated"), "allocated".length(), "counts per CPU");
	}

	@Test
	void crashCountersWithoutTotalAllocatedNameTheMissingCounter() throws Exception {
		String text = "machine m {\n  cpus 4\n  crash { global_available 700 }\n}\n";

		validation.assertError(parser.parse(text), Literals.CRASH_COUNTERS_SETTING, IssueCodes.CRASH_COUNTER_MISSING,
				text.indexOf("crash"), "crash { global_available 700 }".length(), "counters need total_allocated");
	}

	@Test
	void cpuCountAboveMaxSmpIsAnError() throws Exception {
		String text = "machine m {\n  cpus 9000\n}\n";

		validation.assertError(parser.parse(text), Literals.CPUS_SETTING, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("9000"), 4, "1 to 8192 CPUs");
	}

	@Test
	void wellFormedMachineHasNoIssue() throws Exception {
		validation.assertNoIssues(parser.parse("""
				machine m {
				    kernel el8-4.18
				    cpus 80
				    node 0 cpus 0-39
				    node 1 cpus 40-79
				    smt 2
				    system vectors 32, 50, 128
				    load on 0-79 { allocated 5 managed 1 }
				    load { placed 6 reserved 9 }
				    irqbalance on banned 0-3 powersave
				}
				"""));
	}
}
