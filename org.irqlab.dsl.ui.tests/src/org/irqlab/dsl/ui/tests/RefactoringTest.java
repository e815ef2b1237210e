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
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
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
	void theRenameDialogPreviewsTheChangesInBothFilesBeforeMakingThem() throws Exception {
		IFile plan = Workbench.file(project, "plan.irqlab", PLAN);
		ITextEditor hostsEditor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "hosts.irqlab", HOSTS));
		waitUntil("hosts.irqlab is checked", 60_000, () -> org.irqlab.dsl.ui.editor.ModelSnapshots.latest(document(hostsEditor)) != null);
		hostsEditor.selectAndReveal(HOSTS.indexOf("machine m") + "machine ".length(), 0);

		Display display = Display.getCurrent();
		List<String> previewed = new ArrayList<>();
		List<String> steps = new ArrayList<>();
		long deadline = System.currentTimeMillis() + 60_000;
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			Shell dialog = display.getActiveShell();
			if (dialog != null && dialog.getText().startsWith("Rename")) {
				if (steps.isEmpty()) {
					Text name = find(dialog, Text.class, t -> true);
					if (name != null) {
						name.setText("rack");
						steps.add("typed");
						press(dialog, "Preview");
					}
				} else if (steps.size() == 1) {
					Tree tree = find(dialog, Tree.class, t -> t.getItemCount() > 0);
					if (tree != null) {
						collect(tree.getItems(), previewed);
						if (previewed.stream().anyMatch(i -> i.contains("plan.irqlab")) && previewed.stream().anyMatch(i -> i.contains("hosts.irqlab"))) {
							// nothing written while the preview is shown
							steps.add("previewed: " + document(hostsEditor).get().contains("machine m {"));
							press(dialog, "OK");
							return;
						}
						previewed.clear();
					}
				}
			}
			if (System.currentTimeMillis() < deadline) {
				display.timerExec(100, poll[0]);
			} else if (dialog != null) {
				dialog.close();
			}
		};
		display.timerExec(100, poll[0]);
		execute("org.irqlab.dsl.ui.rename");

		assertEquals(List.of("typed", "previewed: true"), steps, "the dialog took the name and showed the preview; seen: " + previewed);
		assertTrue(previewed.stream().anyMatch(i -> i.contains("plan.irqlab")), previewed.toString());
		assertTrue(previewed.stream().anyMatch(i -> i.contains("hosts.irqlab")), previewed.toString());
		assertTrue(document(hostsEditor).get().contains("machine rack {"), document(hostsEditor).get());
		assertTrue(hostsEditor.isDirty(), "the open file keeps the rename unsaved");
		assertEquals(PLAN.replace("on m {", "on rack {"), new String(plan.getContents().readAllBytes(), StandardCharsets.UTF_8));
	}

	private static <T extends Control> T find(Composite parent, Class<T> type, java.util.function.Predicate<T> test) {
		for (Control each : parent.getChildren()) {
			if (type.isInstance(each) && each.isVisible() && test.test(type.cast(each))) {
				return type.cast(each);
			}
			if (each instanceof Composite composite && each.isVisible()) {
				T found = find(composite, type, test);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static void press(Shell dialog, String label) {
		Button button = find(dialog, Button.class, b -> b.getText().replace("&", "").startsWith(label) && b.isEnabled());
		if (button == null) {
			throw new AssertionError("no enabled button " + label + " in the rename dialog");
		}
		button.notifyListeners(SWT.Selection, new Event());
	}

	private static void collect(TreeItem[] items, List<String> into) {
		for (TreeItem item : items) {
			into.add(item.getText());
			item.setExpanded(true);
			collect(item.getItems(), into);
		}
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
