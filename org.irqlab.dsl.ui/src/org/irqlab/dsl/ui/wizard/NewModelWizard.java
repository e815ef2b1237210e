package org.irqlab.dsl.ui.wizard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.WizardNewFileCreationPage;
import org.eclipse.ui.ide.IDE;

/** File > New > IrqLab Model: a new .irqlab file from a template, opened in the editor. */
public class NewModelWizard extends Wizard implements INewWizard {

	private IWorkbench workbench;
	private IStructuredSelection selection;
	private Page page;

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
		setWindowTitle("New IrqLab Model");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void addPages() {
		page = new Page(selection);
		addPage(page);
	}

	@Override
	public boolean performFinish() {
		// Without this check a missing template would silently give an empty file.
		try {
			page.template.text();
		} catch (IOException e) {
			page.setErrorMessage("cannot read the template: " + e.getMessage());
			return false;
		}
		IFile file = page.createNewFile();
		if (file == null) {
			return false;
		}
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		if (window == null || window.getActivePage() == null) {
			return true;
		}
		try {
			IDE.openEditor(window.getActivePage(), file);
		} catch (PartInitException e) {
			page.setErrorMessage("created " + file.getFullPath() + " but cannot open it: " + e.getMessage());
		}
		return true;
	}

	/** The file name page, with the template to start from. */
	public static final class Page extends WizardNewFileCreationPage {
		private Templates template = Templates.INCIDENT;
		private Combo choice;

		Page(IStructuredSelection selection) {
			super("newIrqLabModel", selection);
			setTitle("IrqLab model");
			setDescription("A machine, the devices plugged into it and the scenarios to check.");
			setFileExtension("irqlab");
			setFileName("host.irqlab");
		}

		@Override
		protected void createAdvancedControls(Composite parent) {
			Composite row = new Composite(parent, SWT.NONE);
			row.setLayout(new GridLayout(2, false));
			row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			new Label(row, SWT.NONE).setText("Start from:");
			choice = new Combo(row, SWT.READ_ONLY);
			for (Templates each : Templates.values()) {
				choice.add(each.label());
			}
			choice.select(template.ordinal());
			choice.addListener(SWT.Selection, e -> template = Templates.values()[choice.getSelectionIndex()]);
			super.createAdvancedControls(parent);
		}

		/** As if chosen in the combo, which shows it. */
		public void setTemplate(Templates template) {
			this.template = template;
			if (choice != null && !choice.isDisposed()) {
				choice.select(template.ordinal());
			}
		}

		@Override
		protected InputStream getInitialContents() {
			try {
				return new ByteArrayInputStream(template.text().getBytes(StandardCharsets.UTF_8));
			} catch (IOException e) {
				setErrorMessage(e.getMessage());
				return null;
			}
		}
	}
}
