package org.irqlab.dsl.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;

/** A workbench with IrqLab starts without errors in .metadata/.log, and shows the Problems view. */
public class StartupLogTest {

	@Test
	void theProblemsViewIsPartOfTheLayout() {
		assertNotNull(Workbench.page().findViewReference("org.eclipse.ui.views.ProblemView"),
				"the Problems view is in the perspective");
	}

	@Test
	void theLogHasNoErrors() throws Exception {
		assertEquals(List.of(), errors());
	}

	/** The errors in .metadata/.log so far, each with the line after its entry (the message). */
	static List<String> errors() throws java.io.IOException {
		Path log = Path.of(Platform.getLogFileLocation().toOSString());
		List<String> errors = new ArrayList<>();
		if (Files.exists(log)) {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			for (int i = 0; i < lines.size(); i++) {
				// !ENTRY bundle severity code date: severity 4 is an error
				String[] entry = lines.get(i).split(" ");
				if (entry.length > 2 && entry[0].equals("!ENTRY") && entry[2].equals("4")) {
					errors.add(lines.get(i) + (i + 1 < lines.size() ? " " + lines.get(i + 1) : ""));
				}
			}
		}
		return errors;
	}
}
