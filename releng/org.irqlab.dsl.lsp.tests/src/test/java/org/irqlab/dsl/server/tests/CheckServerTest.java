package org.irqlab.dsl.server.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check server against the plain command line, both as users start them: the server
 * (`java -jar irqlab.jar server --run`) and its client (`irqlab-client.jar`) as processes, with the socket
 * folder in a temporary XDG_RUNTIME_DIR. A check through the server must print the same bytes on stdout
 * and stderr and exit with the same code as `java -jar irqlab.jar check` in the same folder.
 */
class CheckServerTest {

	/** The client's "not served" exit codes: the launcher then runs the plain way (and starts a server on 75). */
	static final int NOT_SERVED_START = 75;
	static final int NOT_SERVED = 76;
	static final int SERVED = 100;

	@TempDir
	static Path temporary;

	static Path runtime;
	static Path jar;
	static Path clientJar;
	static Path examples;
	static Path root;
	static final List<Process> servers = new ArrayList<>();

	record Run(int code, String out, String err) {
	}

	@BeforeAll
	static void start() throws Exception {
		jar = Path.of(System.getProperty("irqlab.jar")).toRealPath();
		clientJar = jar.resolveSibling("irqlab-client.jar");
		assertTrue(Files.isRegularFile(clientJar), "the client jar is built with the jar: " + clientJar);
		examples = Path.of(System.getProperty("irqlab.examples")).toRealPath();
		root = examples.getParent();
		runtime = Files.createDirectory(temporary.resolve("run"));
		startServer(jar);
	}

	@AfterAll
	static void stop() throws Exception {
		for (Process server : servers) {
			server.destroy(); // SIGTERM: the server removes its socket
			server.waitFor();
		}
	}

	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static Run exec(Path directory, List<String> command) {
		return exec(directory, command, Map.of());
	}

	static Run exec(Path directory, List<String> command, Map<String, String> more) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
		Map<String, String> environment = builder.environment();
		environment.put("XDG_RUNTIME_DIR", runtime.toString());
		environment.put("IRQLAB_SERVER_IDLE", "300");
		environment.remove("JAVA_TOOL_OPTIONS");
		environment.remove("JDK_JAVA_OPTIONS");
		environment.remove("_JAVA_OPTIONS");
		environment.remove("IRQLAB_NO_SERVER");
		environment.putAll(more);
		try {
			Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
			CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
			byte[] out = readAll(process.getInputStream());
			int code = process.waitFor();
			return new Run(code, new String(out, StandardCharsets.UTF_8), new String(err.join(), StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] readAll(InputStream in) {
		try (in) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			in.transferTo(bytes);
			return bytes.toByteArray();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What ./irqlab passes on JDK 23+: Guava (in Xtext) would warn about sun.misc.Unsafe on stderr. */
	static List<String> quiet() {
		return Runtime.version().feature() >= 23 ? List.of("--sun-misc-unsafe-memory-access=allow") : List.of();
	}

	static Run plain(Path directory, String... args) {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(quiet());
		command.addAll(List.of("-jar", jar.toString()));
		command.addAll(List.of(args));
		return exec(directory, command);
	}

	/** The client's own exit code: 100 + the check's when served, 75 or 76 when not. */
	static Run client(Path directory, Path forJar, String... args) {
		List<String> command = new ArrayList<>(List.of(java(), "-cp", clientJar.toString(),
				"org.irqlab.dsl.standalone.server.CheckClient", forJar.toString()));
		command.addAll(List.of(args));
		return exec(directory, command);
	}

	/** A check the server must run: what it printed, with the check's exit code. */
	static Run served(Path directory, Path forJar, String... args) {
		Run run = client(directory, forJar, args);
		assertTrue(run.code() >= SERVED && run.code() <= SERVED + 2, "the server should have run `" + String.join(" ", args)
				+ "`; the client exited " + run.code() + ": " + run.err());
		return new Run(run.code() - SERVED, run.out(), run.err());
	}

	static Run served(Path directory, String... args) {
		return served(directory, jar, args);
	}

	/** The plain run and the served one in the same folder: the same bytes and exit code. */
	static void assertSame(Path directory, String... args) {
		Run plain = plain(directory, args);
		Run served = served(directory, args);
		String what = "`irqlab " + String.join(" ", args) + "` in " + directory;
		assertEquals(plain.out(), served.out(), what + ": standard output");
		assertEquals(plain.err(), served.err(), what + ": standard error");
		assertEquals(plain.code(), served.code(), what + ": exit code");
	}

	static Process startServer(Path forJar) throws Exception {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(quiet());
		command.addAll(List.of("-jar", forJar.toString(), "server", "--run"));
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
		builder.environment().put("IRQLAB_SERVER_IDLE", "300");
		Process server = builder.start();
		servers.add(server);
		long deadline = System.nanoTime() + 180_000_000_000L;
		while (!status(forJar).out().contains("checks:")) {
			if (!server.isAlive()) {
				fail("the server exited with " + server.exitValue() + "; its log: " + logs());
			}
			if (System.nanoTime() > deadline) {
				fail("the server did not listen within 180 s; its log: " + logs());
			}
			Thread.sleep(250);
		}
		return server;
	}

	static Run status(Path forJar) {
		return exec(root, List.of(java(), "-jar", forJar.toString(), "server", "--status"));
	}

	static Path socketOf(Path forJar) {
		Matcher matcher = Pattern.compile("socket: +(\\S+)").matcher(status(forJar).out());
		assertTrue(matcher.find(), "server --status names the socket");
		return Path.of(matcher.group(1));
	}

	static String logs() throws IOException {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.list(runtime.resolve("irqlab"))) {
			for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
				text.append(Files.readString(log));
			}
		}
		return text.toString();
	}

	static List<String> exampleNames() throws IOException {
		try (Stream<Path> files = Files.list(examples)) {
			return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".irqlab")).sorted().toList();
		}
	}

	@Test
	void everyExampleIsCheckedAsThePlainWayDoes() throws IOException {
		List<String> all = new ArrayList<>(List.of("check"));
		for (String name : exampleNames()) {
			assertSame(root, "check", "examples/" + name);
			all.add("examples/" + name);
		}
		assertTrue(all.size() > 3, "the examples are there");
		assertSame(root, all.toArray(String[]::new));
		all.add(1, "--format=json");
		assertSame(root, all.toArray(String[]::new));
		all.set(1, "--format=sarif");
		assertSame(root, all.toArray(String[]::new));
	}

	@Test
	void errorsAreReportedAsThePlainWayDoes() throws IOException {
		Path folder = Files.createDirectories(temporary.resolve("errors"));
		Files.writeString(folder.resolve("broken.irqlab"), "machine m {\n  cpus\n}\n");
		Files.copy(examples.resolve("seed-incident.irqlab"), folder.resolve("seed.irqlab"), StandardCopyOption.REPLACE_EXISTING);
		assertSame(folder, "check", "missing.irqlab");
		assertSame(folder, "check", "broken.irqlab");
		assertSame(folder, "check", "--format", "json", "broken.irqlab", "missing.irqlab", "seed.irqlab");
		assertSame(folder, "check", "--format", "sarif", "broken.irqlab", "missing.irqlab", "seed.irqlab");
		assertSame(folder, "check", "seed.irqlab", "./seed.irqlab", "--budget", "1k");
		assertSame(folder, "check", ".");
		Run syntax = served(folder, "check", "broken.irqlab");
		assertEquals(2, syntax.code(), syntax.out());
		assertTrue(syntax.out().startsWith("broken.irqlab:"), syntax.out());
	}

	@Test
	void relativeFilesResolveAgainstTheClientsFolder() throws IOException {
		Path nested = Files.createDirectories(temporary.resolve("a b/nested"));
		Files.copy(examples.resolve("healthy-nvme-virtio-net.irqlab"), nested.resolve("local.irqlab"), StandardCopyOption.REPLACE_EXISTING);
		Run local = served(nested, "check", "local.irqlab");
		assertEquals(0, local.code(), local.out() + local.err());
		assertSame(nested, "check", "local.irqlab", "../nested/local.irqlab");
		assertSame(examples, "check", "seed-incident.irqlab", "--format", "sarif");
		Run elsewhere = served(temporary, "check", "local.irqlab");
		assertEquals(2, elsewhere.code(), "the server's own folder is not the client's: " + elsewhere.out() + elsewhere.err());
		assertEquals("local.irqlab: error: cannot read: no such file\n", elsewhere.err());
	}

	@Test
	void helpUsageErrorsAndDeviceFilesRunThePlainWay() {
		assertEquals(NOT_SERVED, client(root, jar, "check", "--help").code());
		assertEquals(NOT_SERVED, client(root, jar, "check", "--format", "xml", "examples/seed-incident.irqlab").code());
		assertEquals(NOT_SERVED, client(root, jar, "check").code());
		assertEquals(NOT_SERVED, client(root, jar, "check", "/dev/stdin").code());
		assertEquals(NOT_SERVED, client(root, jar, "report", "examples/seed-incident.irqlab").code());
	}

	@Test
	void concurrentClientsEachGetTheirOwnResult() throws Exception {
		List<String> names = exampleNames();
		List<Run> expected = new ArrayList<>();
		for (String name : names) {
			expected.add(plain(root, "check", "--format", "json", "examples/" + name));
		}
		for (int round = 0; round < 3; round++) {
			List<CompletableFuture<Run>> runs = new ArrayList<>();
			for (String name : names) {
				runs.add(CompletableFuture.supplyAsync(() -> served(root, "check", "--format", "json", "examples/" + name)));
			}
			for (int i = 0; i < names.size(); i++) {
				Run run = runs.get(i).join();
				assertEquals(expected.get(i), run, names.get(i) + " checked by " + names.size() + " clients at once");
			}
		}
	}

	@Test
	void aDeadServersSocketIsRemovedAndANewServerStarts() throws Exception {
		Path copy = Files.createDirectories(temporary.resolve("dead")).resolve("irqlab.jar");
		Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
		Process server = startServer(copy);
		Path socket = socketOf(copy);
		assertEquals(0, served(root, copy, "check", "examples/healthy-nvme-virtio-net.irqlab").code());
		server.destroyForcibly().waitFor(); // SIGKILL: nothing removes its socket
		assertTrue(Files.exists(socket), "a killed server leaves its socket behind");
		assertEquals(NOT_SERVED_START, client(root, copy, "check", "examples/healthy-nvme-virtio-net.irqlab").code());
		assertFalse(Files.exists(socket), "the client removed the dead socket");
		Files.createFile(socket); // not even a socket: the new server replaces it
		startServer(copy);
		assertEquals(0, served(root, copy, "check", "examples/healthy-nvme-virtio-net.irqlab").code());
	}

	@Test
	void aRebuiltJarNeverTalksToTheOldServer() throws Exception {
		Path copy = Files.createDirectories(temporary.resolve("rebuilt")).resolve("irqlab.jar");
		Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
		Process server = startServer(copy);
		Path socket = socketOf(copy);
		assertEquals(0, served(root, copy, "check", "examples/healthy-nvme-virtio-net.irqlab").code());
		Files.setLastModifiedTime(copy, FileTime.fromMillis(System.currentTimeMillis() + 5_000)); // as a build would
		assertEquals(NOT_SERVED_START, client(root, copy, "check", "examples/healthy-nvme-virtio-net.irqlab").code(),
				"the rebuilt jar's client looks for another socket");
		assertTrue(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the old server stops when its jar changes");
		assertFalse(Files.exists(socket), "and removes its socket");
	}

	@Test
	void stopEndsTheServer() throws Exception {
		Path copy = Files.createDirectories(temporary.resolve("stopped")).resolve("irqlab.jar");
		Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
		Process server = startServer(copy);
		Path socket = socketOf(copy);
		Run stop = exec(root, List.of(java(), "-jar", copy.toString(), "server", "--stop"));
		assertEquals(0, stop.code(), stop.out() + stop.err());
		assertTrue(server.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the server stops");
		assertFalse(Files.exists(socket));
		Run none = status(copy);
		assertEquals(1, none.code(), none.out());
		assertEquals(NOT_SERVED_START, client(root, copy, "check", "examples/healthy-nvme-virtio-net.irqlab").code());
	}

	@Test
	void theLauncherStartsAServerAndPrintsWhatThePlainWayPrints() throws Exception {
		Path launcherRuntime = Files.createDirectories(temporary.resolve("launcher"));
		Map<String, String> environment = Map.of("XDG_RUNTIME_DIR", launcherRuntime.toString(), "IRQLAB_SERVER_IDLE", "120",
				"JAVA_HOME", System.getProperty("java.home"));
		List<String> check = List.of("./irqlab", "check", "examples/seed-incident.irqlab");
		List<String> status = List.of("./irqlab", "server", "--status");
		Run plain = plain(root, "check", "examples/seed-incident.irqlab");
		try {
			assertEquals(plain, exec(root, check, environment), "the first check, which starts the server");
			long deadline = System.nanoTime() + 180_000_000_000L;
			while (!exec(root, status, environment).out().contains("checks:")) {
				assertTrue(System.nanoTime() < deadline, "./irqlab check started no server within 180 s");
				Thread.sleep(500);
			}
			assertEquals(plain, exec(root, check, environment), "a check through the server");
			assertTrue(exec(root, status, environment).out().contains("checks:   1 served"), "the server ran it");
			Map<String, String> off = new java.util.HashMap<>(environment);
			off.put("IRQLAB_NO_SERVER", "1");
			assertEquals(plain, exec(root, check, off), "IRQLAB_NO_SERVER=1");
			assertTrue(exec(root, status, environment).out().contains("checks:   1 served"), "IRQLAB_NO_SERVER=1 runs the plain way");
		} finally {
			exec(root, List.of("./irqlab", "server", "--stop"), environment);
		}
	}
}
