package org.irqlab.dsl.formatting2;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.formatting2.AbstractJavaFormatter;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegionsFinder;
import org.irqlab.dsl.model.CrashCountersSetting;
import org.irqlab.dsl.model.DeviceType;
import org.irqlab.dsl.model.Element;
import org.irqlab.dsl.model.Import;
import org.irqlab.dsl.model.LoadSetting;
import org.irqlab.dsl.model.Machine;
import org.irqlab.dsl.model.Model;
import org.irqlab.dsl.model.RepeatEvent;
import org.irqlab.dsl.model.Scenario;

/**
 * One statement per line, blocks indented, one space between words and after commas. A CPU list
 * is one value of a data type rule, so it keeps the form the user copied from /sys.
 */
public class IrqLabFormatter extends AbstractJavaFormatter {

	protected void format(Model model, IFormattableDocument doc) {
		ISemanticRegion packageKeyword = regionFor(model).keyword("package");
		if (packageKeyword != null) {
			doc.append(regionFor(model).feature(org.irqlab.dsl.model.ModelPackage.Literals.MODEL__NAME), f -> f.setNewLines(2));
		}
		for (Import each : model.getImports()) {
			doc.append(each, this::newLine);
		}
		List<Element> elements = model.getElements();
		for (int i = 0; i < elements.size(); i++) {
			doc.format(elements.get(i));
			// a blank line between elements, and the file ends with a newline
			int newLines = i < elements.size() - 1 ? 2 : 1;
			doc.append(elements.get(i), f -> f.setNewLines(newLines));
		}
	}

	protected void format(Machine machine, IFormattableDocument doc) {
		formatBlock(machine, machine.getSettings(), doc);
	}

	protected void format(DeviceType device, IFormattableDocument doc) {
		doc.surround(regionFor(device).keyword(":"), this::oneSpace);
		formatBlock(device, device.getSettings(), doc);
	}

	protected void format(Scenario scenario, IFormattableDocument doc) {
		formatBlock(scenario, scenario.getEvents(), doc);
	}

	protected void format(RepeatEvent repeat, IFormattableDocument doc) {
		formatBlock(repeat, repeat.getEvents(), doc);
	}

	protected void format(LoadSetting load, IFormattableDocument doc) {
		formatBlock(load, load.getItems(), doc);
	}

	protected void format(CrashCountersSetting crash, IFormattableDocument doc) {
		formatBlock(crash, crash.getCounters(), doc);
	}

	private void formatBlock(EObject owner, List<? extends EObject> statements, IFormattableDocument doc) {
		ISemanticRegionsFinder regions = regionFor(owner);
		ISemanticRegion open = regions.keyword("{");
		ISemanticRegion close = regions.keyword("}");
		if (open == null || close == null) {
			return;
		}
		doc.prepend(open, this::oneSpace);
		spaceWordsBefore(owner, open, doc);
		if (statements.isEmpty()) {
			doc.append(open, this::noSpace);
			return;
		}
		doc.append(open, this::newLine);
		doc.interior(open, close, this::indent);
		for (EObject statement : statements) {
			spaceWords(statement, doc);
			doc.format(statement);
			doc.append(statement, this::newLine);
		}
	}

	/** One space between the words of a block's header, such as `scenario name on machine`. */
	private void spaceWordsBefore(EObject owner, ISemanticRegion open, IFormattableDocument doc) {
		for (ISemanticRegion region : textRegionExtensions.allSemanticRegions(owner)) {
			if (region.getOffset() >= open.getOffset()) {
				break;
			}
			spaceAfter(region, doc);
		}
	}

	/** One space between the words of a one-line statement; blocks format their own insides. */
	private void spaceWords(EObject statement, IFormattableDocument doc) {
		ISemanticRegion open = regionFor(statement).keyword("{");
		if (open != null) {
			return;
		}
		List<ISemanticRegion> regions = new java.util.ArrayList<>();
		textRegionExtensions.allSemanticRegions(statement).forEach(regions::add);
		for (int i = 0; i < regions.size() - 1; i++) {
			spaceAfter(regions.get(i), doc);
		}
	}

	private void spaceAfter(ISemanticRegion region, IFormattableDocument doc) {
		ISemanticRegion next = region.getNextSemanticRegion();
		if (next == null) {
			return;
		}
		if (",".equals(next.getText())) {
			doc.append(region, this::noSpace);
		} else {
			doc.append(region, this::oneSpace);
		}
	}
}
