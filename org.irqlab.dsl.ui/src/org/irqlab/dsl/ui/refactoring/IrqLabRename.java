package org.irqlab.dsl.ui.refactoring;

import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.ltk.core.refactoring.Change;
import org.eclipse.ltk.core.refactoring.CompositeChange;
import org.eclipse.ltk.core.refactoring.Refactoring;
import org.eclipse.ltk.core.refactoring.RefactoringStatus;
import org.eclipse.ltk.core.refactoring.TextFileChange;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.eclipse.text.edits.TextEditGroup;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.editor.TextPositions;
import org.irqlab.dsl.ui.model.DocumentUris;
import org.irqlab.dsl.ui.model.ModelReads;

/**
 * Renaming a machine, device type, scenario or named device as an Eclipse refactoring: the model (the
 * language server's rename) finds every place to change in the project's files, and they become one change
 * per file that the rename dialog previews before anything is written. A file open in an editor keeps the
 * change unsaved there, as if typed; a file no editor shows is saved, or the change would be invisible.
 */
public final class IrqLabRename extends Refactoring {

	private static final long WAIT_MS = 20_000;

	private final IDocument document;
	private final int offset;
	private final String oldName;
	private String newName;
	private WorkspaceEdit edit;

	public IrqLabRename(IDocument document, int offset, String oldName) {
		this.document = document;
		this.offset = offset;
		this.oldName = oldName;
		this.newName = oldName;
	}

	@Override
	public String getName() {
		return "Rename " + oldName;
	}

	public String oldName() {
		return oldName;
	}

	public void setNewName(String newName) {
		this.newName = newName == null ? "" : newName.strip();
	}

	@Override
	public RefactoringStatus checkInitialConditions(IProgressMonitor monitor) {
		if (IrqLabUiPlugin.getDefault().documents().uriOf(document) == null) {
			return RefactoringStatus.createFatalErrorStatus("This file is not in a project of the workspace.");
		}
		return new RefactoringStatus();
	}

	@Override
	public RefactoringStatus checkFinalConditions(IProgressMonitor monitor) throws OperationCanceledException {
		if (newName.isEmpty()) {
			return RefactoringStatus.createFatalErrorStatus("Type a name.");
		}
		String uri = IrqLabUiPlugin.getDefault().documents().uriOf(document);
		try {
			RenameParams params = new RenameParams(new TextDocumentIdentifier(uri), TextPositions.position(document, offset),
					newName);
			edit = ModelReads.await(IrqLabUiPlugin.getDefault().model().ask(server -> server.rename(params)), WAIT_MS);
		} catch (BadLocationException e) {
			return RefactoringStatus.createFatalErrorStatus("The text changed while it was being renamed; try again.");
		}
		if (edit == null || edit.getChanges() == null || edit.getChanges().isEmpty()) {
			return RefactoringStatus.createFatalErrorStatus(
					"Nothing here can be renamed: put the cursor on the name of a machine, device type, scenario or named device.");
		}
		for (String each : edit.getChanges().keySet()) {
			if (DocumentUris.fileOf(each) == null) {
				return RefactoringStatus.createFatalErrorStatus(each + " is in no open project");
			}
		}
		return new RefactoringStatus();
	}

	@Override
	public Change createChange(IProgressMonitor monitor) throws CoreException {
		CompositeChange result = new CompositeChange("Rename " + oldName + " to " + newName);
		// the workbench does not tell the model it takes LSP's documentChanges, so the edits come as plain changes
		for (Map.Entry<String, List<org.eclipse.lsp4j.TextEdit>> each : edit.getChanges().entrySet()) {
			IFile file = DocumentUris.fileOf(each.getKey());
			result.add(fileChange(file, each.getValue()));
		}
		return result;
	}

	private TextFileChange fileChange(IFile file, List<org.eclipse.lsp4j.TextEdit> edits) throws CoreException {
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		boolean shown = manager.getTextFileBuffer(path, LocationKind.IFILE) != null;
		manager.connect(path, LocationKind.IFILE, null);
		try {
			ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
			IDocument text = buffer.getDocument();
			TextFileChange change = new TextFileChange(file.getName(), file);
			change.setTextType("irqlab");
			change.setSaveMode(shown ? TextFileChange.LEAVE_DIRTY : TextFileChange.FORCE_SAVE);
			MultiTextEdit root = new MultiTextEdit();
			change.setEdit(root);
			for (org.eclipse.lsp4j.TextEdit each : edits) {
				int[] region = TextPositions.region(text, each.getRange());
				ReplaceEdit replace = new ReplaceEdit(region[0], region[1], each.getNewText());
				root.addChild(replace);
				change.addTextEditGroup(new TextEditGroup("Rename " + oldName + " to " + newName, replace));
			}
			return change;
		} catch (BadLocationException e) {
			throw new CoreException(org.eclipse.core.runtime.Status.error(file.getName() + " changed while it was being renamed; try again"));
		} finally {
			manager.disconnect(path, LocationKind.IFILE, null);
		}
	}
}
