package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.HOSTS;
import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.PLAN;
import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.messages;
import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.refactoring.RenameHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rename across the project's files (Alt+Shift+R) and Format (Ctrl+Shift+F) through the model. */
public class RefactoringTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("refactoring");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void renamingTheMachineRenamesItsUseInTheOtherFile() throws Exception {
		IFile plan = Workbench.file(project, "plan.irqlab", PLAN);
		ITextEditor hostsEditor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "hosts.irqlab", HOSTS));
		ITextEditor planEditor = (ITextEditor) IDE.openEditor(page(), plan);
		waitUntil("plan.irqlab is checked", 60_000, () -> messages(planEditor).stream().anyMatch(m -> m.contains("online CPUs")));
		page().closeEditor(planEditor, false);

		assertNull(RenameHandler.rename(document(hostsEditor), HOSTS.indexOf("machine m") + "machine ".length(), "rack"));

		assertTrue(document(hostsEditor).get().contains("machine rack {"), document(hostsEditor).get());
		assertTrue(hostsEditor.isDirty(), "the open file keeps the rename unsaved, as if typed");
		String saved = new String(plan.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(PLAN.replace("on m {", "on rack {"), saved, "the file no editor shows is renamed and saved");
		ITextEditor reopened = (ITextEditor) IDE.openEditor(page(), plan);
		waitUntil("the renamed use resolves", 60_000, () -> messages(reopened).stream().anyMatch(m -> m.contains("online CPUs")));
		assertTrue(messages(reopened).stream().noneMatch(m -> m.contains("Couldn't resolve")), messages(reopened).toString());
	}

	@Test
	void formatIndentsAndLeavesAFormattedFileUntouched() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(),
				Workbench.file(project, "messy.irqlab", "machine   m {\ncpus 4\n  kernel 6.12\n}\n"));
		waitUntil("the model has the file", 60_000, () -> !messages(editor).isEmpty() || isChecked(editor));

		execute("org.irqlab.dsl.ui.format");

		assertEquals("machine m {\n    cpus 4\n    kernel 6.12\n}\n", document(editor).get());
		editor.doSave(null);
		assertFalse(editor.isDirty());

		execute("org.irqlab.dsl.ui.format");

		assertFalse(editor.isDirty(), "formatting a formatted file changes nothing");
		assertEquals("machine m {\n    cpus 4\n    kernel 6.12\n}\n", document(editor).get());
	}

	private static boolean isChecked(ITextEditor editor) {
		var snapshot = org.irqlab.dsl.ui.editor.ModelSnapshots.latest(document(editor));
		return snapshot != null && snapshot.isCurrent();
	}

	private static void execute(String command) throws Exception {
		page().getWorkbenchWindow().getService(IHandlerService.class).executeCommand(command, null);
	}
}
