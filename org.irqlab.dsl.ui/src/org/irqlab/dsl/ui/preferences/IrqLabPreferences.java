package org.irqlab.dsl.ui.preferences;

import java.util.function.Consumer;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.util.IPropertyChangeListener;
import org.eclipse.jface.util.PropertyChangeEvent;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/**
 * What the user can switch in *Window > Preferences > IrqLab*, kept in the editor bundle's preference store.
 */
public final class IrqLabPreferences {

	/** The figures above each `add` and machine (code minings, the editor's form of the LSP inlay hints). */
	public static final String CODE_MININGS = "codeMinings";

	private IrqLabPreferences() {
	}

	public static IPreferenceStore store() {
		return IrqLabUiPlugin.getDefault().getPreferenceStore();
	}

	public static boolean codeMinings() {
		IrqLabUiPlugin plugin = IrqLabUiPlugin.getDefault();
		return plugin == null || plugin.getPreferenceStore().getBoolean(CODE_MININGS);
	}

	/** Calls {@code changed} with the key of each preference that changes; returns what removes the listener. */
	public static Runnable onChange(Consumer<String> changed) {
		IPropertyChangeListener listener = (PropertyChangeEvent event) -> changed.accept(event.getProperty());
		IPreferenceStore store = store();
		store.addPropertyChangeListener(listener);
		return () -> store.removePropertyChangeListener(listener);
	}

	/** The defaults, registered through org.eclipse.core.runtime.preferences. */
	public static final class Initializer extends AbstractPreferenceInitializer {
		@Override
		public void initializeDefaultPreferences() {
			store().setDefault(CODE_MININGS, true);
		}
	}
}
