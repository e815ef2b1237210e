package org.irqlab.dsl.conversion;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.impl.QualifiedNameValueConverter;

import com.google.inject.Inject;

/**
 * Names as written and as meant: `^machine` declares the name `machine`, and a reference written
 * `^machine` (or `lab.^machine`) finds it, because names and qualified names drop the escape like ID does.
 */
public class IrqLabValueConverters extends DefaultTerminalConverters {

	@Inject
	private DottedNames qualifiedNames;

	/** Each segment of a qualified name is a ValidID, not only an ID: `lab.online` is a name too. */
	public static class DottedNames extends QualifiedNameValueConverter {
		@Override
		protected String getDelegateRuleName() {
			return "ValidID";
		}
	}

	/** A name: an identifier (its `^` dropped) or one of the language's words. */
	@ValueConverter(rule = "ValidID")
	public IValueConverter<String> ValidID() {
		return ID();
	}

	/** Dotted names, each segment converted as a name. */
	@ValueConverter(rule = "QualifiedName")
	public IValueConverter<String> QualifiedName() {
		return qualifiedNames;
	}
}
