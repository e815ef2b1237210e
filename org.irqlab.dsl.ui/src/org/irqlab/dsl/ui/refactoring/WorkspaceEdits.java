package org.irqlab.dsl.ui.refactoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.irqlab.dsl.ui.editor.DocumentEdits;
import org.irqlab.dsl.ui.model.DocumentUris;

/**
 * A rename's edits across the project's files, made in the files' buffers: a file open in an editor keeps
 * the change unsaved there, as if typed; a file no editor shows is saved, or the change would be invisible.
 */
final class WorkspaceEdits {

	private WorkspaceEdits() {
	}

	static void apply(WorkspaceEdit edit) throws CoreException, BadLocationException {
		for (Map.Entry<String, List<? extends TextEdit>> each : byUri(edit).entrySet()) {
			IFile file = DocumentUris.fileOf(each.getKey());
			if (file == null) {
				throw new CoreException(org.eclipse.core.runtime.Status.error(each.getKey() + " is in no open project"));
			}
			apply(file, each.getValue());
		}
	}

	/** The workbench does not tell the model it takes LSP's documentChanges, so the edits come as plain changes. */
	private static Map<String, List<? extends TextEdit>> byUri(WorkspaceEdit edit) {
		Map<String, List<? extends TextEdit>> result = new LinkedHashMap<>();
		if (edit.getChanges() != null) {
			result.putAll(edit.getChanges());
		}
		return result;
	}

	private static void apply(IFile file, List<? extends TextEdit> edits) throws CoreException, BadLocationException {
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		IPath path = file.getFullPath();
		boolean shown = manager.getTextFileBuffer(path, LocationKind.IFILE) != null;
		manager.connect(path, LocationKind.IFILE, null);
		try {
			ITextFileBuffer buffer = manager.getTextFileBuffer(path, LocationKind.IFILE);
			DocumentEdits.apply(buffer.getDocument(), edits);
			if (!shown) {
				buffer.commit(null, true);
			}
		} finally {
			manager.disconnect(path, LocationKind.IFILE, null);
		}
	}
}
