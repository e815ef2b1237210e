package org.irqlab.dsl.ui.model;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.ide.server.IrqLabLanguageServer;

import com.google.inject.Singleton;

/**
 * The language server, running inside the workbench. Its diagnostics never cross a wire, so each one
 * carries the validator's {@link Issue} itself: the editor's quick fixes need the issue's code and data,
 * which LSP's diagnostic would only give back as text.
 */
@Singleton
public class InProcessServer extends IrqLabLanguageServer {

	@Override
	protected Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = super.toDiagnostic(issue);
		diagnostic.setData(issue);
		return diagnostic;
	}

	/** The validator's issue behind a diagnostic this server published, or null for any other diagnostic. */
	public static Issue issueOf(Diagnostic diagnostic) {
		return diagnostic.getData() instanceof Issue issue ? issue : null;
	}

	/**
	 * Reads a file's resource as the server's last build left it (with the open documents' unsaved text),
	 * after every edit sent before; a later edit cancels the read. The work gets null for a file that is in
	 * no project the server knows.
	 */
	public <T> CompletableFuture<T> read(String uri, BiFunction<XtextResource, CancelIndicator, T> work) {
		URI resourceUri = getURI(new TextDocumentIdentifier(uri));
		return getRequestManager().runRead(cancel -> getWorkspaceManager().doRead(resourceUri,
				(document, resource) -> work.apply(resource, cancel)));
	}
}
