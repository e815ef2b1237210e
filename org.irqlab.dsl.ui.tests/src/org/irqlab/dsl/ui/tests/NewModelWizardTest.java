package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.issues;
import static org.irqlab.dsl.ui.tests.Workbench.lineOf;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchWizard;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.wizards.IWizardDescriptor;
import org.irqlab.dsl.ui.editor.IssueAnnotation;
import org.irqlab.dsl.ui.wizard.NewModelWizard;
import org.irqlab.dsl.ui.wizard.Templates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** File > New > IrqLab Model, found in the wizard registry and driven through its dialog as a user would. */
public class NewModelWizardTest {

	private static final String WIZARD_ID = "org.irqlab.dsl.ui.newModel";
	private static final String GENERIC_EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor";
	private static final long FIRST_VALIDATION_MS = 60_000;

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("new-model-wizard");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void theIncidentTemplateOpensWithTheKernelsErrorOnTheFailingAdd() throws Exception {
		IFile file = finishWizard("incident", Templates.INCIDENT);

		String seed = Workbench.seedModel();
		assertTrue(file.exists(), file.getFullPath().toString());
		assertEquals(seed, contents(file));
		ITextEditor editor = openedEditorOf(file);
		int addLine = Arrays.asList(seed.split("\n", -1)).indexOf("    add 512 x dpu_disk");
		waitUntil("the new model shows an error", FIRST_VALIDATION_MS,
				() -> !issues(editor, IssueAnnotation.ERROR_TYPE).isEmpty());
		List<IssueAnnotation> errors = issues(editor, IssueAnnotation.ERROR_TYPE);
		assertEquals(1, errors.size(), errors.stream().map(IssueAnnotation::getText).toList().toString());
		assertEquals(addLine, lineOf(editor, errors.get(0)));
		assertTrue(errors.get(0).getText().contains("fail to probe: -EBUSY (-16)"), errors.get(0).getText());
	}

	@Test
	void theEmptyMachineTemplateGivesAMachineToFillIn() throws Exception {
		IFile file = finishWizard("empty.irqlab", Templates.EMPTY_MACHINE);

		assertTrue(file.exists(), file.getFullPath().toString());
		String text = contents(file);
		assertTrue(text.contains("machine host {\n    kernel 6.12\n    cpus 16\n    nodes 1\n}\n"), text);
		assertTrue(!text.contains("dpu_disk"), text);
		openedEditorOf(file);
	}

	/** Runs the wizard with the project selected, as from the Project Explorer; the dialog stays non-modal for the test. */
	private IFile finishWizard(String fileName, Templates template) {
		IWizardDescriptor descriptor = PlatformUI.getWorkbench().getNewWizardRegistry().findWizard(WIZARD_ID);
		assertNotNull(descriptor, "no new wizard " + WIZARD_ID + " in the registry");
		IWorkbenchWizard wizard;
		try {
			wizard = descriptor.createWizard();
		} catch (CoreException e) {
			throw new AssertionError("the registry cannot create " + WIZARD_ID, e);
		}
		wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project));
		WizardDialog dialog = new WizardDialog(page().getWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		try {
			NewModelWizard.Page page = (NewModelWizard.Page) wizard.getPage("newIrqLabModel");
			assertEquals(project.getFullPath(), page.getContainerFullPath(), "the selected project is the folder");
			page.setFileName(fileName);
			page.setTemplate(template);
			assertTrue(wizard.canFinish(), String.valueOf(page.getErrorMessage()));

			assertTrue(wizard.performFinish(), String.valueOf(page.getErrorMessage()));
		} finally {
			dialog.close();
		}
		// the page adds the extension when it is left out
		return project.getFile(fileName.endsWith(".irqlab") ? fileName : fileName + ".irqlab");
	}

	private static ITextEditor openedEditorOf(IFile file) {
		IEditorPart editor = page().getActiveEditor();
		assertNotNull(editor, "the wizard opened no editor");
		assertEquals(GENERIC_EDITOR_ID, editor.getSite().getId());
		assertEquals(file, editor.getEditorInput().getAdapter(IFile.class));
		return (ITextEditor) editor;
	}

	private static String contents(IFile file) throws Exception {
		try (InputStream in = file.getContents()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
