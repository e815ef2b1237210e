package org.irqlab.dsl.ui;

import java.util.Iterator;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.IssueAnnotation;
import org.irqlab.dsl.ui.editor.ModelSnapshots;
import org.irqlab.dsl.ui.views.VectorMatrixView;

/**
 * For scripts/workbench-screenshot: once the opened model has been validated and drawn, saves the
 * workbench window as a PNG (-Dirqlab.screenshot=FILE) and closes the workbench. SWT grabs the
 * pixels itself, so the script needs no screenshot tool besides Xvfb.
 */
final class Screenshot {

	private static final String FILE_PROPERTY = "irqlab.screenshot";
	private static final int POLL_MS = 250;
	private static final int SETTLE_MS = 3000;
	private static final int GIVE_UP_MS = 120_000;

	private Screenshot() {
	}

	static void scheduleIfAsked(IWorkbenchPage page) {
		String file = System.getProperty(FILE_PROPERTY);
		if (file == null || file.isBlank()) {
			return;
		}
		long deadline = System.currentTimeMillis() + GIVE_UP_MS;
		Shell shell = page.getWorkbenchWindow().getShell();
		// the whole virtual screen, so the picture does not depend on a remembered window size
		shell.setBounds(shell.getDisplay().getPrimaryMonitor().getBounds());
		Display display = shell.getDisplay();
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			if (validated(page) || System.currentTimeMillis() > deadline) {
				showTheFirstError(page);
				// let the view's job and the painters finish with the validated text
				display.timerExec(SETTLE_MS, () -> save(page.getWorkbenchWindow().getShell(), file));
			} else {
				display.timerExec(POLL_MS, poll[0]);
			}
		};
		display.timerExec(POLL_MS, poll[0]);
	}

	/** The picture should show what the workbench is for: the failing statement, and a CPU's vectors. */
	private static void showTheFirstError(IWorkbenchPage page) {
		if (page.getActiveEditor() instanceof ITextEditor editor) {
			IAnnotationModel model = editor.getDocumentProvider().getAnnotationModel(editor.getEditorInput());
			ISourceViewer viewer = (ISourceViewer) editor.getAdapter(ITextViewer.class);
			model = viewer == null ? model : viewer.getAnnotationModel();
			for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
				if (it.next() instanceof IssueAnnotation issue && IssueAnnotation.ERROR_TYPE.equals(issue.getType())) {
					Position position = model.getPosition(issue);
					editor.selectAndReveal(position.getOffset(), 0);
					break;
				}
			}
		}
		if (page.findView(VectorMatrixView.ID) instanceof VectorMatrixView view) {
			view.selectCpu(0);
		}
	}

	private static boolean validated(IWorkbenchPage page) {
		IEditorPart editor = page.getActiveEditor();
		return editor instanceof ITextEditor text
				&& ModelSnapshots.latest(text.getDocumentProvider().getDocument(text.getEditorInput())) != null;
	}

	private static void save(Shell shell, String file) {
		Display display = shell.getDisplay();
		Rectangle bounds = shell.getBounds();
		Image image = new Image(display, bounds.width, bounds.height);
		GC gc = new GC(display);
		try {
			gc.copyArea(image, bounds.x, bounds.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file, SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
		PlatformUI.getWorkbench().close();
	}
}
