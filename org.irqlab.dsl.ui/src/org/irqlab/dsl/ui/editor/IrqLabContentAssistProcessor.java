package org.irqlab.dsl.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.irqlab.dsl.ui.IrqLabUiPlugin;
import org.irqlab.dsl.ui.model.ModelReads;

/**
 * Content assist from the workspace model (the language server's completion, so names from the project's
 * other files are proposed). It pops up by itself only after a keyword and a space; after a number or a
 * name it waits for Ctrl+Space; and a word is never proposed glued onto the number or name before the caret
 * (`adjacent` right after `smt 2`), so that Enter after `smt 2` is a new line.
 */
public class IrqLabContentAssistProcessor implements IContentAssistProcessor {

	private static final long WAIT_MS = 2_000;

	private static Set<String> keywords;

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		IDocument document = viewer.getDocument();
		IrqLabUiPlugin plugin = IrqLabUiPlugin.getDefault();
		String uri = plugin.documents().uriOf(document);
		if (uri == null || !afterKeywordIfAfterSpace(document, offset)) {
			return new ICompletionProposal[0];
		}
		CompletionParams params;
		try {
			params = new CompletionParams(new TextDocumentIdentifier(uri), TextPositions.position(document, offset));
		} catch (BadLocationException e) {
			return new ICompletionProposal[0];
		}
		Either<List<CompletionItem>, CompletionList> answer = ModelReads
				.await(plugin.model().ask(server -> server.completion(params)), WAIT_MS);
		if (answer == null) {
			return new ICompletionProposal[0];
		}
		List<CompletionItem> items = answer.isLeft() ? answer.getLeft() : answer.getRight().getItems();
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (CompletionItem item : items) {
			Completion proposal = Completion.of(document, offset, item);
			if (proposal != null && !proposal.gluesOntoTheWordBefore(document)) {
				proposals.add(proposal);
			}
		}
		return proposals.toArray(new ICompletionProposal[0]);
	}

	/** Right after a space, only a keyword before it calls for a choice (`kernel `, `on `, `x `); a number does not. */
	static boolean afterKeywordIfAfterSpace(IDocument document, int offset) {
		try {
			if (offset == 0 || document.getChar(offset - 1) != ' ') {
				return true;
			}
			int end = offset - 1;
			while (end > 0 && document.getChar(end - 1) == ' ') {
				end--;
			}
			int start = end;
			while (start > 0 && !Character.isWhitespace(document.getChar(start - 1))) {
				start--;
			}
			return start < end && keywords().contains(document.get(start, end - start));
		} catch (BadLocationException e) {
			return false;
		}
	}

	private static synchronized Set<String> keywords() {
		if (keywords == null) {
			IGrammarAccess grammar = IrqLabUiPlugin.getDefault().getInjector().getInstance(IGrammarAccess.class);
			keywords = new TreeSet<>(GrammarUtil.getAllKeywords(grammar.getGrammar()));
		}
		return keywords;
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { ' ' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}
}
