package org.irqlab.dsl.parser;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Map;

import org.antlr.runtime.CharStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;

/**
 * Stands between the lexer and the parser and bounds how deep the parser recurses: the body of a
 * `repeat` that would nest deeper than {@link RepeatNesting#MAX_DEPTH} reaches the parser as one
 * multi-line comment, so the parser sees that repeat with an empty body. Its braces stay tokens, and the
 * node model keeps every character (a hidden node holds the body), so offsets, the document's text and
 * the formatter's view of it are unchanged. Loops only: this runs before anything recursive.
 */
public final class NestingLimitTokenSource implements TokenSource {

	private final TokenSource lexer;
	private final int openBrace;
	private final int closeBrace;
	private final int repeatKeyword;
	private final int intToken;
	private final int commentToken;
	private final BitSet hidden = new BitSet();
	/** for each open brace, innermost last: whether it opened a repeat's body */
	private final Deque<Boolean> braces = new ArrayDeque<>();
	private final Deque<Token> pending = new ArrayDeque<>();
	private int repeatDepth;
	private int lastType = Token.INVALID_TOKEN_TYPE;
	private int beforeLastType = Token.INVALID_TOKEN_TYPE;

	/**
	 * @param tokenDefs the parser's token types and their names ("'{'", "RULE_INT", ...)
	 */
	public NestingLimitTokenSource(TokenSource lexer, Map<Integer, String> tokenDefs) {
		this.lexer = lexer;
		this.openBrace = typeOf(tokenDefs, "'{'");
		this.closeBrace = typeOf(tokenDefs, "'}'");
		this.repeatKeyword = typeOf(tokenDefs, "'repeat'");
		this.intToken = typeOf(tokenDefs, "RULE_INT");
		this.commentToken = typeOf(tokenDefs, "RULE_ML_COMMENT");
		hidden.set(commentToken);
		hidden.set(typeOf(tokenDefs, "RULE_SL_COMMENT"));
		hidden.set(typeOf(tokenDefs, "RULE_WS"));
	}

	private static int typeOf(Map<Integer, String> tokenDefs, String name) {
		for (Map.Entry<Integer, String> each : tokenDefs.entrySet()) {
			if (name.equals(each.getValue())) {
				return each.getKey();
			}
		}
		throw new IllegalStateException("the grammar has no token " + name);
	}

	@Override
	public Token nextToken() {
		if (!pending.isEmpty()) {
			return remember(pending.poll());
		}
		Token token = lexer.nextToken();
		int type = token.getType();
		if (type == openBrace) {
			boolean opensRepeat = lastType == repeatKeyword || lastType == intToken && beforeLastType == repeatKeyword;
			braces.push(opensRepeat);
			if (opensRepeat && ++repeatDepth > RepeatNesting.MAX_DEPTH) {
				hideBody();
			}
		} else if (type == closeBrace && !braces.isEmpty() && braces.pop()) {
			repeatDepth--;
		}
		return remember(token);
	}

	/** Queues the body of the brace just read as one comment token, then its closing brace (or the end). */
	private void hideBody() {
		Token first = null;
		Token last = null;
		int level = 1;
		Token token;
		while (true) {
			token = lexer.nextToken();
			if (token.getType() == Token.EOF) {
				break;
			}
			if (token.getType() == openBrace) {
				level++;
			} else if (token.getType() == closeBrace && --level == 0) {
				break;
			}
			if (first == null) {
				first = token;
			}
			last = token;
		}
		if (first != null) {
			pending.add(comment(first, last));
		}
		pending.add(token);
		if (token.getType() == closeBrace) {
			braces.pop();
			repeatDepth--;
		}
	}

	private Token comment(Token first, Token last) {
		CharStream input = first instanceof CommonToken common ? common.getInputStream() : null;
		CommonToken comment = new CommonToken(input, commentToken, Token.HIDDEN_CHANNEL, start(first), stop(last));
		comment.setLine(first.getLine());
		comment.setCharPositionInLine(first.getCharPositionInLine());
		if (input == null) {
			comment.setText(first.getText() + "..." + last.getText());
		}
		return comment;
	}

	private static int start(Token token) {
		return token instanceof CommonToken common ? common.getStartIndex() : 0;
	}

	private static int stop(Token token) {
		return token instanceof CommonToken common ? common.getStopIndex() : 0;
	}

	private Token remember(Token token) {
		if (token.getType() < 0 || !hidden.get(token.getType())) {
			beforeLastType = lastType;
			lastType = token.getType();
		}
		return token;
	}

	@Override
	public String getSourceName() {
		return lexer.getSourceName();
	}
}
