package org.irqlab.dsl.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.build.BuildRequest;
import org.eclipse.xtext.build.IncrementalBuilder;
import org.eclipse.xtext.ide.server.ProjectManager;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IExternalContentSupport.IExternalContentProvider;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.clustering.IResourceClusteringPolicy;
import org.eclipse.xtext.resource.impl.ProjectDescription;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.Issue;
import org.eclipse.xtext.workspace.FileProjectConfig;
import org.eclipse.xtext.xbase.lib.Functions.Function1;
import org.irqlab.dsl.ide.IrqLabIdeSetup;
import org.irqlab.dsl.ide.server.IrqLabServerModule;
import org.irqlab.dsl.validation.IssueCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.inject.Guice;
import com.google.inject.util.Modules;

/**
 * The language server's build of a document that throws (a StackOverflowError here) used to fail the
 * build of every document with it, and every later build: that document now gets an error of its own.
 */
public class ProjectManagerTest {

	@TempDir
	Path folder;

	/** Xtext's builder, failing as a bug in IrqLab would for any build that includes bad.irqlab. */
	public static class FailingBuilder extends IncrementalBuilder {
		@Override
		public Result build(BuildRequest request, Function1<? super URI, ? extends IResourceServiceProvider> providers,
				IResourceClusteringPolicy clusteringPolicy) {
			if (request.getDirtyFiles().stream().anyMatch(uri -> uri.lastSegment().equals("bad.irqlab"))) {
				throw new StackOverflowError();
			}
			return super.build(request, providers, clusteringPolicy);
		}
	}

	@Test
	void aDocumentWhoseBuildThrowsGetsAnErrorAndTheOthersTheirDiagnostics() throws Exception {
		new IrqLabIdeSetup().createInjectorAndDoEMFRegistration();
		ProjectManager manager = Guice.createInjector(Modules.override(new ServerModule()).with(new IrqLabServerModule(),
				binder -> {
					binder.bind(IncrementalBuilder.class).to(FailingBuilder.class);
					binder.bind(IResourceServiceProvider.Registry.class).toInstance(IResourceServiceProvider.Registry.INSTANCE);
				})).getInstance(ProjectManager.class);
		URI root = URI.createFileURI(folder.toString() + "/");
		URI good = write("good.irqlab", "scenario t on nowhere { }\n");
		URI bad = write("bad.irqlab", "machine m { cpus 4 }\n");
		ProjectDescription description = new ProjectDescription();
		description.setName("test");
		Map<URI, List<Issue>> published = new HashMap<>();
		Map<String, ResourceDescriptionsData> index = new HashMap<>();
		manager.initialize(description, new FileProjectConfig(root, "test"), (uri, issues) -> {
			List<Issue> list = new ArrayList<>();
			issues.forEach(list::add);
			published.put(uri, list);
		}, new NoOpenDocuments(), () -> index, CancelIndicator.NullImpl);

		manager.doBuild(List.of(bad, good), List.of(), List.of(), CancelIndicator.NullImpl);

		List<Issue> badIssues = published.get(bad);
		assertEquals(1, badIssues.size(), String.valueOf(badIssues));
		assertEquals(IssueCodes.DOCUMENT_NOT_CHECKED, badIssues.get(0).getCode());
		assertTrue(badIssues.get(0).getMessage().contains("StackOverflowError"), badIssues.get(0).getMessage());
		assertTrue(String.valueOf(published.get(good)).contains("nowhere"), String.valueOf(published.get(good)));
	}

	private URI write(String name, String text) throws Exception {
		Path file = folder.resolve(name);
		Files.writeString(file, text);
		return URI.createFileURI(file.toString());
	}

	private static final class NoOpenDocuments implements IExternalContentProvider {
		@Override
		public String getContent(URI uri) {
			return null;
		}

		@Override
		public boolean hasContent(URI uri) {
			return false;
		}

		@Override
		public IExternalContentProvider getActualContentProvider() {
			return this;
		}
	}
}
