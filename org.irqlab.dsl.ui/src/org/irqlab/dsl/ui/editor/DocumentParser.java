package org.irqlab.dsl.ui.editor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import org.irqlab.dsl.ui.IrqLabUiPlugin;

import com.google.inject.Injector;

/** Parses an editor's text into a fresh resource of its own, and validates such a resource as the language server would. */
public final class DocumentParser {

	private DocumentParser() {
	}

	static List<Issue> validate(XtextResource resource, CancelIndicator cancel) {
		IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
		return validator.validate(resource, CheckMode.ALL, cancel);
	}

	public static XtextResource parse(String text, String path) {
		return parse(IrqLabUiPlugin.getDefault().getInjector(), text, path);
	}

	static XtextResource parse(Injector injector, String text, String path) {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI(path));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
					Map.of(XtextResource.OPTION_ENCODING, StandardCharsets.UTF_8.name()));
		} catch (IOException e) {
			// Loading from memory cannot fail on I/O; the parser reports syntax errors as issues instead.
			throw new IllegalStateException(e);
		}
		return resource;
	}
}
