package org.irqlab.dsl.ui.model;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.eclipse.core.resources.IFile;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.ide.quickfix.CapacityQuickFixes;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.builder.LiveMarkers;
import org.irqlab.dsl.ui.editor.ModelSnapshot;
import org.irqlab.dsl.ui.editor.ModelSnapshots;

/**
 * Where the model's diagnostics go: an open document's to its annotations and to the views that follow it,
 * and every file's to its problem markers, so editor and Problems view say the same. Diagnostics of a
 * text the document no longer holds are dropped: the build of the newer text publishes again.
 */
final class ModelProblems implements Consumer<PublishDiagnosticsParams> {

	private final OpenDocuments documents;
	private final LiveMarkers markers;
	private LiveAnnotations annotations;

	ModelProblems(OpenDocuments documents, LiveMarkers markers) {
		this.documents = documents;
		this.markers = markers;
	}

	@Override
	public void accept(PublishDiagnosticsParams params) {
		List<Issue> issues = params.getDiagnostics().stream().map(InProcessServer::issueOf).filter(Objects::nonNull)
				.toList();
		OpenDocuments.Open open = documents.of(params.getUri());
		if (open != null) {
			Integer version = params.getVersion();
			if (version == null || version != open.version().get()) {
				return;
			}
			annotations().show(open.annotationModel(), issues);
			ModelSnapshots.publish(new ModelSnapshot(open.document(), open.uri(), version, issues));
		}
		IFile file = DocumentUris.fileOf(params.getUri());
		if (file != null) {
			markers.show(file, issues);
		}
	}

	private LiveAnnotations annotations() {
		if (annotations == null) {
			annotations = new LiveAnnotations(IrqLabUiPlugin.getDefault().getInjector().getInstance(CapacityQuickFixes.class));
		}
		return annotations;
	}
}
