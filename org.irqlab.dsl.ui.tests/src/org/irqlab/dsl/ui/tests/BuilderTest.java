package org.irqlab.dsl.ui.tests;

import static org.irqlab.dsl.ui.tests.Workbench.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.irqlab.dsl.ui.builder.IrqLabNature;
import org.irqlab.dsl.ui.builder.ProblemMarkers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The project builder: switched on by the first model, markers in the Problems view, resolutions that fix the file. */
public class BuilderTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = Workbench.newProject("builder");
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void theFirstModelEnablesTheBuilderWhichMarksTheFailingAdd() throws Exception {
		IFile file = Workbench.file(project, "seed.irqlab", Workbench.seedModel());

		waitUntil("the builder is enabled", 20_000, () -> hasNature());
		waitUntil("the failing add has an error marker", 60_000, () -> !errors(file).isEmpty());

		IMarker error = errors(file).get(0);
		assertTrue(error.getAttribute(IMarker.MESSAGE, "").contains("Flags mismatch irq 0"));
		int addLine = Arrays.asList(Workbench.seedModel().split("\n", -1)).indexOf("    add 512 x dpu_disk") + 1;
		assertEquals(addLine, error.getAttribute(IMarker.LINE_NUMBER, -1));
	}

	@Test
	void aMarkerResolutionFixesTheFile() throws Exception {
		IFile file = Workbench.file(project, "seed.irqlab", Workbench.seedModel());
		waitUntil("the failing add has an error marker", 60_000, () -> !errors(file).isEmpty());

		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(errors(file).get(0));
		IMarkerResolution fewer = Arrays.stream(resolutions)
				.filter(r -> r.getLabel().startsWith("Add only 291 x dpu_disk (the most that probe): all 291 probe")).findFirst()
				.orElseThrow(() -> new AssertionError(Arrays.stream(resolutions).map(IMarkerResolution::getLabel).toList()));
		fewer.run(errors(file).get(0));

		String text = new String(file.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("add 291 x dpu_disk"), text);
		waitUntil("the rebuild leaves no error", 60_000, () -> errors(file).isEmpty());
	}

	@Test
	void aSyntaxErrorIsMarkedToo() throws Exception {
		IFile file = Workbench.file(project, "broken.irqlab", "machine host {\n  cpus\n}\n");
		waitUntil("the syntax error is marked", 60_000, () -> !errors(file).isEmpty());

		file.setContents(new ByteArrayInputStream("machine host {\n  kernel 6.12\n  cpus 4\n}\n".getBytes()), true, false,
				null);

		waitUntil("the fixed file has no error", 60_000, () -> errors(file).isEmpty());
	}

	private boolean hasNature() {
		try {
			return IrqLabNature.isEnabledOn(project);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<IMarker> errors(IFile file) {
		try {
			return Arrays.stream(file.findMarkers(ProblemMarkers.TYPE, true, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).toList();
		} catch (CoreException e) {
			return List.of();
		}
	}
}
