package org.irqlab.dsl.ui.builder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** The builder's problem markers: one per validator issue, carrying the issue's code and data for marker resolutions. */
public final class ProblemMarkers {

	public static final String TYPE = "org.irqlab.dsl.ui.problem";
	public static final String CODE = "org.irqlab.dsl.code";
	public static final String DATA = "org.irqlab.dsl.data";

	/** Issue data values never span lines, so a newline separates them in the marker's one string attribute. */
	private static final String DATA_SEPARATOR = "\n";

	private ProblemMarkers() {
	}

	public static void replace(IFile file, List<Issue> issues) throws CoreException {
		file.deleteMarkers(TYPE, true, IResource.DEPTH_ZERO);
		for (Issue issue : issues) {
			Map<String, Object> attributes = new HashMap<>();
			attributes.put(IMarker.MESSAGE, issue.getMessage());
			attributes.put(IMarker.SEVERITY, severity(issue.getSeverity()));
			if (issue.getLineNumber() != null) {
				attributes.put(IMarker.LINE_NUMBER, issue.getLineNumber());
			}
			if (issue.getOffset() != null && issue.getLength() != null) {
				attributes.put(IMarker.CHAR_START, issue.getOffset());
				attributes.put(IMarker.CHAR_END, issue.getOffset() + issue.getLength());
			}
			if (issue.getCode() != null) {
				attributes.put(CODE, issue.getCode());
			}
			if (issue.getData() != null && issue.getData().length > 0) {
				attributes.put(DATA, String.join(DATA_SEPARATOR, issue.getData()));
			}
			file.createMarker(TYPE, attributes);
		}
	}

	public static String[] data(IMarker marker) {
		String data = marker.getAttribute(DATA, "");
		return data.isEmpty() ? new String[0] : data.split(DATA_SEPARATOR, -1);
	}

	private static int severity(Severity severity) {
		return switch (severity) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			default -> IMarker.SEVERITY_INFO;
		};
	}
}
