package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Outline follows the caret, and a click in the Outline moves the caret to the element's name. */
public class OutlineLinkTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("outline");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void theOutlineAndTheCaretFollowEachOther() throws Exception {
		String model = OccurrencesTest.MODEL;
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "linked.irqlab", model));
		ContentOutline outline = (ContentOutline) page().showView(IPageLayout.ID_OUTLINE);
		page().activate(editor);
		Tree tree = (Tree) outline.getCurrentPage().getControl();
		waitUntil("the outline lists the model", 60_000, () -> tree.getItemCount() == 4);

		// the caret in the remove of scenario s: that event is selected, inside its scenario
		editor.selectAndReveal(model.indexOf("remove d1") + 3, 0);
		waitUntil("the outline selects the remove", 10_000, () -> selected(tree).equals(List.of("remove d1")));
		assertEquals("s  (on m)", tree.getSelection()[0].getParentItem().getText());

		// on the machine's cpus line: the machine
		editor.selectAndReveal(model.indexOf("cpus 4"), 0);
		waitUntil("the outline selects the machine", 10_000, () -> selected(tree).equals(List.of("m  (6.12, 4 CPUs)")));

		// between two elements: nothing
		editor.selectAndReveal(model.indexOf("\n\ndevice") + 1, 0);
		waitUntil("nothing is selected between elements", 10_000, () -> selected(tree).isEmpty());

		// a click on scenario t in the outline: the caret goes to its name
		TreeItem t = Arrays.stream(tree.getItems()).filter(item -> item.getText().startsWith("t ")).findFirst().orElseThrow();
		tree.setSelection(t);
		Event click = new Event();
		click.item = t;
		tree.notifyListeners(SWT.Selection, click);
		Workbench.processEvents(100);
		ITextSelection text = (ITextSelection) editor.getSelectionProvider().getSelection();
		assertEquals(model.indexOf("scenario t") + "scenario ".length(), text.getOffset());
		assertEquals("t", text.getText());
		// and the outline keeps t selected after the caret moved there
		Workbench.processEvents(1000);
		assertEquals(List.of("t  (on m)"), selected(tree));
	}

	private static List<String> selected(Tree tree) {
		return Arrays.stream(tree.getSelection()).map(TreeItem::getText).toList();
	}
}
