package org.irqlab.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.parser.RepeatNesting;
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

	@Test
	void repeatsNestOneHundredDeep() throws Exception {
		Model model = parser.parse(nested(RepeatNesting.MAX_DEPTH, 1));

		validation.assertNoIssue(model, Literals.REPEAT_EVENT, IssueCodes.REPEAT_NESTED_TOO_DEEP);
		validation.assertNoErrors(model);
	}

	@Test
	void theRepeatNestedOneLevelTooDeepIsAnErrorOnItsKeyword() throws Exception {
		String text = nested(RepeatNesting.MAX_DEPTH + 1, 1);

		validation.assertError(parser.parse(text), Literals.REPEAT_EVENT, IssueCodes.REPEAT_NESTED_TOO_DEEP,
				offsetOfRepeat(text, RepeatNesting.MAX_DEPTH + 1), "repeat".length(), "repeat blocks nest at most 100 deep");
	}

	/** 3,000 levels overflowed the parser's stack and silenced the language server for every document. */
	@Test
	void threeThousandNestedRepeatsGiveOneErrorAndNoSimulation() throws Exception {
		String text = nested(3000, 2);

		Model model = parser.parse(text);

		List<Issue> issues = validation.validate(model);
		List<Issue> tooDeep = issues.stream().filter(i -> IssueCodes.REPEAT_NESTED_TOO_DEEP.equals(i.getCode())).toList();
		assertEquals(1, tooDeep.size(), issues.toString());
		assertEquals(offsetOfRepeat(text, RepeatNesting.MAX_DEPTH + 1), tooDeep.get(0).getOffset());
		assertEquals("repeat".length(), tooDeep.get(0).getLength());
		assertEquals("repeat blocks nest at most 100 deep", tooDeep.get(0).getMessage());
		validation.assertError(model, Literals.SCENARIO, IssueCodes.SIMULATION_REFUSED,
				"until its repeat blocks nest at most 100 deep");
		// the body beyond the limit is one hidden node: no syntax error, every character kept
		assertTrue(model.eResource().getErrors().isEmpty(), model.eResource().getErrors().toString());
		assertEquals(text, NodeModelUtils.getNode(model).getRootNode().getText());
		assertEquals(RepeatNesting.MAX_DEPTH + 1, RepeatNesting.deepest(model));
	}

	/** An edit is parsed again as a whole once the limit was reached: nesting stays bounded, offsets right. */
	@Test
	void editingADocumentBeyondTheLimitKeepsItsTextAndItsError() throws Exception {
		String text = nested(3000, 2);
		Model model = parser.parse(text);
		XtextResource resource = (XtextResource) model.eResource();

		int inTheHiddenBody = text.indexOf("add disk");
		resource.update(inTheHiddenBody, 0, "repeat 2 { add disk } ");
		String edited = text.substring(0, inTheHiddenBody) + "repeat 2 { add disk } " + text.substring(inTheHiddenBody);
		resource.update(0, 0, "\n");
		edited = "\n" + edited;

		Model reparsed = (Model) resource.getContents().get(0);
		assertEquals(edited, NodeModelUtils.getNode(reparsed).getRootNode().getText());
		assertEquals(RepeatNesting.MAX_DEPTH + 1, RepeatNesting.deepest(reparsed));
		List<Issue> tooDeep = validation.validate(reparsed).stream()
				.filter(i -> IssueCodes.REPEAT_NESTED_TOO_DEEP.equals(i.getCode())).toList();
		assertEquals(1, tooDeep.size());
		assertEquals(offsetOfRepeat(edited, RepeatNesting.MAX_DEPTH + 1), tooDeep.get(0).getOffset());
	}

	private static String nested(int depth, int times) {
		return MACHINE_AND_DISK + "scenario s on vm {\n" + ("repeat " + times + " { ").repeat(depth) + "add disk "
				+ "} ".repeat(depth) + "\n}\n";
	}

	private static int offsetOfRepeat(String text, int level) {
		int offset = -1;
		for (int i = 0; i < level; i++) {
			offset = text.indexOf("repeat", offset + 1);
		}
		return offset;
	}
}
