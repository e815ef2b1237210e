package org.irqlab.dsl.ide.server;

import java.util.List;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The server learns of `.irqlab` files changed outside the editor (a `git pull`, `irqlab import`) only if the
 * client watches them for it: LSP has the server register for workspace/didChangeWatchedFiles, which a client
 * accepts when it says it supports dynamic registration. Xtext then rebuilds the changed files and the open
 * documents that import them.
 */
final class WatchedFiles {

	static final String METHOD = "workspace/didChangeWatchedFiles";
	static final String REGISTRATION_ID = "irqlab.watchedFiles";
	static final String PATTERN = "**/*.irqlab";

	private WatchedFiles() {
	}

	/** @return the registration to send once initialized, or null when the client cannot take it */
	static RegistrationParams registration(ClientCapabilities capabilities) {
		DidChangeWatchedFilesCapabilities watched = capabilities == null || capabilities.getWorkspace() == null ? null
				: capabilities.getWorkspace().getDidChangeWatchedFiles();
		if (watched == null || !Boolean.TRUE.equals(watched.getDynamicRegistration())) {
			return null;
		}
		DidChangeWatchedFilesRegistrationOptions options = new DidChangeWatchedFilesRegistrationOptions(
				List.of(new FileSystemWatcher(Either.forLeft(PATTERN))));
		return new RegistrationParams(List.of(new Registration(REGISTRATION_ID, METHOD, options)));
	}
}
