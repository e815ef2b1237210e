package org.irqlab.dsl.parser;

import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.parser.antlr.XtextTokenStream;
import org.eclipse.xtext.util.ReplaceRegion;
import org.irqlab.dsl.parser.antlr.IrqLabParser;

/**
 * The generated parser behind {@link NestingLimitTokenSource}, so that no document, however deeply its
 * `repeat` blocks nest, makes the parser (or anything after it) overflow the stack.
 */
public class IrqLabNestingParser extends IrqLabParser {

	@Override
	protected XtextTokenStream createTokenStream(TokenSource tokenSource) {
		return super.createTokenStream(new NestingLimitTokenSource(tokenSource, getTokenDefProvider().getTokenDefMap()));
	}

	/**
	 * A partial reparse starts at a node inside the model and counts nesting from there, so after a
	 * document reached the limit the whole text is parsed again: every reparse then starts from a model at
	 * most {@code MAX_DEPTH + 1} deep and stays below twice that.
	 */
	@Override
	protected IParseResult doReparse(IParseResult previousParseResult, ReplaceRegion replaceRegion) {
		if (RepeatNesting.deepest(previousParseResult.getRootASTElement()) < RepeatNesting.MAX_DEPTH) {
			return super.doReparse(previousParseResult, replaceRegion);
		}
		StringBuilder text = new StringBuilder(previousParseResult.getRootNode().getText());
		text.replace(replaceRegion.getOffset(), replaceRegion.getEndOffset(), replaceRegion.getText());
		return doParse(text);
	}
}
