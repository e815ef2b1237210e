package org.irqlab.dsl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.Issue;
import org.irqlab.dsl.IrqLabStandaloneSetup;

import com.google.inject.Injector;

/**
 * Loads .irqlab files into one resource set, so that files may refer to each other's machines and
 * device types, and validates each of them.
 */
public final class ModelLoader {

	private final Injector injector;

	public ModelLoader() {
		this(new IrqLabStandaloneSetup().createInjectorAndDoEMFRegistration());
	}

	public ModelLoader(Injector injector) {
		this.injector = injector;
	}

	/** A file the loader could not read, with the reason to show the user. */
	public record Unreadable(Path file, String reason) {
	}

	/**
	 * The outcome of loading and validating a set of files.
	 *
	 * @param duplicates files given more than once (under the same or another name, or through a link),
	 *                   each with the spelling that was loaded: every file is loaded and validated once
	 */
	public record Result(Map<Path, XtextResource> resources, Map<Path, List<Issue>> issues, List<Unreadable> unreadable,
			Map<Path, Path> duplicates) {
		public Result(Map<Path, XtextResource> resources, Map<Path, List<Issue>> issues, List<Unreadable> unreadable) {
			this(resources, issues, unreadable, Map.of());
		}
	}

	/** Loads and validates {@code files}, relative ones against the process's working directory. */
	public Result loadAndValidate(List<Path> files) {
		return loadAndValidate(files, Path.of("").toAbsolutePath(), CancelIndicator.NullImpl);
	}

	/**
	 * Loads and validates {@code files}; relative ones resolve against {@code workingDirectory}, and the
	 * result keeps each under the spelling it was given.
	 *
	 * @param cancel stops the validation early (the check server's client went away); the issues are then incomplete
	 */
	public Result loadAndValidate(List<Path> files, Path workingDirectory, CancelIndicator cancel) {
		XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);
		Map<Path, XtextResource> resources = new LinkedHashMap<>();
		List<Unreadable> unreadable = new ArrayList<>();
		Map<Path, Path> duplicates = new LinkedHashMap<>();
		Map<Path, Path> seen = new LinkedHashMap<>();
		for (Path file : files) {
			Path absolute = workingDirectory.resolve(file);
			Path first = seen.putIfAbsent(identity(absolute), file);
			if (first != null) {
				duplicates.put(file, first);
				continue;
			}
			try {
				resources.put(file, load(resourceSet, absolute));
			} catch (IOException | RuntimeException e) {
				unreadable.add(new Unreadable(file, describe(e)));
			}
		}
		EcoreUtil.resolveAll(resourceSet);
		Map<Path, List<Issue>> issues = new LinkedHashMap<>();
		resources.forEach((file, resource) -> issues.put(file, resource.getResourceServiceProvider()
				.getResourceValidator().validate(resource, CheckMode.ALL, cancel)));
		return new Result(resources, issues, unreadable, duplicates);
	}

	/** The same file, however it is spelled: its real path when it exists, else its normalized absolute path. */
	private static Path identity(Path absolute) {
		try {
			return absolute.toRealPath();
		} catch (IOException | RuntimeException e) {
			return absolute.normalize();
		}
	}

	private static XtextResource load(XtextResourceSet resourceSet, Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			throw new IOException(Files.exists(file) ? "not a regular file" : "no such file");
		}
		Path absolute = file.normalize();
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createFileURI(absolute.toString()));
		if (resource == null) {
			throw new IOException("not an .irqlab file");
		}
		resource.load(resourceSet.getLoadOptions());
		return resource;
	}

	private static String describe(Exception e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}
}
