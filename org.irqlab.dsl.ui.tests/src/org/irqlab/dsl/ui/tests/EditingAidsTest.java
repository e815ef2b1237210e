package org.irqlab.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.eclipse.jface.text.Document;
import org.irqlab.dsl.ui.editor.FoldingRegions;
import org.irqlab.dsl.ui.editor.ToggleCommentHandler;
import org.junit.jupiter.api.Test;

/** Toggle comment and the folding regions, on text alone. */
public class EditingAidsTest {

	@Test
	void toggleCommentCommentsOutAtTheCommonIndentationAndBackIn() throws Exception {
		String original = "machine m {\n    cpus 4\n\n    nodes 1\n}\n";
		Document document = new Document(original);

		ToggleCommentHandler.toggle(document, 1, 3);
		assertEquals("machine m {\n    // cpus 4\n\n    // nodes 1\n}\n", document.get());

		ToggleCommentHandler.toggle(document, 1, 3);
		assertEquals(original, document.get());
	}

	@Test
	void blocksAndBlockCommentsFoldButOneLinersDoNot() {
		String text = "/* a\n b */\nmachine m {\n    crash { global_available 5 }\n    cpus 4\n}\n// { not a block\n";

		List<FoldingRegions.Fold> folds = FoldingRegions.of(text);

		assertEquals(List.of(new FoldingRegions.Fold(0, text.indexOf("machine")),
				new FoldingRegions.Fold(text.indexOf("machine"), text.indexOf("// {"))), folds);
	}
}
