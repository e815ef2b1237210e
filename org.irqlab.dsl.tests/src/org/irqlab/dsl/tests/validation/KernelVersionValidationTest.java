package org.irqlab.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.google.inject.Inject;

/**
 * The seed incident's model under the kernels its users run, written as `uname -r` prints them: each gives a
 * result, and where a kernel's rules differ from el8's the outcome differs and names the rule.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class KernelVersionValidationTest {

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	private List<Issue> seedOn(String kernel) throws Exception {
		String seed = Files.readString(Path.of("../examples/seed-incident.irqlab"));
		String text = seed.replace("kernel el8-4.18", "kernel " + kernel);
		Model model = parser.parse(text);
		validation.assertNoErrors(model, org.eclipse.xtext.diagnostics.Diagnostic.SYNTAX_DIAGNOSTIC);
		return validation.validate(model);
	}

	private static String errors(List<Issue> issues) {
		return issues.stream().filter(i -> i.getSeverity() == Severity.ERROR).map(Issue::getMessage)
				.collect(Collectors.joining("\n"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			// before v6.1 virtio_pci requests INTx on irq 0: the timer's line, -EBUSY
			"\"4.18.0-305.30.1.el8_4.x86_64\" | -EBUSY (-16) | VP-1 | RHEL 8.4 lacks it",
			"\"5.14.0-427.13.1.el9_4.x86_64\" | -EBUSY (-16) | VP-1 | uncertain: RHEL 9.4 (upstream 5.14 base)",
			"\"5.15.0-91-generic\" | -EBUSY (-16) | VP-1 | upstream 5.15 predates it",
			"5.10 | -EBUSY (-16) | VP-1 | upstream 5.10 predates it",
			"5.15 | -EBUSY (-16) | VP-1 | upstream 5.15 predates it",
			// from v6.1 it gives up after MSI-X: the devices fail with the matrix's -ENOSPC
			"\"6.8.0-45-generic\" | -ENOSPC (-28) | VP-1 | upstream 6.8 has it",
			"6.1.0-28-amd64 | -ENOSPC (-28) | VP-1 | upstream 6.1 has it",
			"6.6 | -ENOSPC (-28) | VP-1 | upstream 6.6 has it" })
	void theSeedFailsAsEachKernelDoesAndNamesTheRule(String kernel, String errno, String rule, String why)
			throws Exception {
		String errors = errors(seedOn(kernel));
		assertTrue(errors.contains("devices 292..512 of this add (from virtio291) fail to probe: " + errno), errors);
		assertTrue(errors.contains("Kernel rule " + rule), errors);
		assertTrue(errors.contains(why), errors);
	}

	@Test
	void rhel10CannotTakeTheEl8DumpsCountersAndSaysWhichRuleMakesThemDiffer() throws Exception {
		String errors = errors(seedOn("\"6.12.0-55.9.1.el10_0.x86_64\""));
		assertTrue(errors.contains("crash dump counters do not fit this machine"), errors);
		assertTrue(errors.contains("rule VD-4 of v6.10"), errors);
	}

	@Test
	void aTextThatIsNoKernelIsAnErrorOnTheText() throws Exception {
		String text = "machine m {\n  kernel \"solaris-11\"\n  cpus 4\n}\n";
		validation.assertError(parser.parse(text), Literals.KERNEL_SETTING, IssueCodes.UNKNOWN_KERNEL,
				text.indexOf("\"solaris-11\""), "\"solaris-11\"".length(), "is not a kernel version");
		String old = "machine m {\n  kernel 3.10.0-1160.el7.x86_64\n  cpus 4\n}\n";
		validation.assertError(parser.parse(old), Literals.KERNEL_SETTING, IssueCodes.UNKNOWN_KERNEL,
				old.indexOf("3.10.0"), "3.10.0-1160.el7.x86_64".length(), "predates the vector matrix");
	}

	@Test
	void spreadingBefore54OnSeveralNodesIsAWarningNamingTheRule() throws Exception {
		String text = "machine m {\n  kernel 4.19\n  cpus 8\n  nodes 2\n}\n";
		validation.assertWarning(parser.parse(text), Literals.KERNEL_SETTING, IssueCodes.KERNEL_RULE_NOT_MODELLED,
				text.indexOf("4.19"), "4.19".length(), "AF-3");
		String oneNode = "machine m {\n  kernel 4.19\n  cpus 8\n}\n";
		validation.assertNoIssues(parser.parse(oneNode));
	}

	@Test
	void aKernelNewerThanTheTableIsAWarning() throws Exception {
		String text = "machine m {\n  kernel 7.4\n  cpus 8\n}\n";
		validation.assertWarning(parser.parse(text), Literals.KERNEL_SETTING, IssueCodes.KERNEL_RULE_NOT_MODELLED,
				text.indexOf("7.4"), "7.4".length(), "newer than the releases");
	}

	@Test
	void unquotedUnameRParses() throws Exception {
		Model model = parser.parse("machine m {\n  kernel 6.12.117+deb12-amd64\n  cpus 4\n}\n");
		validation.assertNoIssues(model);
		assertEquals("6.12.117+deb12-amd64",
				((org.irqlab.dsl.model.KernelSetting) ((org.irqlab.dsl.model.Machine) model.getElements().get(0))
						.getSettings().get(0)).getVersion());
	}
}
