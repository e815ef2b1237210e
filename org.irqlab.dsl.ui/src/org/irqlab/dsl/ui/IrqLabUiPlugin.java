package org.irqlab.dsl.ui;

import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.irqlab.dsl.ide.IrqLabIdeSetup;
import org.irqlab.dsl.ui.builder.LiveMarkers;
import org.irqlab.dsl.ui.builder.NatureOnFirstModel;
import org.irqlab.dsl.ui.model.OpenDocuments;
import org.irqlab.dsl.ui.model.WorkspaceChanges;
import org.irqlab.dsl.ui.model.WorkspaceModel;
import org.osgi.framework.BundleContext;

import com.google.inject.Injector;

/**
 * The editor's bundle. It owns the one Xtext injector (runtime and ide modules) that every editor
 * service shares, created on first use, and the workspace model that the editors, the builder, the
 * views and the Problems view all read, started in the background with the bundle.
 */
public class IrqLabUiPlugin extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.irqlab.dsl.ui";

	private static IrqLabUiPlugin instance;

	private volatile Injector injector;

	private final NatureOnFirstModel natureOnFirstModel = new NatureOnFirstModel();

	private final WorkspaceModel model = new WorkspaceModel();
	private final OpenDocuments documents = new OpenDocuments(model);
	private final WorkspaceChanges workspaceChanges = new WorkspaceChanges(model);
	private final LiveMarkers markers = new LiveMarkers();

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
		ResourcesPlugin.getWorkspace().addResourceChangeListener(natureOnFirstModel, IResourceChangeEvent.POST_CHANGE);
		// listening before the projects are listed: a project added in between is told, not lost
		ResourcesPlugin.getWorkspace().addResourceChangeListener(workspaceChanges, IResourceChangeEvent.POST_CHANGE);
		model.start(this::getInjector, workspaceChanges.currentFolders(), documents, markers);
		documents.install();
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		documents.uninstall();
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(workspaceChanges);
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(natureOnFirstModel);
		model.stop();
		instance = null;
		super.stop(context);
	}

	/** The workspace's .irqlab files as one model. */
	public WorkspaceModel model() {
		return model;
	}

	/** The .irqlab documents open in editors (and other buffers), as the model knows them. */
	public OpenDocuments documents() {
		return documents;
	}

	/** The problem markers the model's diagnostics become. */
	public LiveMarkers markers() {
		return markers;
	}

	public static IrqLabUiPlugin getDefault() {
		return instance;
	}

	public Injector getInjector() {
		Injector result = injector;
		if (result == null) {
			synchronized (this) {
				result = injector;
				if (result == null) {
					result = new IrqLabIdeSetup().createInjectorAndDoEMFRegistration();
					injector = result;
				}
			}
		}
		return result;
	}
}
