package org.irqlab.dsl.tests.validation;

import org.eclipse.xtext.diagnostics.Diagnostic;
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

/** A scenario's events must be things one can do to its machine. */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class ScenarioValidationTest {

	private static final String MACHINE_AND_DISK = """
			machine vm { kernel 6.1 cpus 8 nodes 1 }
			device disk : virtio_blk { queues 2 intx 11 }
			""";

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Test
	void addingZeroDevicesIsAnError() throws Exception {
		String text = MACHINE_AND_DISK + "scenario s on vm {\n  add 0 x disk\n}\n";

		validation.assertError(parser.parse(text), Literals.ADD_EVENT, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("0 x"), 1, "at least one device");
	}

	@Test
	void namedAddOfSeveralDevicesIsAnError() throws Exception {
		String text = MACHINE_AND_DISK + "scenario s on vm {\n  add 3 x disk as boot\n}\n";

		validation.assertError(parser.parse(text), Literals.ADD_EVENT, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("boot"), "boot".length(), "a named device is one device");
	}

	@Test
	void offliningACpuTheMachineLacksIsAnError() throws Exception {
		String text = MACHINE_AND_DISK + "scenario s on vm {\n  offline 6-9\n}\n";

		validation.assertError(parser.parse(text), Literals.CPU_EVENT, IssueCodes.CPU_OUT_OF_RANGE,
				text.indexOf("6-9"), 3, "CPU 9 is outside machine vm (CPUs 0-7)");
	}

	@Test
	void repeatingZeroTimesIsAnError() throws Exception {
		String text = MACHINE_AND_DISK + "scenario s on vm {\n  repeat 0 { add disk }\n}\n";

		validation.assertError(parser.parse(text), Literals.REPEAT_EVENT, IssueCodes.VALUE_OUT_OF_RANGE,
				text.indexOf("0 {"), 1, "at least once");
	}

	@Test
	void unknownDeviceTypeIsALinkingErrorOnTheName() throws Exception {
		String text = MACHINE_AND_DISK + "scenario s on vm {\n  add 2 x dsik\n}\n";

		validation.assertError(parser.parse(text), Literals.ADD_EVENT, Diagnostic.LINKING_DIAGNOSTIC,
				text.indexOf("dsik"), 4, "dsik");
	}

	@Test
	void unknownMachineIsALinkingError() throws Exception {
		String text = MACHINE_AND_DISK + "scenario s on nowhere {\n}\n";

		validation.assertError(parser.parse(text), Literals.SCENARIO, Diagnostic.LINKING_DIAGNOSTIC,
				text.indexOf("nowhere"), "nowhere".length(), "nowhere");
	}

	@Test
	void removeAndBindReferToNamedDevices() throws Exception {
		validation.assertNoErrors(parser.parse(MACHINE_AND_DISK + """
				scenario s on vm {
				    add disk as boot
				    unbind boot
				    bind boot
				    remove boot
				    add 3 x disk
				    remove 2 x disk
				    balance 2 x
				    repeat 2 { offline 7 online 7 }
				}
				"""));
	}
}
