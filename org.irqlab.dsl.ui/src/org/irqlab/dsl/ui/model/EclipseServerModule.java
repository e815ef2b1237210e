package org.irqlab.dsl.ui.model;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;

/**
 * The in-process server's bindings over the language server's own. Xtext's server finds languages with
 * java.util.ServiceLoader, which sees nothing across OSGi bundles; here it is given the editor's language
 * injector, so the editor, the builder, the view and the server share one set of language services.
 */
final class EclipseServerModule extends AbstractModule {

	private final Injector language;

	EclipseServerModule(Injector language) {
		this.language = language;
	}

	@Override
	protected void configure() {
		bind(LanguageServerImpl.class).to(InProcessServer.class);
		ResourceServiceProviderRegistryImpl registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put("irqlab", language.getInstance(IResourceServiceProvider.class));
		bind(IResourceServiceProvider.Registry.class).toInstance(registry);
	}
}
