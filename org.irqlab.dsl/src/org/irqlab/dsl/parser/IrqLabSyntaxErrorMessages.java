package org.irqlab.dsl.parser;

import java.util.Map;

import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;

/**
 * Says what the parser expected in the user's words rather than ANTLR's token names
 * ("expected a number" instead of "missing RULE_INT").
 */
public class IrqLabSyntaxErrorMessages extends SyntaxErrorMessageProvider {

	private static final Map<String, String> TOKEN_WORDS = Map.of(
			"RULE_INT", "a number",
			"RULE_ID", "a name",
			"RULE_STRING", "a quoted string",
			"EOF", "the end of the file");

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		SyntaxErrorMessage original = super.getSyntaxErrorMessage(context);
		return new SyntaxErrorMessage(inUserWords(original.getMessage()), original.getIssueCode(), original.getIssueData());
	}

	static String inUserWords(String message) {
		if (message == null) {
			return null;
		}
		String result = message;
		if (result.startsWith("missing ")) {
			result = "expected " + result.substring("missing ".length()).replaceFirst(" at ", " before ");
		} else if (result.startsWith("mismatched input ")) {
			result = "unexpected " + result.substring("mismatched input ".length());
		} else if (result.startsWith("no viable alternative at input ")) {
			result = "unexpected " + result.substring("no viable alternative at input ".length());
		} else if (result.startsWith("extraneous input ")) {
			result = "unexpected " + result.substring("extraneous input ".length());
		}
		for (Map.Entry<String, String> each : TOKEN_WORDS.entrySet()) {
			result = result.replace(each.getKey(), each.getValue());
		}
		return result.replace("'<EOF>'", "the end of the file");
	}
}
