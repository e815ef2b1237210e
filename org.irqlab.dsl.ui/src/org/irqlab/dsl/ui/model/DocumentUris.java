package org.irqlab.dsl.ui.model;

import java.net.URI;
import java.net.URISyntaxException;

import org.eclipse.core.filesystem.IFileStore;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;

/**
 * The URIs the server knows files by (file:///path, as LSP clients send them) and back to the
 * workspace's files.
 */
public final class DocumentUris {

	private DocumentUris() {
	}

	public static String of(IFileStore store) {
		return of(store.toURI());
	}

	public static String of(IResource file) {
		URI location = file.getLocationURI();
		return location == null ? null : of(location);
	}

	public static String of(URI location) {
		if (!"file".equals(location.getScheme())) {
			return location.toString();
		}
		try {
			// an empty authority gives file:///path, the form the server writes back in its diagnostics
			return new URI("file", "", location.getPath(), null).toString();
		} catch (URISyntaxException e) {
			return location.toString();
		}
	}

	/** The workspace file at the URI, or null when the file is not in an open project. */
	public static IFile fileOf(String uri) {
		try {
			for (IFile each : ResourcesPlugin.getWorkspace().getRoot().findFilesForLocationURI(new URI(uri))) {
				if (each.isAccessible()) {
					return each;
				}
			}
		} catch (URISyntaxException e) {
			// not a URI this workbench wrote; nothing in the workspace has it
		}
		return null;
	}

	public static boolean isModel(String path) {
		return path != null && path.endsWith(".irqlab");
	}
}
