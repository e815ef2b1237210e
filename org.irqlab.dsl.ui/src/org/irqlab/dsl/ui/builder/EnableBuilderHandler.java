package org.irqlab.dsl.ui.builder;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.handlers.HandlerUtil;

/** Configure > Enable IrqLab Builder on the selected projects. */
public class EnableBuilderHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection)) {
			return null;
		}
		for (Object each : selection) {
			IResource resource = Adapters.adapt(each, IResource.class);
			IProject project = resource == null ? null : resource.getProject();
			if (project != null && project.isOpen()) {
				try {
					IrqLabNature.enableOn(project, null);
				} catch (CoreException e) {
					throw new ExecutionException("cannot enable the IrqLab builder on " + project.getName(), e);
				}
			}
		}
		return null;
	}
}
