package org.irqlab.dsl.tests.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Driver;
import org.irqlab.dsl.model.KernelSetting;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.NodeSetting;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class ParsingTest {

	@Inject
	private ParseHelper<Model> parseHelper;

	@Test
	void incidentModelParses() throws Exception {
		Model model = parseHelper.parse("""
				machine inspur {
				    kernel el8-4.18
				    cpus 80
				    node 0 cpus 0-39
				    node 1 cpus 40-79
				    system vectors 32, 50, 128
				}
				device disk : virtio_blk {
				    queues 2
				    intx none
				}
				scenario hotplug on inspur {
				    add 512 x disk
				}
				""");

		assertNoSyntaxErrors(model.eResource());
		Machine machine = (Machine) model.getElements().get(0);
		assertEquals("el8-4.18", ((KernelSetting) machine.getSettings().get(0)).getVersion());
		assertEquals("40-79", ((NodeSetting) machine.getSettings().get(3)).getCpus());
		assertEquals(Driver.VIRTIO_BLK, ((DeviceType) model.getElements().get(1)).getDriver());
		AddEvent add = (AddEvent) ((Scenario) model.getElements().get(2)).getEvents().get(0);
		assertEquals(512, add.getCount());
		assertEquals("disk", add.getType().getName());
	}

	@Test
	void cpuListKeepsTheKernelSyntax() throws Exception {
		Model model = parseHelper.parse("machine m { node 0 cpus 0-39,80-119 }");

		assertNoSyntaxErrors(model.eResource());
		NodeSetting node = (NodeSetting) ((Machine) model.getElements().get(0)).getSettings().get(0);
		assertEquals("0-39,80-119", node.getCpus());
	}

	@Test
	void incompleteSettingIsASyntaxError() throws Exception {
		Model model = parseHelper.parse("machine m { cpus }");

		List<Resource.Diagnostic> errors = model.eResource().getErrors();
		assertFalse(errors.isEmpty());
		assertEquals(1, errors.get(0).getLine());
		assertEquals("expected a number before '}'", errors.get(0).getMessage());
	}

	private static void assertNoSyntaxErrors(Resource resource) {
		assertTrue(resource.getErrors().isEmpty(), () -> "unexpected syntax errors: " + resource.getErrors());
	}
}
