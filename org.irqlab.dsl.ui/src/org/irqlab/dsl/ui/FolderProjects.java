package org.irqlab.dsl.ui;

import java.io.File;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.irqlab.dsl.ui.model.DocumentUris;

/**
 * A file given on the command line becomes a workspace file: the folder it sits in is opened as a project
 * (the files stay where they are), so the builder, the Problems view, Ctrl+/ and the model's other files
 * (a machine declared beside the scenario) work as for any project's file.
 */
final class FolderProjects {

	private FolderProjects() {
	}

	/** @return the workspace file for the file on disk, or null when its folder cannot be a project */
	static IFile fileFor(File file) throws CoreException {
		IFile existing = DocumentUris.fileOf(DocumentUris.of(file.toURI()));
		if (existing != null) {
			return existing;
		}
		File folder = file.getParentFile();
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IPath location = IPath.fromOSString(folder.getAbsolutePath());
		IProject project = projectAt(workspace, location);
		if (project == null) {
			project = workspace.getRoot().getProject(freeName(workspace, folder.getName()));
			// a folder that holds the workspace, or lies inside another project, cannot be a project itself
			IStatus valid = workspace.validateProjectLocation(project, location);
			if (!valid.isOK()) {
				return null;
			}
			IProjectDescription description = workspace.newProjectDescription(project.getName());
			description.setLocation(location);
			project.create(description, null);
		}
		project.open(null);
		project.refreshLocal(IResource.DEPTH_INFINITE, null);
		IFile result = project.getFile(file.getName());
		return result.exists() ? result : null;
	}

	private static IProject projectAt(IWorkspace workspace, IPath location) {
		for (IProject each : workspace.getRoot().getProjects()) {
			if (location.equals(each.getLocation())) {
				return each;
			}
		}
		return null;
	}

	private static String freeName(IWorkspace workspace, String wanted) {
		String name = wanted.isBlank() ? "models" : wanted;
		for (int i = 2; workspace.getRoot().getProject(name).exists(); i++) {
			name = wanted + "-" + i;
		}
		return name;
	}
}
