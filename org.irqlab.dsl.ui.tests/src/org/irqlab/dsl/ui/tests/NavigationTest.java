package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.HOSTS;
import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.PLAN;
import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.messages;
import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.navigation.DeclarationHyperlinkDetector;
import org.irqlab.dsl.ui.navigation.FindReferencesHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** F3 and Ctrl+click on a name go to its declaration, in the other file of the project too; Find References lists its uses. */
public class NavigationTest {

	private IProject project;
	private IFile hosts;
	private ITextEditor planEditor;

	@BeforeEach
	void openThePlan() throws Exception {
		project = Workbench.newProject("navigation");
		hosts = Workbench.file(project, "hosts.irqlab", HOSTS);
		planEditor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "plan.irqlab", PLAN));
		waitUntil("plan.irqlab is checked", 60_000, () -> messages(planEditor).stream().anyMatch(m -> m.contains("online CPUs")));
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void f3OnTheMachineOpensItsDeclarationInTheOtherFile() throws Exception {
		planEditor.selectAndReveal(PLAN.indexOf("on m") + 3, 0);

		page().getWorkbenchWindow().getService(IHandlerService.class).executeCommand("org.eclipse.ui.edit.text.open.hyperlink", null);

		waitUntil("hosts.irqlab is the active editor", 10_000,
				() -> page().getActiveEditor() != null && page().getActiveEditor().getEditorInput().getName().equals("hosts.irqlab"));
		ITextSelection selection = (ITextSelection) ((ITextEditor) page().getActiveEditor()).getSelectionProvider().getSelection();
		assertEquals(HOSTS.indexOf("machine m") + "machine ".length(), selection.getOffset());
		assertEquals("m", selection.getText());
	}

	@Test
	void ctrlClickOnTheDeviceTypeLinksToItsDeclaration() throws Exception {
		int disk = PLAN.indexOf("x disk") + 2;
		DeclarationHyperlinkDetector detector = new DeclarationHyperlinkDetector();

		IHyperlink[] links = detector.detectHyperlinks(Workbench.viewer(planEditor), new Region(disk + 1, 0), false);

		assertNotNull(links, "a link on `disk`");
		assertEquals(new Region(disk, "disk".length()), links[0].getHyperlinkRegion(), "the whole name is underlined");
		links[0].open();
		ITextEditor opened = (ITextEditor) page().getActiveEditor();
		assertEquals(hosts.getName(), opened.getEditorInput().getName());
		ITextSelection selection = (ITextSelection) opened.getSelectionProvider().getSelection();
		assertEquals("disk", selection.getText());
		assertTrue(document(opened).get().startsWith("device disk", selection.getOffset() - "device ".length()));
	}

	@Test
	void findReferencesOnTheMachineListsItsUseInTheOtherFile() throws Exception {
		ITextEditor hostsEditor = (ITextEditor) IDE.openEditor(page(), hosts);

		var references = FindReferencesHandler.references(document(hostsEditor), HOSTS.indexOf("machine m") + "machine ".length());

		assertEquals(1, references.size(), references.toString());
		assertTrue(references.get(0).getUri().endsWith("/plan.irqlab"), references.toString());
		assertEquals(PLAN.lines().toList().indexOf("scenario s on m {"), references.get(0).getRange().getStart().getLine());
		assertEquals("scenario s on ".length(), references.get(0).getRange().getStart().getCharacter());
	}

	@Test
	void noLinkOnANumber() {
		int number = PLAN.indexOf("40");

		assertEquals(null, new DeclarationHyperlinkDetector().detectHyperlinks(Workbench.viewer(planEditor),
				new Region(number, 0), false));
	}
}
