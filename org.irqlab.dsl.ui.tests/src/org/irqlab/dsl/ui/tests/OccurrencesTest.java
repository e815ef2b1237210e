package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.page;
import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.irqlab.dsl.ui.editor.OccurrencesReconciler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mark occurrences by reference: the caret on a name marks its declaration and uses, never the same word
 * in a comment or as a keyword; a machine declared in another file marks its uses in this one.
 */
public class OccurrencesTest {

	static final String MODEL = """
			// m runs the scenario on its 4 CPUs: neither m nor on is marked in this comment
			machine m {
			    kernel 6.12
			    cpus 4
			}

			device disk : virtio_blk {
			    queues 2
			}

			scenario s on m {
			    add 2 x disk as d1
			    remove d1
			}

			scenario t on m {
			    add 1 x disk
			}
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("occurrences");
	}

	@AfterEach
	void closeAndDelete() throws CoreException {
		Workbench.discard(project);
	}

	@Test
	void theCaretOnANameMarksItsDeclarationAndUsesOnly() throws Exception {
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "one.irqlab", MODEL));
		waitUntil("the model is checked", 60_000, () -> org.irqlab.dsl.ui.editor.ModelSnapshots.latest(Workbench.document(editor)) != null);

		int declaration = MODEL.indexOf("machine m") + "machine ".length();
		int firstUse = MODEL.indexOf("s on m") + "s on ".length();
		int secondUse = MODEL.indexOf("t on m") + "t on ".length();
		editor.selectAndReveal(firstUse, 0);
		waitUntil("the machine's declaration and both uses are marked", 60_000,
				() -> occurrences(editor).equals(List.of(at(declaration, 1), at(firstUse, 1), at(secondUse, 1))));

		// a named device: its declaration in the add and its use in the remove
		int device = MODEL.indexOf("as d1") + 3;
		editor.selectAndReveal(MODEL.indexOf("remove d1") + "remove ".length() + 1, 0);
		waitUntil("the named device is marked", 60_000,
				() -> occurrences(editor).equals(List.of(at(device, 2), at(MODEL.indexOf("remove d1") + "remove ".length(), 2))));

		// the keyword `on`: nothing, not the `on` of the comment, not the other scenario's
		editor.selectAndReveal(MODEL.indexOf("s on m") + 2, 0);
		waitUntil("nothing is marked for a keyword", 60_000, () -> occurrences(editor).isEmpty());
		// a word in the comment: nothing either
		editor.selectAndReveal(MODEL.indexOf("m runs"), 0);
		Workbench.processEvents(500);
		assertEquals(List.of(), occurrences(editor));
	}

	@Test
	void aMachineFromAnotherFileMarksItsUsesHere() throws Exception {
		Workbench.file(project, "hosts.irqlab", CrossFileEditingTest.HOSTS);
		String plan = """
				import lab.*

				// on m
				scenario s on m {
				    add 4 x disk
				}

				scenario t on m {
				    add 1 x disk
				}
				""";
		ITextEditor editor = (ITextEditor) IDE.openEditor(page(), Workbench.file(project, "plan.irqlab", plan));
		waitUntil("the plan is checked on the hosts' machine", 60_000,
				() -> CrossFileEditingTest.messages(editor).stream().anyMatch(m -> m.contains("online CPUs")));
		int first = plan.indexOf("s on m") + "s on ".length();
		int second = plan.indexOf("t on m") + "t on ".length();
		editor.selectAndReveal(second, 1);
		waitUntil("both uses are marked", 60_000, () -> occurrences(editor).equals(List.of(at(first, 1), at(second, 1))));
		// the device type too
		int disk = plan.indexOf("4 x disk") + "4 x ".length();
		editor.selectAndReveal(disk + 2, 0);
		waitUntil("both uses of the device type are marked", 60_000,
				() -> occurrences(editor).equals(List.of(at(disk, 4), at(plan.indexOf("1 x disk") + "1 x ".length(), 4))));
	}

	private static String at(int offset, int length) {
		return offset + "+" + length;
	}

	/** The occurrence marks, as offset+length in the order of the text. */
	static List<String> occurrences(ITextEditor editor) {
		IAnnotationModel model = Workbench.viewer(editor).getAnnotationModel();
		TreeSet<Position> positions = new TreeSet<>((a, b) -> Integer.compare(a.getOffset(), b.getOffset()));
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			Annotation each = it.next();
			if (OccurrencesReconciler.ANNOTATION_TYPE.equals(each.getType()) && !each.isMarkedDeleted()) {
				positions.add(model.getPosition(each));
			}
		}
		return positions.stream().map(p -> at(p.getOffset(), p.getLength())).toList();
	}
}
