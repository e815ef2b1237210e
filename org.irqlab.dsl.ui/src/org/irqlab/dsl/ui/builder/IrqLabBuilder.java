package org.irqlab.dsl.ui.builder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

import com.google.inject.Injector;

/**
 * Validates a project's .irqlab models on save and build, puts the issues in the Problems view, and
 * runs the generator into irqlab-gen/. Models may use each other's machines and device types, so any
 * change to one rebuilds them all, in one resource set (as `irqlab check` loads them).
 */
public class IrqLabBuilder extends IncrementalProjectBuilder {

	public static final String ID = "org.irqlab.dsl.ui.builder";
	public static final String OUTPUT_FOLDER = "irqlab-gen";

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		if (kind != FULL_BUILD && kind != CLEAN_BUILD) {
			IResourceDelta delta = getDelta(getProject());
			if (delta != null && !touchesModels(delta)) {
				return null;
			}
		}
		buildAll(monitor);
		return null;
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		getProject().deleteMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_INFINITE);
		IFolder output = getProject().getFolder(OUTPUT_FOLDER);
		if (output.exists()) {
			for (IResource member : output.members()) {
				member.delete(true, monitor);
			}
		}
	}

	private void buildAll(IProgressMonitor monitor) throws CoreException {
		List<IFile> files = new ArrayList<>();
		collectModels(getProject(), files);
		SubMonitor progress = SubMonitor.convert(monitor, "Checking IrqLab models", files.size() * 2 + 1);
		Injector injector = IrqLabUiPlugin.getDefault().getInjector();
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		Map<IFile, XtextResource> resources = new LinkedHashMap<>();
		for (IFile file : files) {
			resources.put(file, load(resourceSet, file));
			progress.worked(1);
		}
		EcoreUtil.resolveAll(resourceSet);
		clean(progress.split(1));
		for (Map.Entry<IFile, XtextResource> each : resources.entrySet()) {
			checkCancelled(progress);
			XtextResource resource = each.getValue();
			List<Issue> issues = resource.getResourceServiceProvider().getResourceValidator().validate(resource,
					CheckMode.ALL, progress::isCanceled);
			ProblemMarkers.replace(each.getKey(), issues);
			// Capacity errors are what the generated report explains; only text that does not parse has nothing to report.
			if (resource.getParseResult() != null && !resource.getParseResult().hasSyntaxErrors()) {
				generate(injector, resource, progress);
			}
			progress.worked(1);
		}
	}

	private static XtextResource load(XtextResourceSet resourceSet, IFile file) throws CoreException {
		XtextResource resource = (XtextResource) resourceSet
				.createResource(URI.createPlatformResourceURI(file.getFullPath().toString(), true));
		try (InputStream in = file.getContents(true)) {
			resource.load(in, Map.of(XtextResource.OPTION_ENCODING, file.getCharset()));
		} catch (IOException e) {
			throw new CoreException(Status.error("cannot read " + file.getFullPath() + ": " + e.getMessage(), e));
		}
		return resource;
	}

	private void generate(Injector injector, XtextResource resource, SubMonitor progress) throws CoreException {
		InMemoryFileSystemAccess output = new InMemoryFileSystemAccess();
		GeneratorContext context = new GeneratorContext();
		context.setCancelIndicator(progress::isCanceled);
		injector.getInstance(GeneratorDelegate.class).generate(resource, output, context);
		for (Map.Entry<String, Object> file : output.getAllFiles().entrySet()) {
			String path = file.getKey().startsWith(IFileSystemAccess.DEFAULT_OUTPUT)
					? file.getKey().substring(IFileSystemAccess.DEFAULT_OUTPUT.length())
					: file.getKey();
			byte[] bytes = file.getValue() instanceof byte[] binary ? binary
					: file.getValue().toString().getBytes(StandardCharsets.UTF_8);
			write(getProject().getFolder(OUTPUT_FOLDER).getFile(path), bytes, progress);
		}
	}

	private static void write(IFile target, byte[] bytes, IProgressMonitor monitor) throws CoreException {
		createFolders(target.getParent(), monitor);
		if (target.exists()) {
			target.setContents(new ByteArrayInputStream(bytes), IResource.FORCE | IResource.DERIVED, monitor);
		} else {
			target.create(new ByteArrayInputStream(bytes), IResource.FORCE | IResource.DERIVED, monitor);
		}
	}

	private static void createFolders(IContainer container, IProgressMonitor monitor) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createFolders(folder.getParent(), monitor);
			folder.create(IResource.FORCE | IResource.DERIVED, true, monitor);
		}
	}

	private static void collectModels(IContainer container, List<IFile> files) throws CoreException {
		for (IResource member : container.members()) {
			if (member instanceof IFolder folder && !folder.isDerived() && !folder.getName().startsWith(".")
					&& !(folder.getParent() instanceof IProject && OUTPUT_FOLDER.equals(folder.getName()))) {
				collectModels(folder, files);
			} else if (member instanceof IFile file && isModel(file)) {
				files.add(file);
			}
		}
	}

	private static boolean isModel(IResource resource) {
		return resource instanceof IFile && "irqlab".equals(resource.getFileExtension()) && !resource.isDerived();
	}

	private static boolean touchesModels(IResourceDelta delta) throws CoreException {
		boolean[] found = { false };
		delta.accept(each -> {
			if (isModel(each.getResource())) {
				found[0] = true;
			}
			return !found[0];
		});
		return found[0];
	}

	private static void checkCancelled(IProgressMonitor monitor) {
		if (monitor.isCanceled()) {
			throw new org.eclipse.core.runtime.OperationCanceledException();
		}
	}
}
