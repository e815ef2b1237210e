package org.irqlab.dsl.ui.editor;

import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.IRule;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.IWordDetector;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.NumberRule;
import org.eclipse.jface.text.rules.RuleBasedScanner;
import org.eclipse.jface.text.rules.Token;
import org.eclipse.jface.text.rules.WordRule;
import org.eclipse.swt.SWT;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

/**
 * Syntax colouring for the Generic Editor. The keywords come from the grammar itself, so the
 * colouring cannot drift from the language.
 */
public class IrqLabPresentationReconciler extends PresentationReconciler {

	public IrqLabPresentationReconciler() {
		RuleBasedScanner scanner = new RuleBasedScanner();
		scanner.setRules(createRules());
		DefaultDamagerRepairer damagerRepairer = new WholeDocumentDamagerRepairer(scanner);
		setDamager(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
		setRepairer(damagerRepairer, IDocument.DEFAULT_CONTENT_TYPE);
	}

	/** The names' colours come from the model, painted over the rules' ({@link SemanticHighlighter}). */
	@Override
	public void install(org.eclipse.jface.text.ITextViewer viewer) {
		super.install(viewer);
		SemanticHighlighter.install(viewer);
	}

	private static IRule[] createRules() {
		IToken keyword = token(EditorColours.KEYWORD, SWT.BOLD);
		IToken comment = token(EditorColours.COMMENT, SWT.NORMAL);
		IToken number = token(EditorColours.NUMBER, SWT.NORMAL);
		IToken other = Token.UNDEFINED;

		WordRule words = new WordRule(new KeywordDetector(), other);
		for (String each : keywords()) {
			if (!each.isEmpty() && Character.isLetter(each.charAt(0))) {
				words.addWord(each, keyword);
			}
		}
		return new IRule[] {
				new EndOfLineRule("//", comment),
				new MultiLineRule("/*", "*/", comment, (char) 0, true),
				words,
				new NumberRule(number) };
	}

	private static Set<String> keywords() {
		IGrammarAccess grammar = IrqLabUiPlugin.getDefault().getInjector().getInstance(IGrammarAccess.class);
		return new TreeSet<>(GrammarUtil.getAllKeywords(grammar.getGrammar()));
	}

	/** The theme's colour, looked up when painted: a change of theme recolours without a new scanner. */
	private static IToken token(String colour, int style) {
		return new Token(null) {
			@Override
			public Object getData() {
				return new TextAttribute(EditorColours.get(colour), null, style);
			}
		};
	}

	/** Keywords such as el8-4.18 contain dashes and dots, so words are matched on the same characters. */
	private static final class KeywordDetector implements IWordDetector {
		@Override
		public boolean isWordStart(char c) {
			return Character.isLetter(c) || c == '_';
		}

		@Override
		public boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
		}
	}

	/** Block comments span lines, so a change may recolour text far from it: models are small, repaint all. */
	private static final class WholeDocumentDamagerRepairer extends DefaultDamagerRepairer {
		WholeDocumentDamagerRepairer(RuleBasedScanner scanner) {
			super(scanner);
		}

		@Override
		public IRegion getDamageRegion(ITypedRegion partition, DocumentEvent event, boolean documentPartitioningChanged) {
			return new Region(0, event.getDocument().getLength());
		}
	}
}
