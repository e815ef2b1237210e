package org.irqlab.dsl.ui.builder;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.xtext.generator.GeneratorContext;
import org.eclipse.xtext.generator.GeneratorDelegate;
import org.eclipse.xtext.generator.IFileSystemAccess;
import org.eclipse.xtext.generator.InMemoryFileSystemAccess;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.model.DocumentUris;
import org.irqlab.dsl.ui.model.ModelReads;

import com.google.inject.Injector;

/**
 * Writes each model's reports into irqlab-gen/ when .irqlab files change. The models come from the
 * workspace model, which also checks them: its problems are the Problems view's markers, for saved and
 * unsaved text alike, so the builder reads, it does not check again.
 */
public class IrqLabBuilder extends IncrementalProjectBuilder {

	public static final String ID = "org.irqlab.dsl.ui.builder";
	public static final String OUTPUT_FOLDER = "irqlab-gen";

	/** An 8192-CPU model takes seconds to simulate; a model that takes longer than this gets no report this time. */
	private static final long GENERATE_TIMEOUT_MS = 120_000;

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
		SubMonitor progress = SubMonitor.convert(monitor, "Writing IrqLab reports", files.size());
		Injector injector = IrqLabUiPlugin.getDefault().getInjector();
		for (IFile file : files) {
			checkCancelled(progress);
			String uri = DocumentUris.of(file);
			Map<String, Object> output = uri == null ? null
					: ModelReads.await(IrqLabUiPlugin.getDefault().model().read(uri,
							(resource, cancel) -> resource == null ? null : generate(injector, resource, cancel)),
							GENERATE_TIMEOUT_MS);
			if (output != null) {
				write(output, progress);
			}
			progress.worked(1);
		}
	}

	/** In the model's read: the generated files in memory, written to the workspace afterwards, on the build's thread. */
	private static Map<String, Object> generate(Injector injector, XtextResource resource, CancelIndicator cancel) {
		// Capacity errors are what the generated report explains; only text that does not parse has nothing to report.
		if (resource.getParseResult() == null || resource.getParseResult().hasSyntaxErrors()) {
			return null;
		}
		InMemoryFileSystemAccess output = new InMemoryFileSystemAccess();
		GeneratorContext context = new GeneratorContext();
		context.setCancelIndicator(cancel);
		// reads run side by side; the simulation cached on the resource is filled by one at a time
		synchronized (resource) {
			injector.getInstance(GeneratorDelegate.class).generate(resource, output, context);
		}
		return output.getAllFiles();
	}

	private void write(Map<String, Object> output, IProgressMonitor monitor) throws CoreException {
		for (Map.Entry<String, Object> file : output.entrySet()) {
			String path = file.getKey().startsWith(IFileSystemAccess.DEFAULT_OUTPUT)
					? file.getKey().substring(IFileSystemAccess.DEFAULT_OUTPUT.length())
					: file.getKey();
			byte[] bytes = file.getValue() instanceof byte[] binary ? binary
					: file.getValue().toString().getBytes(StandardCharsets.UTF_8);
			write(getProject().getFolder(OUTPUT_FOLDER).getFile(path), bytes, monitor);
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

	/** Added, removed or edited models; marker changes (the model's problems) are not a reason to build. */
	private static boolean touchesModels(IResourceDelta delta) throws CoreException {
		boolean[] found = { false };
		delta.accept(each -> {
			if (isModel(each.getResource()) && (each.getKind() != IResourceDelta.CHANGED
					|| (each.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0)) {
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
