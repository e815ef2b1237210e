package org.irqlab.dsl.ide.server;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.Logger;
import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckType;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.xbase.lib.Exceptions;
import org.irqlab.dsl.validation.IssueCodes;

import com.google.inject.Inject;

/**
 * Builds so that one document that cannot be checked does not silence the others. Xtext's build
 * manager keeps every changed document queued until a build of them succeeds: a document whose build
 * throws (a StackOverflowError, a bug) would fail every later build, for every document, until it is
 * closed. Here a failing build is done again one document at a time; the one that still fails gets an
 * error diagnostic of its own and its failure goes to the client's log, and the others their diagnostics.
 */
public class IrqLabProjectManager extends ProjectManager {

	private static final Logger LOG = Logger.getLogger(IrqLabProjectManager.class);

	@Inject
	private OperationCanceledManager cancellation;

	@Override
	public IncrementalBuilder.Result doBuild(List<URI> dirtyFiles, List<URI> deletedFiles,
			List<IResourceDescription.Delta> externalDeltas, CancelIndicator cancelIndicator) {
		try {
			return super.doBuild(dirtyFiles, deletedFiles, externalDeltas, cancelIndicator);
		} catch (Throwable failure) {
			rethrowIfCancelled(failure);
			if (dirtyFiles.size() + deletedFiles.size() <= 1) {
				notChecked(dirtyFiles.isEmpty() ? null : dirtyFiles.get(0), failure);
				return new IncrementalBuilder.Result(getIndexState(), List.of());
			}
			List<IResourceDescription.Delta> affected = new ArrayList<>();
			for (URI each : dirtyFiles) {
				affected.addAll(buildAlone(List.of(each), List.of(), externalDeltas, cancelIndicator));
			}
			if (!deletedFiles.isEmpty()) {
				affected.addAll(buildAlone(List.of(), deletedFiles, externalDeltas, cancelIndicator));
			}
			return new IncrementalBuilder.Result(getIndexState(), affected);
		}
	}

	private List<IResourceDescription.Delta> buildAlone(List<URI> dirty, List<URI> deleted,
			List<IResourceDescription.Delta> externalDeltas, CancelIndicator cancelIndicator) {
		try {
			return super.doBuild(dirty, deleted, externalDeltas, cancelIndicator).getAffectedResources();
		} catch (Throwable failure) {
			rethrowIfCancelled(failure);
			notChecked(dirty.isEmpty() ? null : dirty.get(0), failure);
			return List.of();
		}
	}

	private void rethrowIfCancelled(Throwable failure) {
		if (cancellation.isOperationCanceledException(failure)) {
			throw Exceptions.sneakyThrow(failure);
		}
	}

	/** Logs the failure and puts an error on the document, so the user learns why it has no other diagnostics. */
	private void notChecked(URI uri, Throwable failure) {
		LOG.error("IrqLab could not check " + (uri == null ? "the workspace" : uri), failure);
		if (uri == null) {
			return;
		}
		Issue.IssueImpl issue = new Issue.IssueImpl();
		issue.setSeverity(Severity.ERROR);
		issue.setType(CheckType.FAST);
		issue.setCode(IssueCodes.DOCUMENT_NOT_CHECKED);
		issue.setMessage("IrqLab could not check this document (" + ServerLog.describe(failure)
				+ "); the language server's log has the details");
		issue.setUriToProblem(uri);
		issue.setOffset(0);
		issue.setLength(0);
		issue.setLineNumber(1);
		issue.setColumn(1);
		issue.setLineNumberEnd(1);
		issue.setColumnEnd(1);
		try {
			getIssueAcceptor().apply(uri, List.of(issue));
		} catch (RuntimeException e) {
			LOG.error("could not report that " + uri + " was not checked", e);
		}
	}
}
