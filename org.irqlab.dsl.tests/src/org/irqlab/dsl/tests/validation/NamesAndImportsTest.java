package org.irqlab.dsl.tests.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.model.BindEvent;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.ModelPackage.Literals;
import org.irqlab.dsl.model.Scenario;
import org.irqlab.dsl.tests.IrqLabInjectorProvider;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Names a user would write (the language's own words among them), duplicates and imports said plainly. */
@ExtendWith(InjectionExtension.class)
@InjectWith(IrqLabInjectorProvider.class)
public class NamesAndImportsTest {

	@Inject
	private ParseHelper<Model> parser;

	@Inject
	private ValidationTestHelper validation;

	@Inject
	private Provider<XtextResourceSet> resourceSets;

	@Test
	void theLanguagesWordsAreNamesToo() throws Exception {
		Model model = parser.parse("""
				machine online { kernel 6.1 cpus 4 nodes 1 }
				device disk : virtio_blk { queues 2 }
				scenario offline on online {
				    add disk as remove
				    unbind remove
				    bind remove
				    offline 2
				}
				""");

		validation.assertNoErrors(model);
		Scenario scenario = (Scenario) model.getElements().get(2);
		assertEquals("offline", scenario.getName());
		assertEquals("online", scenario.getMachine().getName());
		AddEvent add = (AddEvent) scenario.getEvents().get(0);
		assertEquals(add, ((BindEvent) scenario.getEvents().get(1)).getDevice());
	}

	@Test
	void aDuplicateNameSaysWhichNameAndWhere() throws Exception {
		String text = "package lab\nmachine m { cpus 4 }\nmachine m { cpus 8 }\n";

		List<Issue> issues = validation.validate(parser.parse(text));
		List<String> messages = issues.stream().map(Issue::getMessage).toList();
		assertEquals(List.of("machine m: the name m is declared twice in package lab",
				"machine m: the name m is declared twice in package lab"), messages);
		assertEquals(text.indexOf("m {"), issues.get(0).getOffset());
		assertEquals(text.lastIndexOf("m {"), issues.get(1).getOffset());
	}

	@Test
	void aDuplicateNamedDeviceIsScopedToItsScenario() throws Exception {
		Model model = parser.parse("""
				machine m { cpus 4 }
				device disk : virtio_blk { }
				scenario s on m { add disk as boot add disk as boot }
				""");

		validation.assertError(model, Literals.ADD_EVENT, null, "device boot: the name boot is declared twice in scenario s");
	}

	@Test
	void anImportThatBringsInNothingIsAWarningOnTheImport() throws Exception {
		String text = "import nowhere.*\nmachine m { cpus 4 }\n";

		validation.assertWarning(parser.parse(text), Literals.IMPORT, IssueCodes.IMPORT_NAMES_NOTHING,
				text.indexOf("nowhere.*"), "nowhere.*".length(), "no machine, device type or scenario is declared in package nowhere");
	}

	@Test
	void anImportOfAnotherFilesPackageResolvesWithoutWarning() throws Exception {
		XtextResourceSet resourceSet = resourceSets.get();
		parser.parse("package lab\nmachine vm { kernel 6.1 cpus 4 nodes 1 }\ndevice disk : virtio_blk { }\n",
				URI.createURI("hosts.irqlab"), resourceSet);
		Model plan = parser.parse("import lab.*\nscenario s on vm { add 2 x disk }\n", URI.createURI("plan.irqlab"),
				resourceSet);

		List<Issue> issues = validation.validate(plan);
		assertTrue(issues.stream().noneMatch(i -> IssueCodes.IMPORT_NAMES_NOTHING.equals(i.getCode())), issues.toString());
		validation.assertNoErrors(plan);
	}

	@Test
	void anEscapedNameCanBeReferredToEscapedOrNot() throws Exception {
		Model model = parser.parse("""
				package lab
				machine ^machine { kernel 6.1 cpus 4 nodes 1 }
				device ^device : virtio_blk { }
				scenario a on ^machine { add ^device }
				scenario b on lab.^machine { add device }
				""");

		validation.assertNoErrors(model);
		assertEquals("machine", ((Scenario) model.getElements().get(2)).getMachine().getName());
		assertEquals("machine", ((Scenario) model.getElements().get(3)).getMachine().getName());
	}
}
