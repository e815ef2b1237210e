package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Help > Install New Software... is in the workbench (p2's SDK UI) and opens p2's install wizard, without an error in
 * the log: the update site can be installed into the workbench from its own menu.
 */
public class InstallNewSoftwareTest {

	private static final String INSTALL = "org.eclipse.equinox.p2.ui.sdk.install";

	@Test
	void theHelpMenuOffersInstallNewSoftwareAndItOpensTheWizard() throws Exception {
		Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
		List<String> help = helpMenu(window);
		assertTrue(help.contains("Install New Software..."), help.toString());

		theWorkbenchHasAProfileLikeTheProducts();
		int errorsBefore = StartupLogTest.errors().size();
		Display display = window.getDisplay();
		AtomicReference<String> opened = new AtomicReference<>();
		// the wizard is modal: close it as soon as it shows, whether the command opens it at once or from a job (and
		// close whatever else shows instead, such as p2's "not configured properly for Software Updates", to fail)
		Runnable[] closeTheWizard = new Runnable[1];
		long deadline = System.currentTimeMillis() + 60_000;
		closeTheWizard[0] = () -> {
			for (Shell shell : display.getShells()) {
				if (shell != window && shell.isVisible()) {
					// the wizard p2's handler opens, or whatever dialog showed instead
					opened.set((shell.getData() instanceof WizardDialog dialog && dialog.getCurrentPage() != null
							? dialog.getCurrentPage().getWizard().getClass().getSimpleName()
							: String.valueOf(shell.getData())) + ": " + shell.getText());
					shell.close();
					return;
				}
			}
			if (System.currentTimeMillis() < deadline) {
				display.timerExec(200, closeTheWizard[0]);
			}
		};
		display.timerExec(200, closeTheWizard[0]);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(INSTALL, null);
		waitUntil("the install wizard opens", 60_000, () -> opened.get() != null);
		assertEquals("InstallWizard: Install", opened.get());
		// the repositories it loads in the background must not fail either
		Workbench.processEvents(2000);
		assertEquals(List.of(), StartupLogTest.errors().subList(errorsBefore, StartupLogTest.errors().size()),
				"no error in .metadata/.log from the install wizard");
	}

	/**
	 * p2 changes the installation it runs in through that installation's profile (eclipse.p2.profile, which the
	 * product's config.ini names; the pom sets it for this test runtime). The materialized product has it from its
	 * build; the test runtime has none until it is created, empty, as a first start of p2 in a new installation.
	 */
	private static void theWorkbenchHasAProfileLikeTheProducts() throws Exception {
		String id = System.getProperty("eclipse.p2.profile");
		assertNotNull(id, "eclipse.p2.profile is set for the test runtime");
		// IProvisioningAgent's class loads p2.core, whose activation registers the running installation's agent
		BundleContext context = FrameworkUtil.getBundle(InstallNewSoftwareTest.class).getBundleContext();
		ServiceReference<IProvisioningAgent> reference = context.getServiceReference(IProvisioningAgent.class);
		assertNotNull(reference, "p2's agent of the running installation");
		IProfileRegistry profiles = context.getService(reference).getService(IProfileRegistry.class);
		if (profiles.getProfile(IProfileRegistry.SELF) == null) {
			profiles.addProfile(id);
		}
		assertNotNull(profiles.getProfile(IProfileRegistry.SELF), "the running installation's profile");
	}

	/** The labels of the Help menu's items, as the menu shows them (without mnemonics and key bindings). */
	private static List<String> helpMenu(Shell window) {
		Menu bar = window.getMenuBar();
		assertNotNull(bar, "the workbench window has a menu bar");
		for (MenuItem item : bar.getItems()) {
			if (item.getText().replace("&", "").equals("Help")) {
				Menu menu = item.getMenu();
				// menu contributions are filled in when the menu is about to show
				menu.notifyListeners(SWT.Show, new Event());
				List<String> labels = new ArrayList<>();
				for (MenuItem entry : menu.getItems()) {
					labels.add(entry.getText().replace("&", "").split("\t")[0]);
				}
				menu.notifyListeners(SWT.Hide, new Event());
				return labels;
			}
		}
		throw new AssertionError("no Help menu");
	}
}
