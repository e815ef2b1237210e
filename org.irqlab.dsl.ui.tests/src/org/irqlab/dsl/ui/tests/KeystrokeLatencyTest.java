package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.issues;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.viewer;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelListener;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.IssueAnnotation;
import org.irqlab.dsl.ui.views.VectorMatrixView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Types into the seed model and into a generated 8192-CPU model and checks that each keystroke's
 * annotations arrive while the UI thread stays free. The times are printed for the README, not
 * asserted: speed is judged by measurement, not by a test that fails on a slow machine. Only a freeze
 * fails it: a keystroke, or anything the UI thread did while the annotations were on their way, taking
 * more than a second.
 */
public class KeystrokeLatencyTest {

	private static final int KEYSTROKES = 12;
	private static final int WARM_UP = 3;
	private static final long FREEZE_MS = 1_000;

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("latency");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void seedModel() throws Exception {
		measure("seed model (80 CPUs, 512 devices)", Workbench.seedModel(), "512 x", "511 x", () -> {
		});
	}

	@Test
	void model8192Cpus() throws Exception {
		String model = """
				// generated: 8192 CPUs in 8 NUMA nodes, 64 managed 4-queue disks
				machine big {
				    kernel 6.12
				    cpus 8192
				    nodes 8
				}

				device disk : virtio_blk {
				    queues 4
				}

				scenario fill on big {
				    add 64 x disk
				}
				""";
		VectorMatrixView view = (VectorMatrixView) page().showView(VectorMatrixView.ID);
		try {
			// the view shows the scenario of the open editor: it is checked before the editor closes
			measure("8192-CPU model (Vector Matrix view open)", model, "64 x", "65 x",
					() -> waitUntil("the view draws all 8192 CPUs", 60_000, () -> view.cellCount() == 8192));
		} finally {
			page().hideView(view);
		}
	}

	private void measure(String name, String text, String from, String to, Runnable whileOpen) throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "m.irqlab", text));
		IAnnotationModel model = viewer(editor).getAnnotationModel();
		waitUntil("the first validation", 60_000, () -> !issues(editor, null).isEmpty());
		AtomicLong changedAt = new AtomicLong();
		AtomicReference<Set<IssueAnnotation>> before = new AtomicReference<>(Set.of());
		// Position updates also notify listeners; only a new set of issue annotations is a new validation result.
		IAnnotationModelListener listener = changed -> {
			if (changedAt.get() == 0 && !new HashSet<>(issues(editor, null)).equals(before.get())) {
				changedAt.set(System.nanoTime());
			}
		};
		model.addAnnotationModelListener(listener);
		List<Long> latencies = new ArrayList<>();
		long longestUiEvent = 0;
		long longestKeystroke = 0;
		try {
			IDocument document = document(editor);
			for (int i = 0; i < KEYSTROKES + WARM_UP; i++) {
				String current = i % 2 == 0 ? from : to;
				String next = i % 2 == 0 ? to : from;
				int at = document.get().indexOf(current);
				before.set(new HashSet<>(issues(editor, null)));
				changedAt.set(0);
				long typed = System.nanoTime();
				document.replace(at, current.length(), next);
				longestKeystroke = Math.max(longestKeystroke, System.nanoTime() - typed);
				long deadline = System.currentTimeMillis() + 60_000;
				while (!annotationsFor(editor, changedAt, typed)) {
					assertTrue(System.currentTimeMillis() < deadline, name + ": no annotations for keystroke " + i);
					long start = System.nanoTime();
					Display.getCurrent().readAndDispatch();
					longestUiEvent = Math.max(longestUiEvent, System.nanoTime() - start);
					Thread.sleep(1);
				}
				if (i >= WARM_UP) {
					latencies.add(changedAt.get() - typed);
				}
			}
		} finally {
			model.removeAnnotationModelListener(listener);
		}
		assertTrue(ms(longestKeystroke) < FREEZE_MS, name + ": a keystroke froze the editor for " + ms(longestKeystroke) + " ms");
		assertTrue(ms(longestUiEvent) < FREEZE_MS, name + ": the UI thread froze for " + ms(longestUiEvent) + " ms");
		Collections.sort(latencies);
		System.out.printf("keystroke-to-annotation latency, %s: median %d ms, max %d ms over %d keystrokes;"
				+ " longest keystroke on the UI thread %d ms; longest UI event while waiting %d ms%n", name,
				ms(latencies.get(latencies.size() / 2)), ms(latencies.get(latencies.size() - 1)), latencies.size(),
				ms(longestKeystroke), ms(longestUiEvent));
		whileOpen.run();
		page().closeAllEditors(false);
		project.getFile("m.irqlab").delete(true, null);
	}

	/** The live annotations were replaced after the keystroke (by a run that saw the new text). */
	private static boolean annotationsFor(ITextEditor editor, AtomicLong changedAt, long typed) {
		return changedAt.get() > typed && !issues(editor, null).isEmpty();
	}

	private static long ms(long nanos) {
		return nanos / 1_000_000;
	}

}
