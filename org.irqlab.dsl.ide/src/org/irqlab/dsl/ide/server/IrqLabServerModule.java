package org.irqlab.dsl.ide.server;

import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ProjectManager;

import com.google.inject.AbstractModule;

/** IrqLab's parts of the language server, over Xtext's ServerModule. */
public class IrqLabServerModule extends AbstractModule {

	@Override
	protected void configure() {
		bind(LanguageServerImpl.class).to(IrqLabLanguageServer.class);
		bind(ProjectManager.class).to(IrqLabProjectManager.class);
	}
}
