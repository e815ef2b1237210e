package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.headerMinings;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.preferences.IrqLabPreferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures above each `add` and machine (code minings): the seed's, the ones that follow an unsaved edit
 * of the machine in another file, and the preference that hides them.
 */
public class CodeMiningsTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("minings");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		IrqLabPreferences.store().setToDefault(IrqLabPreferences.CODE_MININGS);
		Workbench.discard(project);
	}

	@Test
	void theSeedShowsHowItsDevicesEndAboveTheAddAndTheSlotsAboveTheMachine() throws Exception {
		String seed = Workbench.seedModel();
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "seed.irqlab", seed));
		IDocument text = document(editor);
		int add = text.getLineOfOffset(seed.indexOf("add 512 x dpu_disk"));
		int machine = text.getLineOfOffset(seed.indexOf("machine inspur"));

		waitUntil("figures above the add", 60_000, () -> headerMinings(editor).containsKey(add));
		assertEquals(List.of("190 per-queue (81 slots each), 101 shared (2 slots each), 221 failed; 1 free vector left"),
				headerMinings(editor).get(add));
		assertEquals(List.of("201 slots per CPU \u00d7 80 CPUs = 16080 usable, 15593 free at boot"),
				headerMinings(editor).get(machine));
		assertEquals(List.of(add, machine).stream().sorted().toList(), List.copyOf(headerMinings(editor).keySet()),
				"figures on the add and machine lines only");
		StyledText widget = Workbench.viewer(editor).getTextWidget();
		waitUntil("a line's room is made above the machine for its figures", 30_000,
				() -> widget.getLineVerticalIndent(machine) > 0);
		// painted where it is seen: scrolled to the add, the line above it opens too
		editor.selectAndReveal(seed.indexOf("add 512 x dpu_disk"), 0);
		waitUntil("a line's room is made above the add for its figures", 30_000, () -> widget.getLineVerticalIndent(add) > 0);

		// switched off in the preferences: gone, and the add's line closes up; on again: back
		IrqLabPreferences.store().setValue(IrqLabPreferences.CODE_MININGS, false);
		waitUntil("no figures", 30_000, () -> headerMinings(editor).isEmpty() && widget.getLineVerticalIndent(add) == 0);
		IrqLabPreferences.store().setValue(IrqLabPreferences.CODE_MININGS, true);
		waitUntil("the figures again", 30_000, () -> headerMinings(editor).containsKey(add));

		// an unsaved edit: one disk fewer leaves one more device of the last group short of room
		text.replace(seed.indexOf("512"), 3, "300");
		waitUntil("figures of the edited add", 60_000, () -> headerMinings(editor).getOrDefault(add, List.of())
				.equals(List.of("190 per-queue (81 slots each), 101 shared (2 slots each), 9 failed; 1 free vector left")));
		assertTrue(editor.isDirty());
	}

	@Test
	void anUnsavedEditOfTheMachineInAnotherFileChangesTheScenariosFigures() throws Exception {
		var hosts = Workbench.file(project, "hosts.irqlab", CrossFileEditingTest.HOSTS);
		var plan = Workbench.file(project, "plan.irqlab", CrossFileEditingTest.PLAN);
		ITextEditor planEditor = (ITextEditor) IDE.openEditor(page(), plan);
		int add = document(planEditor).getLineOfOffset(CrossFileEditingTest.PLAN.indexOf("add 40"));

		waitUntil("figures above the add", 60_000, () -> headerMinings(planEditor).containsKey(add));
		List<String> onFourCpus = headerMinings(planEditor).get(add);
		// 4 queues, one CPU each, and the config vector; 4 CPUs of 201 slots less 40 disks of 5
		assertEquals(List.of("40 per-queue (5 slots each); 604 free vectors left"), onFourCpus);

		ITextEditor hostsEditor = (ITextEditor) IDE.openEditor(page(), hosts);
		int machine = document(hostsEditor).getLineOfOffset(CrossFileEditingTest.HOSTS.indexOf("machine m"));
		waitUntil("figures above the machine", 60_000,
				() -> headerMinings(hostsEditor).getOrDefault(machine, List.of()).toString().contains("\u00d7 4 CPUs"));
		document(hostsEditor).replace(CrossFileEditingTest.HOSTS.indexOf("cpus 4"), "cpus 4".length(), "cpus 2");

		waitUntil("the machine's figures say 2 CPUs", 60_000,
				() -> headerMinings(hostsEditor).getOrDefault(machine, List.of()).toString().contains("\u00d7 2 CPUs"));
		waitUntil("the scenario's figures change with the machine", 60_000,
				() -> !headerMinings(planEditor).getOrDefault(add, onFourCpus).equals(onFourCpus));
		assertTrue(hostsEditor.isDirty(), "the machine's edit is not saved");
		assertTrue(!planEditor.isDirty(), "the scenario's file is not touched");
		// virtio_blk makes no more queues than CPUs: 2 queues and the config vector
		assertEquals(List.of("40 per-queue (3 slots each); 282 free vectors left"), headerMinings(planEditor).get(add));
	}
}
