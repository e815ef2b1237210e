package org.irqlab.dsl.ui.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.CompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.irqlab.dsl.ui.IrqLabUiPlugin;

import com.google.inject.Injector;

/** Content assist for the Generic Editor, computed by the language's ide services (as the language server does). */
public class IrqLabContentAssistProcessor implements IContentAssistProcessor {

	private static final ExecutorService PARSER_POOL = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "IrqLab content assist");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		Injector injector = IrqLabUiPlugin.getDefault().getInjector();
		String text = viewer.getDocument().get();
		XtextResource resource = DocumentParser.parse(injector, text, "/content-assist.irqlab");
		ContentAssistContextFactory contextFactory = injector.getInstance(ContentAssistContextFactory.class);
		contextFactory.setPool(PARSER_POOL);
		ContentAssistContext[] contexts = contextFactory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (ContentAssistEntry entry : acceptor.getEntries()) {
			String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
			String proposal = entry.getProposal();
			String label = entry.getLabel() != null ? entry.getLabel() : proposal;
			proposals.add(new CompletionProposal(proposal, offset - prefix.length(), prefix.length(),
					proposal.length(), null, label, null, entry.getDescription()));
		}
		return proposals.toArray(new ICompletionProposal[0]);
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
