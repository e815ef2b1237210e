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
import org.junit.jupiter.api.Test;

/**
 * The Eclipse themes are there (*Preferences > General > Appearance*): the workbench starts on Light, and
 * switching to Dark darkens the views without an error in the log.
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

			engine.setTheme(DARK, false);
			waitUntil("the views are dark", 10_000, () -> brightness(treeOf().getBackground().getRGB()) < 100);

			engine.setTheme(LIGHT, false);
			waitUntil("the views are light again", 10_000, () -> brightness(treeOf().getBackground().getRGB()) > 128);
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

	private static int brightness(RGB rgb) {
		return (rgb.red * 299 + rgb.green * 587 + rgb.blue * 114) / 1000;
	}
}
