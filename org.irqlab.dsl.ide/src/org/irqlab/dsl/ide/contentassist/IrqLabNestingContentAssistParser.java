package org.irqlab.dsl.ide.contentassist;

import java.util.HashMap;
import java.util.Map;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.TokenSource;
import org.irqlab.dsl.ide.contentassist.antlr.IrqLabParser;
import org.irqlab.dsl.ide.contentassist.antlr.internal.InternalIrqLabParser;
import org.irqlab.dsl.parser.NestingLimitTokenSource;

/**
 * Content assist parses the text before the cursor with a parser of its own, as recursive as the
 * language's: it reads the body of a `repeat` nested too deep as a comment too (see RepeatNesting).
 */
public class IrqLabNestingContentAssistParser extends IrqLabParser {

	private static final Map<Integer, String> TOKENS = new HashMap<>();

	static {
		for (int i = 0; i < InternalIrqLabParser.tokenNames.length; i++) {
			TOKENS.put(i, InternalIrqLabParser.tokenNames[i]);
		}
	}

	@Override
	protected TokenSource createLexer(CharStream stream) {
		return new NestingLimitTokenSource(super.createLexer(stream), TOKENS);
	}
}
