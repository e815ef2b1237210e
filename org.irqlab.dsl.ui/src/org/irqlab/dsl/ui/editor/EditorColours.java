package org.irqlab.dsl.ui.editor;

import java.util.Map;

import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.swt.graphics.Color;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.themes.IThemeManager;
import org.irqlab.dsl.ide.highlighting.IrqLabSemanticHighlighting;

/**
 * The editor's colours, as colour definitions of the workbench theme (plugin.xml, category "IrqLab"): the
 * Light and Dark themes each have theirs (css/dark.css), and *Preferences > General > Appearance > Colors
 * and Fonts > IrqLab* changes them. Looked up each time they are painted, so a change of theme or colour
 * shows at once and no disposed colour is ever used.
 */
public final class EditorColours {

	public static final String KEYWORD = "org.irqlab.dsl.ui.colour.keyword";
	public static final String COMMENT = "org.irqlab.dsl.ui.colour.comment";
	public static final String NUMBER = "org.irqlab.dsl.ui.colour.number";
	public static final String MACHINE = "org.irqlab.dsl.ui.colour.machine";
	public static final String DEVICE_TYPE = "org.irqlab.dsl.ui.colour.deviceType";
	public static final String SCENARIO = "org.irqlab.dsl.ui.colour.scenario";
	public static final String DEVICE = "org.irqlab.dsl.ui.colour.device";
	public static final String PACKAGE = "org.irqlab.dsl.ui.colour.package";

	/** The colour of each kind of name, by LSP's token type as IrqLabSemanticHighlighting sends it. */
	private static final Map<String, String> BY_KIND = Map.of(
			IrqLabSemanticHighlighting.CLASS, MACHINE,
			IrqLabSemanticHighlighting.TYPE, DEVICE_TYPE,
			IrqLabSemanticHighlighting.FUNCTION, SCENARIO,
			IrqLabSemanticHighlighting.VARIABLE, DEVICE,
			IrqLabSemanticHighlighting.NAMESPACE, PACKAGE);

	private EditorColours() {
	}

	/** The colour key of a kind of name, or null for tokens the rules colour (keywords, numbers, comments). */
	public static String ofKind(String kind) {
		return kind == null ? null : BY_KIND.get(kind);
	}

	/** The current theme's colour for the key (black if the theme has none, e.g. outside a workbench). */
	public static Color get(String key) {
		ColorRegistry registry = registry();
		return registry == null ? null : registry.get(key);
	}

	private static ColorRegistry registry() {
		if (!PlatformUI.isWorkbenchRunning()) {
			return null;
		}
		return PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry();
	}

	/** Calls {@code changed} after a change of theme or of one of its colours; returns what removes the listener. */
	public static Runnable onChange(Runnable changed) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return () -> {
			};
		}
		IThemeManager themes = PlatformUI.getWorkbench().getThemeManager();
		IPropertyChangeListener listener = event -> changed.run();
		themes.addPropertyChangeListener(listener);
		return () -> themes.removePropertyChangeListener(listener);
	}
}
