package org.irqlab.dsl.ui.quickfix;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.irqlab.dsl.ide.quickfix.QuickFix;
import org.irqlab.dsl.ui.editor.IssueAnnotation;

/** Ctrl+1 on a capacity error or warning in the editor: the shared quick fixes as proposals. */
public class IrqLabQuickAssistProcessor implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof IssueAnnotation issue && issue.isQuickFixable();
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		ISourceViewer viewer = context.getSourceViewer();
		IDocument document = viewer.getDocument();
		IAnnotationModel model = viewer.getAnnotationModel();
		List<ICompletionProposal> proposals = new ArrayList<>();
		List<String> seen = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (!(it.next() instanceof IssueAnnotation annotation) || !annotation.isQuickFixable()) {
				continue;
			}
			Position position = model.getPosition(annotation);
			if (position == null || position.isDeleted() || !onSameLine(document, position, context.getOffset())) {
				continue;
			}
			for (QuickFix fix : QuickFixes.fixes(document, annotation.issue().getCode(), annotation.issue().getData(),
					position.getOffset())) {
				// an error and a warning on one `add` share most fixes
				if (!seen.contains(fix.label())) {
					seen.add(fix.label());
					proposals.add(new Proposal(fix));
				}
			}
		}
		return proposals.toArray(new ICompletionProposal[0]);
	}

	private static boolean onSameLine(IDocument document, Position position, int offset) {
		try {
			int line = document.getLineOfOffset(offset);
			return document.getLineOfOffset(position.getOffset()) <= line
					&& line <= document.getLineOfOffset(position.getOffset() + position.getLength());
		} catch (BadLocationException e) {
			return false;
		}
	}

	private static final class Proposal implements ICompletionProposal {
		private final QuickFix fix;

		Proposal(QuickFix fix) {
			this.fix = fix;
		}

		@Override
		public void apply(IDocument document) {
			try {
				QuickFixes.apply(fix, document);
			} catch (BadLocationException e) {
				// the text changed under the proposal; the reconciler offers fresh fixes for the new text
			}
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return fix.label();
		}

		@Override
		public String getDisplayString() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return PlatformUI.getWorkbench().getSharedImages().getImage(ISharedImages.IMG_OBJ_ELEMENT);
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
