package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.document;
import static org.irqlab.dsl.ui.tests.Workbench.issues;
import static org.irqlab.dsl.ui.tests.Workbench.lineOf;
import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.viewer;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.source.ISourceViewerExtension3;
import org.eclipse.jface.text.source.TextInvocationContext;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.AnnotationPreference;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.irqlab.dsl.ui.editor.IrqLabTextHover;
import org.irqlab.dsl.ui.editor.IssueAnnotation;
import org.irqlab.dsl.ui.outline.IrqLabOutlinePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed incident in the editor: the kernel's error on the failing `add` as you open it, gone once
 * you type a count that fits, and gone after a quick fix.
 */
public class CapacityEditingTest {

	private static final long FIRST_VALIDATION_MS = 60_000;
	private static final long REVALIDATION_MS = 20_000;

	private IProject project;
	private ITextEditor editor;
	private int addLine;

	@BeforeEach
	void openTheSeedModel() throws Exception {
		project = Workbench.newProject("capacity-editing");
		String seed = Workbench.seedModel();
		addLine = Arrays.asList(seed.split("\n", -1)).indexOf("    add 512 x dpu_disk");
		editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "seed-incident.irqlab", seed));
		waitUntil("the seed model shows an error", FIRST_VALIDATION_MS,
				() -> !issues(editor, IssueAnnotation.ERROR_TYPE).isEmpty());
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void theFailingAddCarriesTheKernelsMessage() throws Exception {
		List<IssueAnnotation> errors = issues(editor, IssueAnnotation.ERROR_TYPE);

		assertEquals(1, errors.size(), messages(errors));
		IssueAnnotation error = errors.get(0);
		assertEquals(addLine, lineOf(editor, error));
		assertTrue(error.getText().contains("fail to probe: -EBUSY (-16)"), error.getText());
		assertTrue(error.getText().contains("\"genirq: Flags mismatch irq 0."), error.getText());
		// the shared-MSI-X fallback of the devices before is a warning on the same line
		assertTrue(issues(editor, IssueAnnotation.WARNING_TYPE).stream().anyMatch(w -> w.getText().contains("shared MSI-X")));
		// what makes the annotation a squiggle and a mark in the overview ruler with the default preferences
		AnnotationPreference preference = EditorsUI.getAnnotationPreferenceLookup().getAnnotationPreference(error);
		IPreferenceStore store = EditorsUI.getPreferenceStore();
		assertTrue(store.getBoolean(preference.getTextPreferenceKey()), "squiggles are on for " + error.getType());
		assertTrue(store.getBoolean(preference.getOverviewRulerPreferenceKey()), "the overview ruler shows " + error.getType());
	}

	@Test
	void typingACountThatFitsClearsTheError() throws Exception {
		IDocument document = document(editor);
		int count = document.get().indexOf("512 x dpu_disk");

		document.replace(count, 3, "190");

		waitUntil("the error and the fallback warning are gone", REVALIDATION_MS,
				() -> issues(editor, IssueAnnotation.ERROR_TYPE).isEmpty()
						&& issues(editor, IssueAnnotation.WARNING_TYPE).isEmpty());
		// and the info with the headroom is back, for the new text
		waitUntil("the headroom info is shown", REVALIDATION_MS,
				() -> issues(editor, IssueAnnotation.INFO_TYPE).stream().anyMatch(i -> i.getText().contains("room for")));
	}

	@Test
	void quickFixMakesTheQueueVectorsNonManaged() throws Exception {
		IDocument document = document(editor);
		int addOffset = document.getLineOffset(addLine) + 6;
		// Ctrl+1 asks the viewer's quick assist assistant, which the Generic Editor fills from the extension point.
		IQuickAssistAssistant assistant = ((ISourceViewerExtension3) viewer(editor)).getQuickAssistAssistant();
		ICompletionProposal[] proposals = assistant.getQuickAssistProcessor()
				.computeQuickAssistProposals(new TextInvocationContext(viewer(editor), addOffset, 0));
		List<String> labels = new ArrayList<>();
		ICompletionProposal managed = null;
		for (ICompletionProposal each : proposals) {
			labels.add(each.getDisplayString());
			if (each.getDisplayString().startsWith("Make dpu_disk's queue vectors non-managed")) {
				managed = each;
			}
		}
		assertTrue(labels.stream().anyMatch(l -> l.startsWith("Add only 291 x dpu_disk (the most that probe): all 291 probe")),
				labels.toString());
		assertTrue(labels.stream().anyMatch(l -> l.endsWith("(managed false): all 512 get per-queue vectors, 14,057 free")),
				"each fix says what it gives, simulated: " + labels);
		assertNotNull(managed, labels.toString());

		managed.apply(document);

		assertTrue(document.get().contains("    numa none\n    managed false\n}"), document.get());
		waitUntil("the error is gone", REVALIDATION_MS, () -> issues(editor, IssueAnnotation.ERROR_TYPE).isEmpty());
	}

	@Test
	void hoveringTheAddShowsItsDevices() throws Exception {
		int offset = document(editor).getLineOffset(addLine) + 6;

		@SuppressWarnings("deprecation")
		String hover = new IrqLabTextHover().getHoverInfo(viewer(editor), new Region(offset, 0));

		assertNotNull(hover);
		assertTrue(hover.contains("per-queue MSI-X (managed): 81 slots each"), hover);
		assertTrue(hover.contains("virtio0-req.0  irq "), hover);
		assertTrue(hover.contains("managed  mask 0-39"), hover);
	}

	@Test
	void theOutlineListsTheModel() {
		IContentOutlinePage page = editor.getAdapter(IContentOutlinePage.class);

		assertTrue(page instanceof IrqLabOutlinePage, String.valueOf(page));
	}

	private static String messages(List<IssueAnnotation> annotations) {
		return annotations.stream().map(IssueAnnotation::getText).toList().toString();
	}
}
