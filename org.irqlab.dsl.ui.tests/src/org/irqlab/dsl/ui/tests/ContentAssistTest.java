package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.processEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.IrqLabContentAssistProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Content assist pops up after keywords, proposes names from other files, and never swallows Enter after a number. */
public class ContentAssistTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("assist");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void enterAfterSmtAndANumberIsANewLine() throws Exception {
		String text = "machine m {\n    cpus 4\n}\n";
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "typed.irqlab", text));
		Workbench.waitUntil("the model has the file", 60_000, () -> org.irqlab.dsl.ui.editor.ModelSnapshots.latest(document(editor)) != null);
		StyledText widget = (StyledText) editor.getAdapter(org.eclipse.swt.widgets.Control.class);
		widget.setFocus();
		editor.selectAndReveal(text.indexOf("cpus 4") + "cpus 4".length(), 0);

		// typed as a user would, with pauses long enough for the auto-activation popup to appear
		type(widget, "\n    smt ");
		processEvents(1500);
		type(widget, "2");
		processEvents(1500);
		type(widget, "\n");
		processEvents(500);

		String typed = document(editor).get();
		assertTrue(typed.contains("    smt 2\n"), typed);
		assertTrue(!typed.contains("adjacent"), typed);
	}

	@Test
	void ctrlSpaceAfterOnProposesTheMachineOfAnotherFile() throws Exception {
		Workbench.file(project, "hosts.irqlab", CrossFileEditingTest.HOSTS);
		String plan = "import lab.*\n\nscenario s on \n";
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "plan.irqlab", plan));
		Workbench.waitUntil("the model has the file", 60_000, () -> org.irqlab.dsl.ui.editor.ModelSnapshots.latest(document(editor)) != null);

		ICompletionProposal[] proposals = new IrqLabContentAssistProcessor()
				.computeCompletionProposals(Workbench.viewer(editor), plan.indexOf("on ") + 3);

		assertTrue(Arrays.stream(proposals).anyMatch(p -> p.getDisplayString().equals("m")),
				Arrays.stream(proposals).map(ICompletionProposal::getDisplayString).toList().toString());
	}

	@Test
	void nothingPopsUpAfterANumberAndASpace() throws Exception {
		String text = "machine m {\n    cpus 4 \n}\n";
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "number.irqlab", text));
		Workbench.waitUntil("the model has the file", 60_000, () -> org.irqlab.dsl.ui.editor.ModelSnapshots.latest(document(editor)) != null);

		ICompletionProposal[] proposals = new IrqLabContentAssistProcessor()
				.computeCompletionProposals(Workbench.viewer(editor), text.indexOf("4 ") + 2);

		assertEquals(0, proposals.length);
	}

	/**
	 * Key events as the text widget gets them from the keyboard: they pass the content assistant's key
	 * listeners (Enter applies a proposal while the popup is open), whichever shell has the X focus.
	 */
	private static void type(StyledText widget, String keys) {
		for (char c : keys.toCharArray()) {
			for (int type : new int[] { SWT.KeyDown, SWT.KeyUp }) {
				Event event = new Event();
				event.type = type;
				event.widget = widget;
				event.character = c == '\n' ? SWT.CR : c;
				event.keyCode = c == '\n' ? SWT.CR : c;
				widget.notifyListeners(type, event);
			}
			processEvents(30);
		}
	}
}
