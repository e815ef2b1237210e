package org.irqlab.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opens .irqlab files in the workbench as a user would, and waits for the live validation. */
public class EditorTest {

	private static final String GENERIC_EDITOR_ID = "org.eclipse.ui.genericeditor.GenericEditor";
	private static final String ERROR_TYPE = "org.eclipse.ui.workbench.texteditor.error";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void closeEditorsAndDeleteProject() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void irqlabFileOpensInTheGenericEditor() throws CoreException {
		IEditorPart editor = IDE.openEditor(page(), file("host.irqlab", "machine host {\n  cpus 4\n}\n"));

		assertEquals(GENERIC_EDITOR_ID, editor.getSite().getId());
	}

	@Test
	void syntaxErrorIsMarkedWhileTheFileIsOpen() throws CoreException {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), file("broken.irqlab", "machine host {\n  cpus\n}\n"));

		List<Annotation> errors = waitForErrors(editor, 20_000);

		assertTrue(!errors.isEmpty(), "expected a syntax error annotation on the incomplete `cpus` setting");
	}

	@Test
	void validModelHasNoErrorAnnotation() throws CoreException {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(),
				file("valid.irqlab", "machine host {\n  kernel 6.12\n  cpus 4\n}\n"));
		waitForValidation(editor);

		assertEquals(List.of(), errorMessages(editor));
	}

	private IFile file(String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}

	private static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	private static List<Annotation> waitForErrors(ITextEditor editor, long timeoutMs) {
		long deadline = System.currentTimeMillis() + timeoutMs;
		List<Annotation> errors = errors(editor);
		while (errors.isEmpty() && System.currentTimeMillis() < deadline) {
			processEvents(50);
			errors = errors(editor);
		}
		return errors;
	}

	/** The first validation needs the injector; give it time, then settle. */
	private static void waitForValidation(ITextEditor editor) {
		long deadline = System.currentTimeMillis() + 5_000;
		while (System.currentTimeMillis() < deadline) {
			processEvents(50);
		}
	}

	private static List<String> errorMessages(ITextEditor editor) {
		List<String> messages = new ArrayList<>();
		for (Annotation each : errors(editor)) {
			messages.add(each.getText());
		}
		return messages;
	}

	private static List<Annotation> errors(ITextEditor editor) {
		// The editor shows the viewer's annotation model, which is where live validation puts its annotations.
		ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextViewer.class);
		IAnnotationModel model = viewer.getAnnotationModel();
		List<Annotation> result = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation each = it.next();
			if (ERROR_TYPE.equals(each.getType())) {
				result.add(each);
			}
		}
		return result;
	}

	private static void processEvents(long sleepMs) {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// drain the queue
		}
		try {
			Thread.sleep(sleepMs);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
