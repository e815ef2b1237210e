package org.irqlab.dsl.ui.builder;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/** Turns the builder on in a project as soon as its first .irqlab file appears, so nobody has to remember to. */
public class NatureOnFirstModel implements IResourceChangeListener {

	@Override
	public void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		Set<IProject> projects = new LinkedHashSet<>();
		try {
			delta.accept(each -> {
				IResource resource = each.getResource();
				if (resource.getType() == IResource.PROJECT) {
					IProject project = (IProject) resource;
					// Projects that already build models need nothing; skipping them keeps the walk short.
					return project.isOpen() && !IrqLabNature.isEnabledOn(project);
				}
				if (each.getKind() == IResourceDelta.ADDED && resource.getType() == IResource.FILE
						&& "irqlab".equals(resource.getFileExtension()) && !resource.isDerived()) {
					projects.add(resource.getProject());
				}
				return true;
			});
		} catch (CoreException e) {
			IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
			return;
		}
		for (IProject project : projects) {
			enableLater(project);
		}
	}

	/** The workspace is locked while listeners run; the description changes in a job once it is free. */
	private static void enableLater(IProject project) {
		WorkspaceJob job = new WorkspaceJob("Enabling the IrqLab builder on " + project.getName()) {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				if (project.isOpen()) {
					IrqLabNature.enableOn(project, monitor);
				}
				return Status.OK_STATUS;
			}
		};
		// changing a project's description locks the workspace root
		job.setRule(project.getWorkspace().getRoot());
		job.setSystem(true);
		job.schedule();
	}
}
