package org.irqlab.dsl.ui.model;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersChangeEvent;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/**
 * Keeps the model's projects and files in step with the workspace: each open project is a workspace
 * folder of the server, and .irqlab files created, deleted or changed on disk (a save, a `git pull`, a
 * new file) are told as LSP's watched-file events. The server ignores those for open documents, whose
 * buffers speak for them.
 */
public final class WorkspaceChanges implements IResourceChangeListener {

	private final WorkspaceModel model;
	/** The folder each project was registered with: a deleted project no longer says where it was. */
	private final Map<String, WorkspaceFolder> folders = new ConcurrentHashMap<>();

	public WorkspaceChanges(WorkspaceModel model) {
		this.model = model;
	}

	/** The open projects now, as the server's first workspace folders. */
	public List<WorkspaceFolder> currentFolders() {
		List<WorkspaceFolder> result = new ArrayList<>();
		for (IProject each : ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			WorkspaceFolder folder = register(each);
			if (folder != null) {
				result.add(folder);
			}
			for (IFolder link : linkedFolders(each)) {
				WorkspaceFolder linked = register(link);
				if (linked != null) {
					result.add(linked);
				}
			}
		}
		return result;
	}

	/**
	 * A linked folder's files live outside its project's folder, where the server does not look: it is a
	 * workspace folder of its own (files opened from the command line are linked so, see FolderProjects).
	 */
	private static List<IFolder> linkedFolders(IProject project) {
		List<IFolder> links = new ArrayList<>();
		if (!project.isOpen()) {
			return links;
		}
		try {
			for (IResource member : project.members()) {
				if (member instanceof IFolder folder && folder.isLinked()) {
					links.add(folder);
				}
			}
		} catch (CoreException e) {
			IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
		}
		return links;
	}

	private WorkspaceFolder register(IFolder link) {
		String uri = DocumentUris.of(link);
		if (uri == null) {
			return null;
		}
		WorkspaceFolder folder = new WorkspaceFolder(uri, link.getFullPath().toString());
		return folders.putIfAbsent(link.getFullPath().toString(), folder) == null ? folder : null;
	}

	private WorkspaceFolder register(IProject project) {
		URI location = project.isOpen() ? project.getLocationURI() : null;
		if (location == null) {
			return null;
		}
		WorkspaceFolder folder = new WorkspaceFolder(DocumentUris.of(project), project.getName());
		return folders.putIfAbsent(project.getName(), folder) == null ? folder : null;
	}

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		List<WorkspaceFolder> added = new ArrayList<>();
		List<WorkspaceFolder> removed = new ArrayList<>();
		List<FileEvent> files = new ArrayList<>();
		try {
			delta.accept(each -> {
				IResource resource = each.getResource();
				if (resource instanceof IProject project) {
					return projectChanged(each, project, added, removed);
				}
				if (resource instanceof IFolder folder && folder.getParent() instanceof IProject) {
					linkChanged(each, folder, added, removed);
				}
				if (resource instanceof IFile file && DocumentUris.isModel(file.getName())) {
					fileChanged(each, file, files);
				}
				return true;
			});
		} catch (CoreException e) {
			IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
		}
		if (!added.isEmpty() || !removed.isEmpty()) {
			model.tell(server -> server.didChangeWorkspaceFolders(
					new DidChangeWorkspaceFoldersParams(new WorkspaceFoldersChangeEvent(added, removed))));
		}
		if (!files.isEmpty()) {
			model.tell(server -> server.didChangeWatchedFiles(new DidChangeWatchedFilesParams(files)));
		}
	}

	private void linkChanged(IResourceDelta delta, IFolder folder, List<WorkspaceFolder> added,
			List<WorkspaceFolder> removed) {
		if (delta.getKind() == IResourceDelta.REMOVED) {
			WorkspaceFolder gone = folders.remove(folder.getFullPath().toString());
			if (gone != null) {
				removed.add(gone);
			}
		} else if (delta.getKind() == IResourceDelta.ADDED && folder.isLinked()) {
			WorkspaceFolder link = register(folder);
			if (link != null) {
				added.add(link);
			}
		}
	}

	/** @return whether the project's files are still worth visiting */
	private boolean projectChanged(IResourceDelta delta, IProject project, List<WorkspaceFolder> added,
			List<WorkspaceFolder> removed) {
		boolean opened = (delta.getFlags() & IResourceDelta.OPEN) != 0;
		if (delta.getKind() == IResourceDelta.REMOVED || (opened && !project.isOpen())) {
			WorkspaceFolder folder = folders.remove(project.getName());
			if (folder != null) {
				removed.add(folder);
			}
			return false;
		}
		if (delta.getKind() == IResourceDelta.ADDED || opened) {
			WorkspaceFolder folder = register(project);
			if (folder != null) {
				added.add(folder);
			}
			for (IFolder each : linkedFolders(project)) {
				WorkspaceFolder link = register(each);
				if (link != null) {
					added.add(link);
				}
			}
			// a new folder is read whole by the server
			return false;
		}
		return true;
	}

	private static void fileChanged(IResourceDelta delta, IFile file, List<FileEvent> files) {
		String uri = DocumentUris.of(file);
		if (uri == null) {
			return;
		}
		switch (delta.getKind()) {
			case IResourceDelta.ADDED -> files.add(new FileEvent(uri, FileChangeType.Created));
			case IResourceDelta.REMOVED -> files.add(new FileEvent(uri, FileChangeType.Deleted));
			case IResourceDelta.CHANGED -> {
				// marker changes (the model's own problems) change nothing the server reads
				if ((delta.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0) {
					files.add(new FileEvent(uri, FileChangeType.Changed));
				}
			}
			default -> {
			}
		}
	}
}
