package org.irqlab.dsl.ui.refactoring;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ltk.core.refactoring.CheckConditionsOperation;
import org.eclipse.ltk.core.refactoring.PerformRefactoringOperation;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.ui.refactoring.RefactoringWizardOpenOperation;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.Names;

/**
 * Alt+Shift+R on a machine, device type, scenario or named device, at its declaration or at a use: asks
 * for the new name and, on *Preview >*, shows every change in every file of the project that names it
 * before *OK* makes them ({@link IrqLabRename}).
 */
public class RenameHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		ITextEditor editor = Adapters.adapt(HandlerUtil.getActiveEditor(event), ITextEditor.class);
		if (editor == null || !editor.isEditable()
				|| !(editor.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		Shell shell = HandlerUtil.getActiveShell(event);
		IrqLabRename rename = new IrqLabRename(document, selection.getOffset(), Names.at(document, selection.getOffset()));
		try {
			new RefactoringWizardOpenOperation(new RenameWizard(rename)).run(shell, "Rename");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	/**
	 * Renames without asking (the same refactoring, its change made at once).
	 *
	 * @return null when renamed, else what stopped it, in words for the user
	 */
	public static String rename(IDocument document, int offset, String newName) {
		IrqLabRename rename = new IrqLabRename(document, offset, Names.at(document, offset));
		rename.setNewName(newName);
		PerformRefactoringOperation operation = new PerformRefactoringOperation(rename,
				CheckConditionsOperation.ALL_CONDITIONS);
		try {
			operation.run(new NullProgressMonitor());
		} catch (CoreException e) {
			return e.getStatus().getMessage();
		}
		RefactoringStatus status = operation.getConditionStatus();
		if (status != null && status.hasFatalError()) {
			return status.getMessageMatchingSeverity(RefactoringStatus.FATAL);
		}
		return null;
	}
}
