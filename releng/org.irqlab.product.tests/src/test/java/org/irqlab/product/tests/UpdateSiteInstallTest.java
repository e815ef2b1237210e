package org.irqlab.product.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The update site installs into the workbench with the p2 director commands the README gives. The product carries the
 * IrqLab feature as a root of its own; on a copy of the materialized product the feature is uninstalled (its bundles
 * leave the product) and installed again from the update site (they come back), and the copy then starts with a model
 * open, which only the installed bundles can show, with no error in its log.
 */
@TestMethodOrder(OrderAnnotation.class)
public class UpdateSiteInstallTest {

	private static final String FEATURE = "org.irqlab.dsl.feature.feature.group";
	private static final String PROFILE = "DefaultProfile";
	private static final List<String> FEATURE_BUNDLES = List.of("org.irqlab.kernel", "org.irqlab.dsl",
			"org.irqlab.dsl.ide", "org.irqlab.dsl.ui");

	private static Path temp;
	private static Path product;
	private static Path repository;
	private static Result uninstall;
	private static List<String> bundlesWithout;
	private static Result install;

	@BeforeAll
	static void uninstallAndReinstallTheFeatureInACopyOfTheProduct() throws Exception {
		Path built = Path.of(System.getProperty("irqlab.product"));
		repository = Path.of(System.getProperty("irqlab.repository")).toAbsolutePath().normalize();
		assertTrue(Files.isDirectory(built.resolve("plugins")), "the product is materialized: " + built);
		assertTrue(Files.isRegularFile(repository.resolve("content.jar")), "the update site is built: " + repository);
		temp = Files.createTempDirectory("irqlab-product");
		product = temp.resolve("workbench");
		copy(built, product);
		assertTrue(profile().contains("id='" + FEATURE + "'"), "the product comes with the feature");
		uninstall = director("-uninstallIU", FEATURE);
		bundlesWithout = bundles();
		install = director("-repository", repository.toUri().toString(), "-installIU", FEATURE);
	}

	@AfterAll
	static void deleteTheCopy() throws IOException {
		if (temp != null) {
			try (Stream<Path> files = Files.walk(temp)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	@Test
	@Order(1)
	void theDirectorUninstallsTheFeatureAndInstallsItAgainFromTheUpdateSite() throws Exception {
		assertEquals(0, uninstall.exit(), uninstall.output());
		assertTrue(uninstall.output().contains("Uninstalling " + FEATURE), uninstall.output());
		for (String bundle : FEATURE_BUNDLES) {
			assertFalse(bundlesWithout.contains(bundle), bundle + " left the product's bundles.info");
		}

		assertEquals(0, install.exit(), install.output());
		assertTrue(install.output().contains("Installing " + FEATURE), install.output());
		assertTrue(install.output().contains("Operation completed"), install.output());
		// the director logs into the product's configuration folder; a failed commit of the install (the
		// touchpoints could not write the product's configuration) shows only there
		List<String> logged = new ArrayList<>();
		try (Stream<Path> logs = Files.list(product.resolve("configuration"))) {
			for (Path log : logs.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
				logged.addAll(errors(log));
			}
		}
		assertEquals(List.of(), logged, "errors in the director's log");

		Result roots = director("-listInstalledRoots");
		assertEquals(0, roots.exit(), roots.output());
		assertTrue(roots.output().lines().anyMatch(line -> line.startsWith(FEATURE + "/")), roots.output());

		// the feature's own files, and its bundles in the profile, in plugins/ and in the list the product starts
		try (Stream<Path> features = Files.list(product.resolve("features"))) {
			assertTrue(features.anyMatch(f -> f.getFileName().toString().startsWith("org.irqlab.dsl.feature_")
					&& Files.isRegularFile(f.resolve("feature.xml"))), "features/org.irqlab.dsl.feature_*/feature.xml");
		}
		String profile = profile();
		List<String> bundles = bundles();
		for (String bundle : FEATURE_BUNDLES) {
			assertTrue(profile.contains("id='" + bundle + "'"), bundle + " in the profile");
			assertTrue(bundles.contains(bundle), bundle + " in bundles.info");
			try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
				assertTrue(plugins.anyMatch(p -> p.getFileName().toString().startsWith(bundle + "_1.0.0.")),
						bundle + " in plugins/");
			}
		}
	}

	@Test
	@Order(2)
	void theUpdatedWorkbenchStartsWithoutErrors() throws Exception {
		assumeFalse(Boolean.getBoolean("ui.test.skip"), "UI tests are skipped (-Dui.test.skip=true)");
		assumeTrue(System.getenv("DISPLAY") != null, "no display: the workbench cannot start");
		assertEquals(0, install.exit(), "the install failed: " + install.output());
		// the screenshot is taken by org.irqlab.dsl.ui once the editor has validated the model: the installed
		// bundles are what draws it
		Path workspace = temp.resolve("workspace");
		Path models = Files.createDirectories(temp.resolve("models"));
		Path model = Files.copy(Path.of(System.getProperty("irqlab.examples"), "healthy-nvme-virtio-net.irqlab"),
				models.resolve("healthy.irqlab"));
		Path screenshot = temp.resolve("workbench.png");
		// as ./irqlab workbench FILE starts it; the screenshot hook of scripts/workbench-screenshot closes it once
		// the model is validated and drawn
		Result run = run(List.of(java(), "-Xmx1g", "-Dirqlab.open=" + model, "-Dirqlab.screenshot=" + screenshot,
				"-jar", launcher().toString(), "-data", workspace.toString()), 240);
		assertEquals(0, run.exit(), run.output());
		assertTrue(Files.size(screenshot) > 0, "the workbench drew its window");
		assertEquals(List.of(), errors(workspace.resolve(".metadata/.log")), "errors in .metadata/.log");
	}

	/** The director application of the product itself, as the README gives it. */
	private static Result director(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(java(), "-jar", launcher().toString(), "-nosplash",
				"-application", "org.eclipse.equinox.p2.director"));
		command.addAll(List.of(arguments));
		return run(command, 180);
	}

	private static Result run(List<String> command, int seconds) throws Exception {
		Path log = Files.createTempFile(temp, "process", ".log");
		Process process = new ProcessBuilder(command).directory(product.toFile()).redirectErrorStream(true)
				.redirectOutput(log.toFile()).start();
		if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			fail("no exit within " + seconds + " s: " + command + "\n" + Files.readString(log));
		}
		return new Result(process.exitValue(), Files.readString(log));
	}

	private record Result(int exit, String output) {
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static Path launcher() throws IOException {
		try (Stream<Path> plugins = Files.list(product.resolve("plugins"))) {
			return plugins.filter(p -> p.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")
					&& p.getFileName().toString().endsWith(".jar")).findFirst().orElseThrow();
		}
	}

	/** The symbolic names in the product's bundles.info: the bundles it starts. */
	private static List<String> bundles() throws IOException {
		return Files.readAllLines(product.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"))
				.stream().filter(line -> !line.startsWith("#")).map(line -> line.split(",")[0]).toList();
	}

	/** The newest state of the product's p2 profile. */
	private static String profile() throws IOException {
		Path registry = product.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry/" + PROFILE + ".profile");
		Path newest;
		try (Stream<Path> states = Files.list(registry)) {
			newest = states.filter(p -> p.getFileName().toString().matches("\\d+\\.profile(\\.gz)?"))
					.max(Comparator.comparingLong(p -> Long.parseLong(p.getFileName().toString().split("\\.")[0])))
					.orElseThrow();
		}
		try (InputStream in = newest.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(newest))
				: Files.newInputStream(newest)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The error entries of an Eclipse log, each with its message line. */
	private static List<String> errors(Path log) throws IOException {
		List<String> errors = new ArrayList<>();
		if (Files.exists(log)) {
			List<String> lines = Files.readAllLines(log);
			for (int i = 0; i < lines.size(); i++) {
				String[] entry = lines.get(i).split(" ");
				if (entry.length > 2 && entry[0].equals("!ENTRY") && entry[2].equals("4")) {
					errors.add(lines.get(i) + (i + 1 < lines.size() ? " " + lines.get(i + 1) : ""));
				}
			}
		}
		return errors;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else {
					Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}
}
