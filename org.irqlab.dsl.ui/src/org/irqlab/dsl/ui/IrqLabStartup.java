package org.irqlab.dsl.ui;

import java.io.File;

import org.eclipse.core.filesystem.EFS;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.irqlab.dsl.ui.views.VectorMatrixView;

/**
 * Starts the bundle with the workbench, so that the first .irqlab file created in any project turns
 * the builder on even before an editor has been opened (the bundle's start registers that listener).
 * `./irqlab workbench FILE...` passes the files in -Dirqlab.open (the launcher jar, unlike the native
 * launcher, does not open files); each file's folder is linked into a workspace project ({@link FolderProjects}) and the
 * files open next to the Vector Matrix view.
 */
public class IrqLabStartup implements IStartup {

	static final String OPEN_PROPERTY = "irqlab.open";

	@Override
	public void earlyStartup() {
		String files = System.getProperty(OPEN_PROPERTY);
		if (files == null || files.isBlank()) {
			return;
		}
		Display display = PlatformUI.getWorkbench().getDisplay();
		display.asyncExec(() -> open(files.split(File.pathSeparator)));
	}

	/** Opens the files as `./irqlab workbench FILE...` does. */
	public static void open(String[] files) {
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		for (String each : files) {
			File file = new File(each).getAbsoluteFile();
			try {
				if (!file.isFile()) {
					throw new PartInitException(file + ": no such file");
				}
				IFile inWorkspace = FolderProjects.fileFor(file);
				if (inWorkspace != null) {
					IDE.openEditor(page, inWorkspace);
				} else {
					IrqLabUiPlugin.getDefault().getLog().warn(file.getParent()
							+ " cannot be linked into the workspace (it holds the workspace); "
							+ file.getName() + " is edited on its own, without the builder and the project's other models");
					IDE.openEditorOnFileStore(page, EFS.getLocalFileSystem().getStore(file.toURI()));
				}
			} catch (CoreException e) {
				IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
			}
		}
		try {
			page.showView(VectorMatrixView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		} catch (PartInitException e) {
			IrqLabUiPlugin.getDefault().getLog().log(e.getStatus());
		}
		Screenshot.scheduleIfAsked(page);
	}
}
