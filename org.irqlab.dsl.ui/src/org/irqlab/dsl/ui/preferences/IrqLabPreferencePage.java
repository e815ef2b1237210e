package org.irqlab.dsl.ui.preferences;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;

/** *Window > Preferences > IrqLab*: what the editor shows besides the text. */
public class IrqLabPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

	public IrqLabPreferencePage() {
		super(GRID);
		setDescription("The IrqLab model editor");
	}

	@Override
	public void init(IWorkbench workbench) {
		setPreferenceStore(IrqLabPreferences.store());
	}

	@Override
	protected void createFieldEditors() {
		addField(new BooleanFieldEditor(IrqLabPreferences.CODE_MININGS,
				"Show &figures above each add (how its devices end, slots, free vectors) and machine (usable slots)",
				getFieldEditorParent()));
	}
}
