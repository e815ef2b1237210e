package org.irqlab.dsl.ui.builder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.xtext.validation.Issue;

/**
 * The model's problems as markers, for the Problems view: the same issues the editors show, for every
 * file of the model, open or not, saved or not. Markers are written in a workspace job (the model's
 * thread must never wait for the workspace lock, which a build holds while it waits for the model); of
 * several results for one file only the latest is written.
 */
public final class LiveMarkers {

	private final Map<IFile, List<Issue>> pending = new LinkedHashMap<>();
	private final WorkspaceJob job = new WorkspaceJob("IrqLab problems") {
		@Override
		public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
			Map<IFile, List<Issue>> next;
			synchronized (pending) {
				next = new LinkedHashMap<>(pending);
				pending.clear();
			}
			for (Map.Entry<IFile, List<Issue>> each : next.entrySet()) {
				try {
					ProblemMarkers.replace(each.getKey(), each.getValue());
				} catch (CoreException e) {
					// a file deleted since it was checked needs no markers; any other failure is worth a look
					if (each.getKey().exists()) {
						throw e;
					}
				}
			}
			return Status.OK_STATUS;
		}
	};

	public LiveMarkers() {
		job.setSystem(true);
	}

	public void show(IFile file, List<Issue> issues) {
		synchronized (pending) {
			pending.put(file, issues);
		}
		job.schedule();
	}

	/** Waits until the markers of every result so far are written (tests, and the builder's clean). */
	public void join() throws InterruptedException {
		job.join();
	}
}
