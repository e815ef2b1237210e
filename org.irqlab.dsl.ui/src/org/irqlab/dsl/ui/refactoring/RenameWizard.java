package org.irqlab.dsl.ui.refactoring;

import org.eclipse.ltk.ui.refactoring.RefactoringWizard;
import org.eclipse.ltk.ui.refactoring.UserInputWizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/** The rename dialog: the new name, then *Preview >* lists every change in every file before *OK* makes them. */
final class RenameWizard extends RefactoringWizard {

	RenameWizard(IrqLabRename rename) {
		super(rename, DIALOG_BASED_USER_INTERFACE | PREVIEW_EXPAND_FIRST_NODE);
		setDefaultPageTitle(rename.getName());
	}

	@Override
	protected void addUserInputPages() {
		addPage(new NamePage((IrqLabRename) getRefactoring()));
	}

	private static final class NamePage extends UserInputWizardPage {
		private final IrqLabRename rename;

		NamePage(IrqLabRename rename) {
			super("name");
			this.rename = rename;
		}

		@Override
		public void createControl(Composite parent) {
			Composite page = new Composite(parent, SWT.NONE);
			page.setLayout(new GridLayout(2, false));
			new Label(page, SWT.NONE).setText("&New name:");
			Text name = new Text(page, SWT.BORDER);
			name.setText(rename.oldName());
			name.selectAll();
			name.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			name.addModifyListener(event -> {
				String typed = name.getText().strip();
				rename.setNewName(typed);
				setPageComplete(!typed.isEmpty() && !typed.equals(rename.oldName()));
				setErrorMessage(typed.isEmpty() ? "Type a name." : null);
			});
			setPageComplete(false);
			setControl(page);
			name.setFocus();
		}
	}
}
