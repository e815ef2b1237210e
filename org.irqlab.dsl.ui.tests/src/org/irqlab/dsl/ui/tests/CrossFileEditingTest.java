package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.issues;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.builder.ProblemMarkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A project of two files, the machine and its device type in one, the scenario in the other: the scenario's
 * names resolve while it is edited, and an unsaved edit of the machine re-checks the scenario, its editor
 * and the Problems view saying the same.
 */
public class CrossFileEditingTest {

	static final String HOSTS = """
			package lab

			machine m {
			    kernel 6.12
			    cpus 4
			}

			device disk : virtio_blk {
			    queues 4
			}
			""";

	static final String PLAN = """
			import lab.*

			scenario s on m {
			    add 40 x disk
			}
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("lab");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void namesFromTheOtherFileResolveAndAnUnsavedMachineEditRechecksTheScenario() throws Exception {
		IFile hosts = Workbench.file(project, "hosts.irqlab", HOSTS);
		IFile plan = Workbench.file(project, "plan.irqlab", PLAN);
		ITextEditor planEditor = (ITextEditor) IDE.openEditor(page(), plan);

		waitUntil("plan.irqlab is checked on the 4 CPUs of hosts.irqlab", 60_000,
				() -> messages(planEditor).stream().anyMatch(m -> m.contains("on 4 online CPUs")));
		assertTrue(messages(planEditor).stream().noneMatch(m -> m.contains("Couldn't resolve")), messages(planEditor).toString());

		// typing in the scenario keeps the other file's names resolved
		IDocument planText = document(planEditor);
		planText.replace(PLAN.indexOf("40"), 2, "41");
		waitUntil("the edited scenario is checked", 60_000,
				() -> messages(planEditor).stream().anyMatch(m -> m.contains("on 4 online CPUs")) && Workbench.issues(planEditor, null)
						.stream().allMatch(a -> !a.getText().contains("Couldn't resolve")) && isChecked(planEditor));
		assertTrue(messages(planEditor).stream().noneMatch(m -> m.contains("Couldn't resolve")), messages(planEditor).toString());

		ITextEditor hostsEditor = (ITextEditor) IDE.openEditor(page(), hosts);
		IDocument hostsText = document(hostsEditor);
		hostsText.replace(HOSTS.indexOf("cpus 4"), "cpus 4".length(), "cpus 2");

		waitUntil("plan.irqlab is checked again on 2 CPUs", 60_000,
				() -> messages(planEditor).stream().anyMatch(m -> m.contains("on 2 online CPUs")));
		assertTrue(hostsEditor.isDirty(), "the machine's edit is not saved");
		waitUntil("the Problems view says what the editor says", 60_000,
				() -> markerMessages(plan).equals(new TreeSet<>(messages(planEditor))));
		assertTrue(markerMessages(plan).stream().noneMatch(m -> m.contains("on 4 online CPUs")), markerMessages(plan).toString());
		assertEquals(new TreeSet<>(messages(planEditor)), markerMessages(plan));
	}

	private static boolean isChecked(ITextEditor editor) {
		var snapshot = org.irqlab.dsl.ui.editor.ModelSnapshots.latest(document(editor));
		return snapshot != null && snapshot.isCurrent();
	}

	static List<String> messages(ITextEditor editor) {
		return issues(editor, null).stream().map(a -> a.getText()).toList();
	}

	static TreeSet<String> markerMessages(IFile file) {
		try {
			return new TreeSet<>(Arrays.stream(file.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO))
					.map(m -> m.getAttribute(IMarker.MESSAGE, "")).toList());
		} catch (CoreException e) {
			return new TreeSet<>();
		}
	}
}
