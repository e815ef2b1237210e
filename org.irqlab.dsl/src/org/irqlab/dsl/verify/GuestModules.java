package org.irqlab.dsl.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kernel modules a guest needs, in load order, read from a module tree. Dependencies come from each
 * module's own `.modinfo` (its `depends=` line), so a tree without modules.dep (an unpacked package) works.
 * A driver built into the kernel has no file and needs none.
 */
final class GuestModules {

	/** A module file, its name as the kernel spells it (dashes as underscores), uncompressed or not. */
	record Module(String name, Path file) {
		boolean compressed() {
			String f = file.getFileName().toString();
			return !f.endsWith(".ko");
		}
	}

	private final Map<String, Path> byName = new HashMap<>();
	private final Path tree;

	private GuestModules(Path tree) {
		this.tree = tree;
	}

	static GuestModules index(Path tree) throws VerifyException {
		GuestModules modules = new GuestModules(tree);
		try (Stream<Path> walk = Files.walk(tree.resolve("kernel"))) {
			walk.filter(Files::isRegularFile).forEach(modules::remember);
		} catch (IOException e) {
			throw new VerifyException(tree + ": " + e.getMessage());
		}
		return modules;
	}

	private void remember(Path file) {
		String name = file.getFileName().toString();
		int ko = name.indexOf(".ko");
		if (ko > 0 && (name.endsWith(".ko") || name.endsWith(".ko.xz") || name.endsWith(".ko.zst") || name.endsWith(".ko.gz"))) {
			byName.putIfAbsent(canonical(name.substring(0, ko)), file);
		}
	}

	static String canonical(String module) {
		return module.replace('-', '_');
	}

	boolean has(String module) {
		return byName.containsKey(canonical(module));
	}

	/** Whether modules.builtin lists the module: compiled into the kernel image. */
	boolean builtIn(String module) {
		Path list = tree.resolve("modules.builtin");
		if (!Files.isRegularFile(list)) {
			return false;
		}
		try (Stream<String> lines = Files.lines(list)) {
			return lines.map(l -> l.substring(l.lastIndexOf('/') + 1)).map(f -> f.replaceFirst("\\.ko.*$", ""))
					.anyMatch(name -> canonical(name).equals(canonical(module)));
		} catch (IOException e) {
			return false;
		}
	}

	/**
	 * The modules to insert for these drivers, dependencies first; a driver without a file is taken to be built in.
	 *
	 * @param unpackInto where compressed modules are decompressed to read their dependencies
	 */
	List<Module> loadOrder(List<String> drivers, Path unpackInto) throws VerifyException {
		Set<String> ordered = new LinkedHashSet<>();
		Map<String, Module> resolved = new HashMap<>();
		for (String driver : drivers) {
			visit(canonical(driver), ordered, resolved, new LinkedHashSet<>(), unpackInto);
		}
		List<Module> order = new ArrayList<>();
		for (String name : ordered) {
			order.add(resolved.get(name));
		}
		return order;
	}

	private void visit(String name, Set<String> ordered, Map<String, Module> resolved, Set<String> path, Path unpackInto)
			throws VerifyException {
		if (ordered.contains(name) || !byName.containsKey(name)) {
			return;
		}
		if (!path.add(name)) {
			throw new VerifyException(tree + ": modules depend on each other in a circle: " + path);
		}
		Module module = new Module(name, plainFile(name, byName.get(name), unpackInto));
		for (String dependency : dependencies(module.file())) {
			visit(canonical(dependency), ordered, resolved, path, unpackInto);
		}
		path.remove(name);
		resolved.put(name, module);
		ordered.add(name);
	}

	private static Path plainFile(String name, Path file, Path unpackInto) throws VerifyException {
		if (file.getFileName().toString().endsWith(".ko")) {
			return file;
		}
		Path plain = unpackInto.resolve(name + ".ko");
		if (!Files.exists(plain)) {
			HostCommands.decompress(file, plain);
		}
		return plain;
	}

	/** The `depends=a,b` entry of a module's .modinfo section, found in the file's bytes. */
	static List<String> dependencies(Path plainModule) throws VerifyException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(plainModule);
		} catch (IOException e) {
			throw new VerifyException(plainModule + ": " + e.getMessage());
		}
		byte[] key = "\0depends=".getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = 0; i + key.length <= bytes.length; i++) {
			for (int k = 0; k < key.length; k++) {
				if (bytes[i + k] != key[k]) {
					continue outer;
				}
			}
			int start = i + key.length;
			int end = start;
			while (end < bytes.length && bytes[end] != 0) {
				end++;
			}
			String list = new String(bytes, start, end - start, StandardCharsets.US_ASCII);
			return list.isEmpty() ? List.of() : List.of(list.split(","));
		}
		return List.of();
	}
}
