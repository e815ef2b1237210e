package org.irqlab.dsl.conversion;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.INTValueConverter;
import org.eclipse.xtext.conversion.impl.QualifiedNameValueConverter;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

/**
 * Values as the user reads them. Names: `^machine` declares the name `machine`, a reference written
 * `^machine` (or `lab.^machine`) finds it, and a name that is one of the language's words (`lab.online`)
 * keeps it. Numbers: one that does not fit the model's int says so at the number ("2147483648 is too
 * large: ...") instead of Java's "For input string", and nothing else is reported about the value.
 */
public class IrqLabValueConverters extends DefaultTerminalConverters {

	@Inject
	private DottedNames qualifiedNames;

	@Inject
	private Numbers numbers;

	@Override
	@ValueConverter(rule = "INT")
	public IValueConverter<Integer> INT() {
		return numbers;
	}

	// The generated parser names the rule with its grammar: both names must convert the same way.
	@Override
	@ValueConverter(rule = "org.eclipse.xtext.common.Terminals.INT")
	public IValueConverter<Integer> TerminalsINT() {
		return numbers;
	}

	/** A name: an identifier (its `^` dropped) or one of the language's words. */
	@ValueConverter(rule = "ValidID")
	public IValueConverter<String> ValidID() {
		// A delegate, not ID()'s converter itself: the service would hand that one the ValidID parser rule,
		// and a lexer-based converter logs a warning on every start ("Only terminal rules are supported").
		IValueConverter<String> id = ID();
		return new IValueConverter<String>() {
			@Override
			public String toValue(String string, INode node) throws ValueConverterException {
				return id.toValue(string, node);
			}

			@Override
			public String toString(String value) throws ValueConverterException {
				return id.toString(value);
			}
		};
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

	/** The INT terminal: decimal digits, at most {@link Integer#MAX_VALUE}. */
	public static class Numbers extends INTValueConverter {
		@Override
		public Integer toValue(String string, INode node) throws ValueConverterException {
			if (string == null || string.isEmpty()) {
				throw new ValueConverterException("expected a number", node, null);
			}
			try {
				return Integer.valueOf(string, 10);
			} catch (NumberFormatException e) {
				// no cause: Xtext would show the cause's message ("For input string: ...") instead of this one
				throw new ValueConverterException(tooLarge(string), node, null);
			}
		}

		static String tooLarge(String digits) {
			String shown = digits.length() > 24 ? digits.substring(0, 10) + "..." + " (" + digits.length() + " digits)" : digits;
			return "the number " + shown + " is too large: IrqLab's numbers go up to " + Integer.MAX_VALUE
					+ " (and every count the kernel takes is far below that)";
		}
	}
}
