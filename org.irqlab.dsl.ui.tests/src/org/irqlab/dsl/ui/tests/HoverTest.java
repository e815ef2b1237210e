package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IInformationControl;
import org.eclipse.jface.text.IInformationControlExtension2;
import org.eclipse.jface.text.IInformationControlExtension5;
import org.eclipse.jface.text.Region;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.IrqLabTextHover;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hover on the seed's failing `add` wraps its long lines and shows all of them, in the size the text viewer allows a hover. */
public class HoverTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("hover");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void theAddHoverWrapsAndIsNeverCutOff() throws Exception {
		String seed = Workbench.seedModel();
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "seed.irqlab", seed));
		waitUntil("the seed is checked", 60_000, () -> !Workbench.issues(editor, null).isEmpty());
		IrqLabTextHover hover = new IrqLabTextHover();
		String info = hover.getHoverInfo(Workbench.viewer(editor), new Region(seed.indexOf("add 512 x dpu_disk") + 1, 0));
		assertNotNull(info, "a hover on the add");
		assertTrue(info.lines().count() > 12, "the seed's hover is longer than the 12 lines a text viewer allows: " + info);

		Shell shell = editor.getSite().getShell();
		IInformationControl control = hover.getHoverControlCreator().createInformationControl(shell);
		try {
			// the constraints JFace's text viewer gives a hover: 100 characters by 12 lines
			Point constraints = ((IInformationControlExtension5) control).computeSizeConstraints(100, 12);
			control.setSizeConstraints(constraints.x, constraints.y);
			if (control instanceof IInformationControlExtension2 extension) {
				extension.setInput(info);
			} else {
				control.setInformation(info);
			}
			Point size = control.computeSizeHint();
			control.setSize(size.x, size.y);
			control.setVisible(true);
			Workbench.processEvents(100);

			StyledText text = find(shell.getDisplay().getShells(), info);
			assertNotNull(text, "the hover's text");
			assertTrue(size.x <= constraints.x, "no wider than the viewer allows");
			assertTrue(text.getLineCount() > info.lines().count(), "long lines wrap");
			assertTrue(text.getClientArea().height >= text.getLinePixel(text.getLineCount()) - text.getTopPixel(),
					"every line is in the window: " + text.getClientArea() + " for " + text.getLineCount() + " lines");
		} finally {
			control.dispose();
		}
	}

	@Test
	void theKernelHoverListsItsRulesAndWhy() throws Exception {
		String seed = Workbench.seedModel().replace("kernel el8-4.18", "kernel 5.14.0-427.13.1.el9_4.x86_64");
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "seed.irqlab", seed));
		waitUntil("the seed is checked", 60_000, () -> !Workbench.issues(editor, null).isEmpty());
		String info = new IrqLabTextHover().getHoverInfo(Workbench.viewer(editor),
				new Region(seed.indexOf("427.13.1") + 2, 0));
		assertNotNull(info, "a hover on the kernel");
		assertTrue(info.startsWith("kernel 5.14.0-427.13.1.el9_4.x86_64: RHEL 9.4 (upstream 5.14 base)"), info);
		assertTrue(info.contains("- VP-1 ") && info.contains("uncertain: RHEL 9.4"), info);
	}

	private static StyledText find(Control[] controls, String info) {
		for (Control each : controls) {
			if (each instanceof StyledText text && text.getText().equals(info)) {
				return text;
			}
			if (each instanceof Composite composite) {
				StyledText found = find(composite.getChildren(), info);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
