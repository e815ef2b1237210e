package org.irqlab.dsl.parser;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.INTValueConverter;
import org.eclipse.xtext.nodemodel.INode;

import com.google.inject.Inject;

/**
 * Numbers as the user reads them: one that does not fit the model's int says so at the number
 * ("2147483648 is too large: ...") instead of Java's "For input string", and nothing else is reported
 * about the value the parser could not keep.
 */
public class IrqLabValueConverters extends DefaultTerminalConverters {

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
