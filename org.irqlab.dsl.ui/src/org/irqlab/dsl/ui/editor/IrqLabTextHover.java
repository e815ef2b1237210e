package org.irqlab.dsl.ui.editor;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.irqlab.dsl.ide.hover.AddEventDescription;
import org.irqlab.dsl.model.AddEvent;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

import com.google.inject.Injector;

/**
 * Hovering an `add` shows each kind of outcome its devices had: path, vectors with masks and CPUs,
 * slots consumed. The issue messages on the same text come from the Generic Editor's annotation hover,
 * shown alongside.
 */
public class IrqLabTextHover implements ITextHover {

	@Override
	public IRegion getHoverRegion(ITextViewer viewer, int offset) {
		return new Region(offset, 0);
	}

	@Override
	@SuppressWarnings("deprecation")
	public String getHoverInfo(ITextViewer viewer, IRegion region) {
		ModelSnapshot snapshot = ModelSnapshots.latest(viewer.getDocument());
		// Hovers run off the UI thread; only an up-to-date snapshot has the simulation already cached.
		XtextResource resource = snapshot != null && snapshot.isCurrent() ? snapshot.resource()
				: DocumentParser.parse(viewer.getDocument().get(), "/hover.irqlab");
		Injector injector = IrqLabUiPlugin.getDefault().getInjector();
		EObject element = injector.getInstance(EObjectAtOffsetHelper.class).resolveContainedElementAt(resource,
				region.getOffset());
		AddEvent add = EcoreUtil2.getContainerOfType(element, AddEvent.class);
		if (add == null) {
			return null;
		}
		synchronized (resource) {
			return injector.getInstance(AddEventDescription.class).describe(add, CancelIndicator.NullImpl);
		}
	}
}
