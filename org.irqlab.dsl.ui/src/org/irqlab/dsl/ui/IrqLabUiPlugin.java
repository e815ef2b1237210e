package org.irqlab.dsl.ui;

import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.ui.plugin.AbstractUIPlugin;
import org.irqlab.dsl.ide.IrqLabIdeSetup;
import org.irqlab.dsl.ui.builder.NatureOnFirstModel;
import org.osgi.framework.BundleContext;

import com.google.inject.Injector;

/**
 * The editor's bundle. It owns the one Xtext injector (runtime and ide modules) that every editor
 * service shares, created on first use so that opening the workbench costs nothing.
 */
public class IrqLabUiPlugin extends AbstractUIPlugin {

	public static final String PLUGIN_ID = "org.irqlab.dsl.ui";

	private static IrqLabUiPlugin instance;

	private volatile Injector injector;

	private final NatureOnFirstModel natureOnFirstModel = new NatureOnFirstModel();

	@Override
	public void start(BundleContext context) throws Exception {
		super.start(context);
		instance = this;
		ResourcesPlugin.getWorkspace().addResourceChangeListener(natureOnFirstModel, IResourceChangeEvent.POST_CHANGE);
	}

	@Override
	public void stop(BundleContext context) throws Exception {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(natureOnFirstModel);
		instance = null;
		super.stop(context);
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
