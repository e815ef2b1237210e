package org.irqlab.dsl.ide.server;

import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;

import org.eclipse.emf.ecore.EObject;
import org.irqlab.dsl.model.KernelSetting;
import org.irqlab.dsl.report.KernelRulesText;
import org.irqlab.dsl.simulation.MachineTranslator;
import org.irqlab.kernel.KernelRules;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.hover.HoverContext;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.irqlab.dsl.ide.hover.AddEventDescription;
import org.irqlab.dsl.model.AddEvent;

import com.google.inject.Inject;

/** Hovering anywhere on an `add` shows what happened to its devices, as the Eclipse editor's hover does. */
public class IrqLabHoverService extends HoverService {

	@Inject
	private EObjectAtOffsetHelper offsets;

	@Inject
	private AddEventDescription addEvents;

	@Override
	protected HoverContext createContext(Document document, XtextResource resource, int offset) {
		EObject contained = offsets.resolveContainedElementAt(resource, offset);
		AddEvent add = EcoreUtil2.getContainerOfType(contained, AddEvent.class);
		if (add != null) {
			ITextRegion region = NodeModelUtils.findActualNodeFor(add).getTextRegion();
			return new HoverContext(document, resource, offset, region, add);
		}
		KernelSetting kernel = EcoreUtil2.getContainerOfType(contained, KernelSetting.class);
		if (kernel != null) {
			ITextRegion region = NodeModelUtils.findActualNodeFor(kernel).getTextRegion();
			return new HoverContext(document, resource, offset, region, kernel);
		}
		return super.createContext(document, resource, offset);
	}

	/** No hover is null, as LSP asks, not an empty text that some editors show as an empty box. */
	@Override
	public Hover hover(Document document, XtextResource resource, HoverParams params, CancelIndicator cancelIndicator) {
		Hover hover = super.hover(document, resource, params, cancelIndicator);
		return hover == null || isEmpty(hover) ? null : hover;
	}

	private static boolean isEmpty(Hover hover) {
		if (hover.getContents() == null) {
			return true;
		}
		if (hover.getContents().isLeft()) {
			return hover.getContents().getLeft() == null || hover.getContents().getLeft().isEmpty();
		}
		MarkupContent markup = hover.getContents().getRight();
		return markup == null || markup.getValue() == null || markup.getValue().isBlank();
	}

	@Override
	public String getContents(EObject element) {
		// a model with syntax errors is partial: simulating it would describe a machine nobody wrote
		boolean partial = element.eResource() != null && !element.eResource().getErrors().isEmpty();
		if (element instanceof AddEvent add && !partial) {
			String text = addEvents.describe(add, CancelIndicator.NullImpl);
			if (text != null) {
				return "```text\n" + text + "```";
			}
		}
		if (element instanceof KernelSetting kernel) {
			KernelRules rules = MachineTranslator.rulesOf(kernel);
			if (rules != null) {
				return "```text\n" + KernelRulesText.describe(rules) + "```";
			}
		}
		return super.getContents(element);
	}
}
