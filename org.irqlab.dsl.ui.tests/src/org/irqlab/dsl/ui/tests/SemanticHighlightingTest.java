package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewerExtension5;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.EditorColours;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Names coloured by what they name, from the model's semantic tokens: a machine spelled like a keyword is
 * a machine, not a keyword, where declared and where used; keywords stay as they are; a name typed in
 * gets its colour once checked, and the names after it keep theirs while the text moves.
 */
public class SemanticHighlightingTest {

	static final String MODEL = """
			machine online {
			    kernel 6.12
			    cpus 4
			}

			device disk : virtio_blk {
			    queues 2
			}

			scenario offline on online {
			    add 2 x disk as first
			}
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("colours");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void namesAreColouredByWhatTheyNameAndFollowTyping() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "colours.irqlab", MODEL));
		ISourceViewer viewer = Workbench.viewer(editor);
		RGB machine = rgb(EditorColours.MACHINE);
		RGB deviceType = rgb(EditorColours.DEVICE_TYPE);
		RGB scenario = rgb(EditorColours.SCENARIO);
		RGB device = rgb(EditorColours.DEVICE);
		RGB KEYWORD = rgb(EditorColours.KEYWORD);
		assertEquals(5, java.util.Set.of(machine, deviceType, scenario, device, KEYWORD).size(), "five colours");

		int used = MODEL.indexOf("on online") + 3;
		waitUntil("the machine's name where the scenario uses it is a machine's", 60_000,
				() -> machine.equals(colourAt(viewer, used)));
		assertEquals(machine, colourAt(viewer, MODEL.indexOf("online")), "where it is declared");
		assertEquals(SWT.NORMAL, styleAt(viewer, used).fontStyle, "not bold as the keyword `online` is");
		assertEquals(scenario, colourAt(viewer, MODEL.indexOf("offline")));
		assertEquals(deviceType, colourAt(viewer, MODEL.indexOf("disk :")));
		assertEquals(deviceType, colourAt(viewer, MODEL.indexOf("x disk") + 2));
		assertEquals(device, colourAt(viewer, MODEL.indexOf("first")));
		assertEquals(KEYWORD, colourAt(viewer, MODEL.indexOf("machine")), "keywords keep their colour");
		assertEquals(KEYWORD, colourAt(viewer, MODEL.indexOf("scenario")));
		assertEquals(SWT.BOLD, styleAt(viewer, MODEL.indexOf("scenario")).fontStyle);

		// typing a second machine above the first: the names below keep their colours at once, the new one gets its own
		IDocument text = document(editor);
		String added = "machine big {\n    cpus 8\n}\n\n";
		text.replace(0, 0, added);
		assertEquals(machine, colourAt(viewer, added.length() + used), "moved with the text before any check");
		waitUntil("the typed machine's name is a machine's", 60_000, () -> machine.equals(colourAt(viewer, added.indexOf("big"))));
		// and a use of it: `on online` becomes `on big`
		int on = added.length() + MODEL.indexOf("on online") + 3;
		text.replace(on, "online".length(), "big");
		waitUntil("the new use of big is a machine's", 60_000, () -> machine.equals(colourAt(viewer, on)));
		assertEquals(machine, colourAt(viewer, added.length() + MODEL.indexOf("online")), "online is still a machine where declared");
	}

	static RGB rgb(String colour) {
		return EditorColours.get(colour).getRGB();
	}

	static StyleRange styleAt(ISourceViewer viewer, int offset) {
		int widgetOffset = viewer instanceof ITextViewerExtension5 projection ? projection.modelOffset2WidgetOffset(offset) : offset;
		return viewer.getTextWidget().getStyleRangeAtOffset(widgetOffset);
	}

	static RGB colourAt(ISourceViewer viewer, int offset) {
		StyleRange style = styleAt(viewer, offset);
		return style == null || style.foreground == null ? null : style.foreground.getRGB();
	}
}
