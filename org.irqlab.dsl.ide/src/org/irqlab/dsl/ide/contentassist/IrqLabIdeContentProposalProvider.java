package org.irqlab.dsl.ide.contentassist;

import java.util.List;

import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.irqlab.dsl.services.IrqLabGrammarAccess;
import org.irqlab.kernel.KernelRules;

import com.google.inject.Inject;

/** After `kernel`, the profile names, each with what it stands for; any `uname -r` may be typed instead. */
public class IrqLabIdeContentProposalProvider extends IdeContentProposalProvider {

	@Inject
	private IrqLabGrammarAccess grammar;

	@Override
	protected void _createProposals(RuleCall ruleCall, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		if (ruleCall.getRule() == grammar.getKernelVersionTextRule()) {
			for (KernelRules profile : List.copyOf(KernelRules.values())) {
				ContentAssistEntry entry = getProposalCreator().createProposal(profile.id(), context);
				if (entry != null) {
					entry.setDescription(profile.version().describe() + ", or type what `uname -r` prints");
					acceptor.accept(entry, getProposalPriorities().getDefaultPriority(entry));
				}
			}
			return;
		}
		super._createProposals(ruleCall, context, acceptor);
	}
}
