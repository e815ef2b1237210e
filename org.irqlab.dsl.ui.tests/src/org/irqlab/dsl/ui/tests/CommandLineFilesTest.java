package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.HOSTS;
import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.PLAN;
import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.markerMessages;
import static org.irqlab.dsl.ui.tests.CrossFileEditingTest.messages;
import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.IrqLabStartup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * `./irqlab workbench FILE`: the file's folder is linked into a workspace project, so the file is checked with
 * its neighbours, marked and commentable, and nothing is written into the user's folder.
 */
public class CommandLineFilesTest {

	private Path folder;
	private IFile opened;

	@AfterEach
	void closeAndForget() throws Exception {
		page().closeAllEditors(false);
		if (opened != null) {
			opened.getProject().delete(IResource.NEVER_DELETE_PROJECT_CONTENT | IResource.FORCE, null);
		}
		try (var files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	@Test
	void aFileOutsideTheWorkspaceIsOpenedThroughALinkedFolder() throws Exception {
		folder = Files.createTempDirectory("irqlab-models");
		Files.writeString(folder.resolve("hosts.irqlab"), HOSTS);
		Path plan = Files.writeString(folder.resolve("plan.irqlab"), PLAN);

		IrqLabStartup.open(new String[] { plan.toString() });

		ITextEditor editor = (ITextEditor) page().getActiveEditor();
		opened = Adapters.adapt(editor.getEditorInput(), IFile.class);
		assertNotNull(opened, "the editor shows a workspace file");
		assertEquals(plan.toFile().getCanonicalFile(), opened.getLocation().toFile().getCanonicalFile(),
				"the file is edited where it is");
		assertTrue(opened.getParent().isLinked(), "its folder is linked into a project of the workspace");
		waitUntil("the scenario is checked on the machine of the file beside it", 60_000,
				() -> messages(editor).stream().anyMatch(m -> m.contains("on 4 online CPUs")));
		waitUntil("the Problems view has the file's problems", 60_000, () -> !markerMessages(opened).isEmpty());

		page().getWorkbenchWindow().getService(IHandlerService.class).executeCommand("org.irqlab.dsl.ui.toggleComment", null);

		assertTrue(document(editor).get().startsWith("// import lab.*"), document(editor).get());
		assertTrue(Files.readString(plan).equals(PLAN), "the file on disk is edited in place, on save only");
		waitUntil("the builder wrote the reports into the workspace project", 60_000,
				() -> opened.getProject().getFolder("irqlab-gen").exists());
		try (var written = Files.list(folder)) {
			assertEquals(java.util.List.of("hosts.irqlab", "plan.irqlab"),
					written.map(p -> p.getFileName().toString()).sorted().toList(),
					"nothing is written into the user's folder: no .project, no irqlab-gen/");
		}
	}
}
