package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.views.VectorMatrixView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Vector Matrix view next to the seed model: one cell per CPU, the vectors of a clicked CPU, and live updates. */
public class VectorMatrixViewTest {

	private IProject project;
	private ITextEditor editor;
	private VectorMatrixView view;

	@BeforeEach
	void openTheSeedModelAndTheView() throws Exception {
		project = Workbench.newProject("vector-matrix");
		editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "seed.irqlab", Workbench.seedModel()));
		int inScenario = document(editor).get().indexOf("add 512");
		editor.selectAndReveal(inScenario, 0);
		view = (VectorMatrixView) page().showView(VectorMatrixView.ID);
		page().activate(editor);
		waitUntil("the view shows the seed scenario", 60_000, () -> view.cellCount() > 0);
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		page().hideView(view);
		Workbench.discard(project);
	}

	@Test
	void oneCellPerCpu() {
		assertTrue(view.cellCount() == 80, "cells: " + view.cellCount());
		assertTrue(view.titleText().contains("scenario hotplug on inspur"), view.titleText());
		assertTrue(view.titleText().contains("2 NUMA nodes"), view.titleText());
	}

	@Test
	void clickingACpuListsTheVectorsOnIt() {
		view.selectCpu(41);

		String details = view.detailsText();
		assertTrue(details.startsWith("CPU 41 (node 1, online)"), details);
		assertTrue(details.contains("virtio"), details);
		assertTrue(details.contains("managed reserved "), details);
	}

	@Test
	void followsTheTextAsItIsTyped() throws Exception {
		String before = view.titleText();
		IDocument document = document(editor);

		document.replace(document.get().indexOf("512 x"), 3, "10");

		waitUntil("the title shows the new end state", 20_000, () -> !view.titleText().equals(before));
		assertTrue(view.cellCount() == 80);
	}
}
