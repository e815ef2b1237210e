package org.irqlab.dsl.conversion;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.QualifiedNameValueConverter;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

/**
 * Names as written and as meant: `^machine` declares the name `machine`, a reference written `^machine`
 * (or `lab.^machine`) finds it, and a name that is one of the language's words (`lab.online`) keeps it.
 */
public class IrqLabValueConverters extends DefaultTerminalConverters {

	@Inject
	private DottedNames qualifiedNames;

	/** A name: an identifier (its `^` dropped) or one of the language's words. */
	@ValueConverter(rule = "ValidID")
	public IValueConverter<String> ValidID() {
		return ID();
	}

	/** Dotted names, each segment a name. */
	@ValueConverter(rule = "QualifiedName")
	public IValueConverter<String> QualifiedName() {
		return qualifiedNames;
	}

	/** An import's name, with its optional `.*`. */
	@ValueConverter(rule = "QualifiedNameWithWildcard")
	public IValueConverter<String> QualifiedNameWithWildcard() {
		return qualifiedNames;
	}

	/**
	 * Xtext's converter keeps only the segments written as identifiers; here a segment may also be one of
	 * the language's words, which the parser reads as a keyword.
	 */
	public static class DottedNames extends QualifiedNameValueConverter {
		@Override
		public String toValue(String string, INode node) throws ValueConverterException {
			if (node == null) {
				return super.toValue(string, node);
			}
			StringBuilder value = new StringBuilder();
			for (ILeafNode leaf : node.getLeafNodes()) {
				if (leaf.isHidden()) {
					continue;
				}
				EObject element = leaf.getGrammarElement();
				if (isDelegateRuleCall(element)) {
					value.append(delegateToValue(leaf));
				} else if (element instanceof Keyword keyword) {
					value.append(keyword.getValue());
				}
			}
			return value.toString();
		}
	}
}
