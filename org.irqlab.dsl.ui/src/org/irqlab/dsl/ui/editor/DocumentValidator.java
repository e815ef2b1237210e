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

import com.google.inject.Injector;

/** Parses a document's text into a fresh resource and validates it, as the language server would. */
final class DocumentValidator {

	private DocumentValidator() {
	}

	static List<Issue> validate(Injector injector, String text, String path, CancelIndicator cancel) {
		XtextResource resource = parse(injector, text, path);
		IResourceValidator validator = resource.getResourceServiceProvider().getResourceValidator();
		return validator.validate(resource, CheckMode.ALL, cancel);
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
