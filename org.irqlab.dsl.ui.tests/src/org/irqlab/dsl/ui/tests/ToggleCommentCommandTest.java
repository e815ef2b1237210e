package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.processEvents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.bindings.Binding;
import org.eclipse.jface.bindings.keys.KeySequence;
import org.eclipse.jface.bindings.keys.KeyStroke;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.keys.IBindingService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Toggle Comment run through the command framework in an open .irqlab editor, as Ctrl+/ runs it. */
public class ToggleCommentCommandTest {

	private static final String COMMAND_ID = "org.irqlab.dsl.ui.toggleComment";
	private static final String UNDO_ID = "org.eclipse.ui.edit.undo";
	private static final String MODEL = "machine host {\n    kernel 6.12\n    cpus 4\n    nodes 1\n}\n";

	private IProject project;
	private ITextEditor editor;

	@BeforeEach
	void openAModel() throws CoreException {
		project = Workbench.newProject("toggle-comment");
		editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "host.irqlab", MODEL));
		// the handler's activeWhen and the editor's key context are evaluated from the event loop
		processEvents(100);
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void commentsTheSelectedLinesOutAndBackIn() throws Exception {
		IDocument document = document(editor);
		// kernel and cpus selected with Shift+Down: the selection ends at column 0 of the nodes line
		int start = document.getLineOffset(1);
		editor.selectAndReveal(start, document.getLineOffset(3) - start);

		execute(COMMAND_ID);
		assertEquals("machine host {\n    // kernel 6.12\n    // cpus 4\n    nodes 1\n}\n", document.get());

		execute(COMMAND_ID);
		assertEquals(MODEL, document.get());
	}

	@Test
	void aSelectionFromMidLineToMidLineTogglesBothLinesBothWays() throws Exception {
		IDocument document = document(editor);
		int start = document.getLineOffset(2) + 6;
		editor.selectAndReveal(start, document.getLineOffset(3) + 6 - start);

		execute(COMMAND_ID);
		assertEquals("machine host {\n    kernel 6.12\n    // cpus 4\n    // nodes 1\n}\n", document.get());

		execute(COMMAND_ID);
		assertEquals(MODEL, document.get());
	}

	@Test
	void oneUndoPutsAllTheLinesBack() throws Exception {
		IDocument document = document(editor);
		int start = document.getLineOffset(0);
		editor.selectAndReveal(start, document.getLineOffset(4) + 1 - start);
		execute(COMMAND_ID);
		assertEquals("// machine host {\n//     kernel 6.12\n//     cpus 4\n//     nodes 1\n// }\n", document.get());

		execute(UNDO_ID);

		assertEquals(MODEL, document.get());
	}

	@Test
	void ctrlSlashInTheEditorIsToggleComment() {
		IBindingService bindings = editor.getSite().getService(IBindingService.class);

		Binding binding = bindings.getPerfectMatch(KeySequence.getInstance(KeyStroke.getInstance(SWT.MOD1, '/')));

		assertNotNull(binding, "Ctrl+/ is bound to nothing (or to two commands) in the .irqlab editor");
		assertEquals(COMMAND_ID, binding.getParameterizedCommand().getId());
	}

	private void execute(String commandId) throws Exception {
		editor.getSite().getService(IHandlerService.class).executeCommand(commandId, null);
		processEvents(0);
	}
}
