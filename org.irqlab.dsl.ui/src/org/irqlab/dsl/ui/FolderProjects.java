package org.irqlab.dsl.ui;

import java.io.File;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.irqlab.dsl.ui.model.DocumentUris;

/**
 * A file given on the command line becomes a workspace file without anything written beside it: a project in
 * the workspace (its `.project` and the builder's `irqlab-gen/` stay there) holds a linked folder to the
 * file's folder, so the builder, the Problems view, Ctrl+/ and the model's other files (a machine declared
 * beside the scenario) work as for any project's file, and the user's folder only ever gets their own edits.
 */
final class FolderProjects {

	private FolderProjects() {
	}

	/** @return the workspace file for the file on disk, or null when its folder cannot be linked */
	static IFile fileFor(File file) throws CoreException {
		IFile existing = DocumentUris.fileOf(DocumentUris.of(file.toURI()));
		if (existing != null) {
			return existing;
		}
		File folder = file.getParentFile();
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IPath location = IPath.fromOSString(folder.getAbsolutePath());
		IProject project = workspace.getRoot().getProject(freeName(workspace, folder.getName()));
		IFolder link = project.getFolder(folder.getName().isBlank() ? "models" : folder.getName());
		project.create(null);
		project.open(null);
		// a folder that holds the workspace cannot be linked into it
		IStatus valid = workspace.validateLinkLocation(link, location);
		if (valid.getSeverity() == IStatus.ERROR) {
			project.delete(true, null);
			return null;
		}
		link.createLink(location, IResource.NONE, null);
		link.refreshLocal(IResource.DEPTH_INFINITE, null);
		IFile result = link.getFile(file.getName());
		return result.exists() ? result : null;
	}

	private static String freeName(IWorkspace workspace, String wanted) {
		String name = wanted.isBlank() ? "models" : wanted;
		for (int i = 2; workspace.getRoot().getProject(name).exists(); i++) {
			name = wanted + "-" + i;
		}
		return name;
	}
}
