package org.irqlab.dsl.ui.model;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Every .irqlab file buffer (what an editor, a quick fix or a rename edits) is an open document of the
 * model, its unsaved text the model's content for that file: opened when the buffer is created, each
 * change sent as it happens, closed when the buffer goes (the model then reads the file again).
 */
public final class OpenDocuments implements IFileBufferListener {

	/** One open document: the URI the model knows it by, and the version of its text last sent. */
	public record Open(String uri, ITextFileBuffer buffer, AtomicInteger version, IDocumentListener listener) {
		public IDocument document() {
			return buffer.getDocument();
		}

		public IAnnotationModel annotationModel() {
			return buffer.getAnnotationModel();
		}
	}

	private final WorkspaceModel model;
	private final Map<IDocument, Open> byDocument = new ConcurrentHashMap<>();
	private final Map<String, Open> byUri = new ConcurrentHashMap<>();

	public OpenDocuments(WorkspaceModel model) {
		this.model = model;
	}

	/** Starts listening; buffers created before (an editor restored with the workbench) open at once. */
	public void install() {
		FileBuffers.getTextFileBufferManager().addFileBufferListener(this);
		for (IFileBuffer each : List.of(FileBuffers.getTextFileBufferManager().getFileBuffers())) {
			bufferCreated(each);
		}
	}

	public void uninstall() {
		FileBuffers.getTextFileBufferManager().removeFileBufferListener(this);
	}

	public Open of(IDocument document) {
		return document == null ? null : byDocument.get(document);
	}

	public Open of(String uri) {
		return byUri.get(uri);
	}

	/** The URI of an open .irqlab document, or null. */
	public String uriOf(IDocument document) {
		Open open = of(document);
		return open == null ? null : open.uri();
	}

	@Override
	public void bufferCreated(IFileBuffer buffer) {
		if (!(buffer instanceof ITextFileBuffer text) || !isModel(buffer) || buffer.getFileStore() == null) {
			return;
		}
		String uri = DocumentUris.of(buffer.getFileStore());
		IDocument document = text.getDocument();
		AtomicInteger version = new AtomicInteger(1);
		IDocumentListener listener = new IDocumentListener() {
			@Override
			public void documentAboutToBeChanged(DocumentEvent event) {
			}

			@Override
			public void documentChanged(DocumentEvent event) {
				// Models are small: the whole text, taken with its version on the editing thread, is simplest to keep in step.
				int next = version.incrementAndGet();
				String content = event.getDocument().get();
				model.tell(server -> server.didChange(new DidChangeTextDocumentParams(
						new VersionedTextDocumentIdentifier(uri, next), List.of(new TextDocumentContentChangeEvent(content)))));
			}
		};
		Open open = new Open(uri, text, version, listener);
		if (byDocument.putIfAbsent(document, open) != null) {
			return;
		}
		byUri.put(uri, open);
		String content = document.get();
		document.addDocumentListener(listener);
		model.tell(server -> server.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "irqlab", 1, content))));
	}

	@Override
	public void bufferDisposed(IFileBuffer buffer) {
		if (!(buffer instanceof ITextFileBuffer text)) {
			return;
		}
		Open open = byDocument.remove(text.getDocument());
		if (open == null) {
			return;
		}
		byUri.remove(open.uri(), open);
		open.document().removeDocumentListener(open.listener());
		model.tell(server -> server.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(open.uri()))));
	}

	private static boolean isModel(IFileBuffer buffer) {
		IPath location = buffer.getLocation();
		return location != null && DocumentUris.isModel(location.lastSegment());
	}

	@Override
	public void bufferContentAboutToBeReplaced(IFileBuffer buffer) {
	}

	@Override
	public void bufferContentReplaced(IFileBuffer buffer) {
	}

	@Override
	public void stateChanging(IFileBuffer buffer) {
	}

	@Override
	public void dirtyStateChanged(IFileBuffer buffer, boolean isDirty) {
	}

	@Override
	public void stateValidationChanged(IFileBuffer buffer, boolean isStateValidated) {
	}

	@Override
	public void underlyingFileMoved(IFileBuffer buffer, IPath path) {
	}

	@Override
	public void underlyingFileDeleted(IFileBuffer buffer) {
	}

	@Override
	public void stateChangeFailed(IFileBuffer buffer) {
	}
}
