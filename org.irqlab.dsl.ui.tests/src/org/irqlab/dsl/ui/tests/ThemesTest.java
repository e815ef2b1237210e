package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.e4.ui.css.swt.theme.ITheme;
import org.eclipse.e4.ui.css.swt.theme.IThemeEngine;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.EditorColours;
import org.junit.jupiter.api.Test;

/**
 * The Eclipse themes are there (*Preferences > General > Appearance*): the workbench starts on Light, and
 * switching to Dark darkens the views and gives the editor the Dark theme's colours, without an error in the log.
 */
public class ThemesTest {

	private static final String DARK = "org.eclipse.e4.ui.css.theme.e4_dark";
	private static final String LIGHT = "org.eclipse.e4.ui.css.theme.e4_default";

	@Test
	void lightAndDarkAreOfferedAndDarkDarkensTheWorkbench() throws Exception {
		Display display = Display.getCurrent();
		IThemeEngine engine = (IThemeEngine) display.getData("org.eclipse.e4.ui.css.swt.theme");
		assertNotNull(engine, "the workbench runs the CSS theme engine");
		List<String> themes = engine.getThemes().stream().map(ITheme::getId).toList();
		assertTrue(themes.containsAll(List.of(LIGHT, DARK)), themes.toString());
		assertEquals(LIGHT, engine.getActiveTheme().getId(), "Light by default");

		IProject project = Workbench.newProject("themes");
		int errorsBefore = StartupLogTest.errors().size();
		try {
			ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "dark.irqlab", OccurrencesTest.MODEL));
			page().showView(IPageLayout.ID_PROJECT_EXPLORER);
			page().activate(editor);
			Control tree = treeOf();
			assertTrue(brightness(tree.getBackground().getRGB()) > 128, "light: " + tree.getBackground());

			var viewer = Workbench.viewer(editor);
			int keyword = OccurrencesTest.MODEL.indexOf("machine m");
			int machine = keyword + "machine ".length();
			waitUntil("the machine's name is coloured", 60_000,
					() -> rgb(EditorColours.MACHINE).equals(SemanticHighlightingTest.colourAt(viewer, machine)));
			RGB lightKeyword = SemanticHighlightingTest.colourAt(viewer, keyword);
			RGB lightMachine = rgb(EditorColours.MACHINE);

			engine.setTheme(DARK, false);
			waitUntil("the views are dark", 10_000, () -> brightness(treeOf().getBackground().getRGB()) < 100);
			// the editor's colours are the Dark theme's: light enough for a dark background
			waitUntil("keywords and names take the Dark theme's colours", 10_000,
					() -> !lightKeyword.equals(SemanticHighlightingTest.colourAt(viewer, keyword))
							&& !lightMachine.equals(SemanticHighlightingTest.colourAt(viewer, machine)));
			assertEquals(new RGB(0xD9, 0x8C, 0xC4), SemanticHighlightingTest.colourAt(viewer, keyword));
			assertEquals(new RGB(0x6F, 0xB3, 0xFF), SemanticHighlightingTest.colourAt(viewer, machine));

			engine.setTheme(LIGHT, false);
			waitUntil("the views are light again", 10_000, () -> brightness(treeOf().getBackground().getRGB()) > 128);
			waitUntil("the editor's colours are Light's again", 10_000,
					() -> lightKeyword.equals(SemanticHighlightingTest.colourAt(viewer, keyword))
							&& lightMachine.equals(SemanticHighlightingTest.colourAt(viewer, machine)));
			assertEquals(List.of(), StartupLogTest.errors().subList(errorsBefore, StartupLogTest.errors().size()),
					"no error in .metadata/.log while switching themes");
		} finally {
			engine.setTheme(LIGHT, false);
			Workbench.discard(project);
		}
	}

	/** The Project Explorer's tree, which the themes colour. */
	private static Control treeOf() {
		org.eclipse.ui.navigator.CommonNavigator navigator = (org.eclipse.ui.navigator.CommonNavigator) page()
				.findView(IPageLayout.ID_PROJECT_EXPLORER);
		return navigator.getCommonViewer().getControl();
	}

	private static RGB rgb(String colour) {
		return EditorColours.get(colour).getRGB();
	}

	private static int brightness(RGB rgb) {
		return (rgb.red * 299 + rgb.green * 587 + rgb.blue * 114) / 1000;
	}
}
