package org.irqlab.dsl.ui.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextHoverExtension;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.irqlab.dsl.ide.hover.AddEventDescription;
import org.irqlab.dsl.model.KernelSetting;
import org.irqlab.dsl.report.KernelRulesText;
import org.irqlab.dsl.simulation.MachineTranslator;
import org.irqlab.kernel.KernelRules;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.model.ModelReads;

import com.google.inject.Injector;

/**
 * Hovering an `add` shows each kind of outcome its devices had: path, vectors with masks and CPUs,
 * slots consumed, from the workspace model (so a machine in another file counts). The issue messages on
 * the same text come from the Generic Editor's annotation hover, shown alongside.
 */
public class IrqLabTextHover implements ITextHover, ITextHoverExtension {

	private static final long WAIT_MS = 3_000;

	/** Its own window, which wraps and is never cut off ({@link WrappingHoverControl}). */
	@Override
	public IInformationControlCreator getHoverControlCreator() {
		return WrappingHoverControl.CREATOR;
	}

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	@Override
	@SuppressWarnings("deprecation")
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		Injector injector = IrqLabUiPlugin.getDefault().getInjector();
		return ModelReads.read(viewer.getDocument(), WAIT_MS, (resource, cancel) -> {
			EObject element = injector.getInstance(EObjectAtOffsetHelper.class).resolveContainedElementAt(resource,
					region.getOffset());
			KernelSetting kernel = EcoreUtil2.getContainerOfType(element, KernelSetting.class);
			if (kernel != null) {
				KernelRules rules = MachineTranslator.rulesOf(kernel);
				return rules == null ? null : KernelRulesText.describe(rules);
			}
			AddEvent add = EcoreUtil2.getContainerOfType(element, AddEvent.class);
			if (add == null) {
				return null;
			}
			// reads run side by side; the simulation cached on the resource is filled by one at a time
			synchronized (resource) {
				return injector.getInstance(AddEventDescription.class).describe(add, cancel);
			}
		});
	}
}
