package org.irqlab.dsl.ui.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.IssueAnnotation;

/** What the editor tests do as a user would: files, editors, waiting while the UI keeps running. */
final class Workbench {

	private Workbench() {
	}

	static IWorkbenchPage page() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
	}

	/** A new, open project of this name in the test workspace. */
	static IProject newProject(String name) throws CoreException {
		IProject project = org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		project.create(null);
		project.open(null);
		return project;
	}

	/** Closes every editor without saving and deletes the project with its files. */
	static void discard(IProject project) throws CoreException {
		page().closeAllEditors(false);
		project.delete(true, true, null);
	}

	static String seedModel() throws IOException {
		return Files.readString(Path.of(System.getProperty("irqlab.examples", "../examples"), "seed-incident.irqlab"),
				StandardCharsets.UTF_8);
	}

	static IFile file(IProject project, String name, String content) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}

	static ISourceViewer viewer(ITextEditor editor) {
		return (ISourceViewer) editor.getAdapter(ITextViewer.class);
	}

	static IDocument document(ITextEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	/** The live validation's annotations (the builder's markers are hidden under them in the editor). */
	static List<IssueAnnotation> issues(ITextEditor editor, String type) {
		IAnnotationModel model = viewer(editor).getAnnotationModel();
		List<IssueAnnotation> result = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof IssueAnnotation each && (type == null || type.equals(each.getType()))) {
				result.add(each);
			}
		}
		return result;
	}

	/**
	 * The code minings the editor draws above each line (line number to the labels, in order), read from the
	 * line-header annotations the viewer paints. JFace keeps a header's minings in a field of its internal
	 * annotation class; a test has no other way to read what is painted.
	 */
	static java.util.Map<Integer, List<String>> headerMinings(ITextEditor editor) {
		ISourceViewer viewer = viewer(editor);
		IAnnotationModel model = viewer.getAnnotationModel();
		java.util.Map<Integer, List<String>> result = new java.util.TreeMap<>();
		if (model == null) {
			return result;
		}
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof org.eclipse.jface.text.source.inlined.LineHeaderAnnotation header
					&& !header.isMarkedDeleted()) {
				try {
					java.lang.reflect.Field field = header.getClass().getDeclaredField("fMinings");
					field.setAccessible(true);
					List<String> labels = new ArrayList<>();
					for (Object mining : (List<?>) field.get(header)) {
						String label = ((org.eclipse.jface.text.codemining.ICodeMining) mining).getLabel();
						if (label != null && !label.isEmpty()) {
							labels.add(label);
						}
					}
					if (!labels.isEmpty()) {
						int line = viewer.getDocument().getLineOfOffset(header.getPosition().getOffset());
						result.computeIfAbsent(line, l -> new ArrayList<>()).addAll(labels);
					}
				} catch (ReflectiveOperationException | org.eclipse.jface.text.BadLocationException e) {
					throw new AssertionError("cannot read the minings of " + header, e);
				}
			}
		}
		return result;
	}

	static int lineOf(ITextEditor editor, Annotation annotation) throws Exception {
		IAnnotationModel model = viewer(editor).getAnnotationModel();
		return document(editor).getLineOfOffset(model.getPosition(annotation).getOffset());
	}

	/** Runs the event loop until the condition holds; fails the test with the message if it does not in time. */
	static void waitUntil(String what, long timeoutMs, BooleanSupplier condition) {
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("timed out after " + timeoutMs + " ms waiting until " + what);
			}
			processEvents(10);
		}
	}

	static void processEvents(long sleepMs) {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// drain the queue
		}
		try {
			Thread.sleep(sleepMs);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
