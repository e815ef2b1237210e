package org.irqlab.dsl.standalone.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.irqlab.dsl.cli.IrqLabCli;

import com.google.inject.Injector;

/**
 * The per-user check server: one JVM that keeps the language's injector and its warm code, and runs
 * `irqlab check` for {@link CheckClient}s. A check through it prints what the plain command line would
 * in the client's folder, byte for byte, with the same exit code; whatever it cannot promise that for
 * (usage errors, help, device files, another platform encoding) it declines, and the client runs the
 * check itself.
 *
 * <p>Checks run one at a time: the command line's --budget is process-wide, and so are the default
 * locale and System.out the run writes to. A check through the server takes milliseconds; the clients'
 * JVM starts are what runs in parallel.
 *
 * <p>It exits after {@code IRQLAB_SERVER_IDLE} without a request (seconds, or with s, m, h; default 30
 * minutes), when its jar changes or disappears, when its socket is removed, and on `irqlab server --stop`.
 */
public final class CheckServer {

	static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);

	private final ServerAddress address;
	private final Supplier<Injector> injector;
	private final Duration idle;
	private final PrintStream log;
	private final ReentrantLock oneAtATime = new ReentrantLock(true);
	private final AtomicBoolean stopping = new AtomicBoolean();
	private final AtomicLong served = new AtomicLong();
	private final AtomicLong declined = new AtomicLong();
	private final Instant started = Instant.now();
	private volatile long lastRequest = System.nanoTime();
	private volatile long lastCheckMicros = -1;
	private volatile int running;
	private ServerSocketChannel server;
	private Object socketKey;

	private CheckServer(ServerAddress address, Supplier<Injector> injector, Duration idle, PrintStream log) {
		this.address = address;
		this.injector = injector;
		this.idle = idle;
		this.log = log;
	}

	/**
	 * Runs the server of {@code jar} until it stops. Returns at once when another server of the same jar
	 * holds the lock, or when the socket folder is not safe to use.
	 *
	 * @param injector the injector every check uses (made once: the IDE setup's, with the quick fixes)
	 * @return the process's exit code
	 */
	public static int run(Path jar, Supplier<Injector> injector, PrintStream log) throws IOException {
		ServerAddress address = ServerAddress.of(jar);
		if (!address.fits()) {
			log.println("irqlab server: the socket path is too long for a Unix domain socket: " + address.socket());
			return 1;
		}
		if (!address.prepareDirectory()) {
			log.println("irqlab server: " + address.directory() + " is not a folder of this user closed to others (mode 0700); not starting");
			return 1;
		}
		Duration idle;
		try {
			idle = idleTimeout(System.getenv("IRQLAB_SERVER_IDLE"));
		} catch (IllegalArgumentException e) {
			log.println("irqlab server: " + e.getMessage());
			return 1;
		}
		try (FileChannel lockFile = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			FileLock lock = lockFile.tryLock();
			if (lock == null) {
				log.println("irqlab server: another server of this jar runs or is starting");
				return 0;
			}
			Injector shared = injector.get();
			CheckServer checkServer = new CheckServer(address, () -> shared, idle, log);
			checkServer.warmUp();
			return checkServer.serve();
		}
	}

	/** {@code IRQLAB_SERVER_IDLE}: seconds, or a number with s, m or h; null or empty: 30 minutes. */
	static Duration idleTimeout(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_IDLE;
		}
		String text = value.trim().toLowerCase(Locale.ROOT);
		char unit = text.charAt(text.length() - 1);
		long factor = switch (unit) {
			case 's' -> 1;
			case 'm' -> 60;
			case 'h' -> 3600;
			default -> 0;
		};
		String digits = factor == 0 ? text : text.substring(0, text.length() - 1);
		try {
			long seconds = Long.parseLong(digits) * (factor == 0 ? 1 : factor);
			if (seconds < 1) {
				throw new NumberFormatException();
			}
			return Duration.ofSeconds(seconds);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("IRQLAB_SERVER_IDLE='" + value + "' is not a time like 600, 90s, 30m or 2h");
		}
	}

	/**
	 * Checks a bundled model several times in every format before listening: the first client then finds
	 * the parser, validator and simulator compiled. Until the socket exists, clients run the plain way.
	 */
	private void warmUp() {
		long start = System.nanoTime();
		Path model = address.directory().resolve("check-warm-up-" + ProcessHandle.current().pid() + ".irqlab");
		try (InputStream seed = CheckServer.class.getResourceAsStream("seed-incident.irqlab")) {
			if (seed == null) {
				return;
			}
			Files.write(model, seed.readAllBytes());
			IrqLabCli.Context context = new IrqLabCli.Context(address.directory(), injector, injector,
					org.eclipse.xtext.util.CancelIndicator.NullImpl);
			// at least 5 rounds, then more for up to 5 s: the JIT compiles the hot code meanwhile, not while clients wait
			for (int round = 0; round < 40 && (round < 5 || System.nanoTime() - start < 5_000_000_000L); round++) {
				for (String format : List.of("text", "json", "sarif")) {
					PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
					IrqLabCli.run(new String[] { "check", "--format", format, model.getFileName().toString() }, discard, discard, context);
				}
			}
		} catch (IOException | RuntimeException e) {
			log.println("irqlab server: warm-up failed: " + e);
		} finally {
			try {
				Files.deleteIfExists(model);
			} catch (IOException e) {
				// the run folder is ours; it stays there
			}
		}
		log.println("irqlab server: warmed up in " + (System.nanoTime() - start) / 1_000_000 + " ms");
	}

	private int serve() throws IOException {
		Files.deleteIfExists(address.socket()); // a dead server's: we hold the lock, so no live one owns it
		server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
		server.bind(UnixDomainSocketAddress.of(address.socket()));
		socketKey = socketKey();
		routeLogging();
		log.println("irqlab server: pid " + ProcessHandle.current().pid() + " listening on " + address.socket() + " for "
				+ address.jar() + "; stops after " + idle.toSeconds() + " s without a request");
		// kill (SIGTERM) and a shutting down system: the socket goes with the server
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stop("the JVM is shutting down"), "irqlab-server-shutdown"));
		Thread watchdog = new Thread(this::watch, "irqlab-server-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		while (!stopping.get()) {
			SocketChannel client;
			try {
				client = server.accept();
			} catch (ClosedChannelException e) {
				break;
			} catch (IOException e) {
				if (stopping.get()) {
					break;
				}
				log.println("irqlab server: accept failed: " + e);
				continue;
			}
			Thread handler = new Thread(() -> handle(client), "irqlab-server-request");
			handler.setDaemon(true);
			handler.start();
		}
		// a check in progress finishes first (its client waits for it)
		oneAtATime.lock();
		log.println("irqlab server: stopped after " + served.get() + " checks (" + declined.get() + " declined)");
		return 0;
	}

	/** Stops accepting, and removes the socket if it is still this server's. */
	private void stop(String why) {
		if (!stopping.compareAndSet(false, true)) {
			return;
		}
		log.println("irqlab server: stopping: " + why);
		try {
			if (Objects.equals(socketKey(), socketKey)) {
				Files.deleteIfExists(address.socket());
			}
		} catch (IOException e) {
			// gone already
		}
		try {
			server.close();
		} catch (IOException e) {
			// closed already
		}
	}

	private Object socketKey() {
		try {
			return Files.readAttributes(address.socket(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
		} catch (IOException e) {
			return null;
		}
	}

	/** Every second: is the jar the same, is the socket still ours, has the server been idle too long? */
	private void watch() {
		while (!stopping.get()) {
			try {
				Thread.sleep(1000);
			} catch (InterruptedException e) {
				return;
			}
			if (!address.jarUnchanged()) {
				stop("the jar " + address.jar() + " changed or was removed");
			} else if (!Objects.equals(socketKey(), socketKey)) {
				stop("the socket " + address.socket() + " was removed or replaced");
			} else if (running == 0 && System.nanoTime() - lastRequest > idle.toNanos()) {
				stop("no request for " + idle.toSeconds() + " s");
			}
		}
	}

	/**
	 * Xtext logs through log4j's console appender, which the plain command line has write to its standard
	 * output: following System.out, it writes to the current request's instead of the server's log.
	 */
	private static void routeLogging() {
		try {
			var appender = org.apache.log4j.Logger.getRootLogger().getAppender("default");
			if (appender instanceof org.apache.log4j.ConsoleAppender console) {
				console.setFollow(true);
				console.activateOptions();
			}
		} catch (RuntimeException | LinkageError e) {
			// no log4j: nothing to route
		}
	}

	private void handle(SocketChannel client) {
		try (client) {
			DataInputStream in = new DataInputStream(Channels.newInputStream(client));
			if (in.readInt() != Protocol.MAGIC) {
				return;
			}
			byte kind = in.readByte();
			FrameWriter frames = new FrameWriter(client);
			switch (kind) {
				case Protocol.STATUS -> frames.frame(Protocol.TEXT, status().getBytes(StandardCharsets.UTF_8));
				case Protocol.STOP -> {
					frames.frame(Protocol.TEXT, ("irqlab: stopping the check server, pid " + ProcessHandle.current().pid() + "\n")
							.getBytes(StandardCharsets.UTF_8));
					stop("irqlab server --stop");
				}
				case Protocol.CHECK -> check(in, client, frames);
				default -> {
					// unknown: close
				}
			}
		} catch (IOException | RuntimeException e) {
			// the client went away or spoke another protocol: nothing to answer
		}
	}

	private String status() {
		return "irqlab: check server pid " + ProcessHandle.current().pid() + "\n"
				+ "  jar:      " + address.jar() + "\n"
				+ "  socket:   " + address.socket() + "\n"
				+ "  log:      " + address.log() + "\n"
				+ "  started:  " + started + "\n"
				+ "  checks:   " + served.get() + " served, " + declined.get() + " declined (run by the client)\n"
				+ (lastCheckMicros < 0 ? "" : "  last:     the last check took " + lastCheckMicros / 1000.0 + " ms in the server\n")
				+ "  idle:     stops after " + idle.toSeconds() + " s without a request\n"
				+ "  memory:   " + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1 << 20)
				+ " MB used of a " + Runtime.getRuntime().totalMemory() / (1 << 20) + " MB heap\n";
	}

	private void check(DataInputStream in, SocketChannel client, FrameWriter frames) throws IOException {
		Path workingDirectory = Path.of(Protocol.readString(in));
		int count = in.readInt();
		if (count < 0 || count > 1_000_000) {
			return;
		}
		String[] args = new String[count];
		for (int i = 0; i < count; i++) {
			args[i] = Protocol.readString(in);
		}
		String fileNames = Protocol.readString(in);
		String defaultCharset = Protocol.readString(in);
		String stdoutEncoding = Protocol.readString(in);
		String stderrEncoding = Protocol.readString(in);
		Locale locale = Locale.forLanguageTag(Protocol.readString(in));
		Locale formatLocale = Locale.forLanguageTag(Protocol.readString(in));
		Locale displayLocale = Locale.forLanguageTag(Protocol.readString(in));
		lastRequest = System.nanoTime();
		Charset stdout = charset(stdoutEncoding);
		Charset stderr = charset(stderrEncoding);
		// File names are bytes: the client's JVM and this one must turn them into the same strings.
		if (stdout == null || stderr == null || !fileNames.equals(System.getProperty("sun.jnu.encoding"))
				|| !defaultCharset.equals(Charset.defaultCharset().name()) || !workingDirectory.isAbsolute()
				|| !Files.isDirectory(workingDirectory) || !IrqLabCli.servable(args, workingDirectory)) {
			declined.incrementAndGet();
			frames.frame(Protocol.DECLINED, new byte[0]);
			return;
		}
		AtomicBoolean cancelled = new AtomicBoolean();
		Thread watcher = new Thread(() -> {
			// the client sends nothing more: anything read, or the end, means it is gone
			try {
				client.read(ByteBuffer.allocate(1));
			} catch (IOException e) {
				// closed
			}
			cancelled.set(true);
		}, "irqlab-server-client-watch");
		watcher.setDaemon(true);
		watcher.start();
		oneAtATime.lock();
		running++;
		PrintStream originalOut = System.out;
		PrintStream originalErr = System.err;
		Locale originalLocale = Locale.getDefault();
		Locale originalFormat = Locale.getDefault(Locale.Category.FORMAT);
		Locale originalDisplay = Locale.getDefault(Locale.Category.DISPLAY);
		try {
			if (cancelled.get()) {
				return;
			}
			// What `new PrintWriter(System.out, true)` in the client's own JVM would have encoded, flushed alike.
			PrintStream out = new PrintStream(frames.stream(Protocol.OUT), false, stdout);
			ByteArrayOutputStream errCopy = new ByteArrayOutputStream();
			PrintStream err = new PrintStream(new java.io.FilterOutputStream(frames.stream(Protocol.ERR)) {
				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (errCopy.size() < (1 << 20)) {
						errCopy.write(bytes, offset, length);
					}
					this.out.write(bytes, offset, length); // the frame stream this filter wraps
				}
			}, false, stderr);
			Locale.setDefault(locale);
			Locale.setDefault(Locale.Category.FORMAT, formatLocale);
			Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
			System.setOut(out);
			System.setErr(err);
			IrqLabCli.Context context = new IrqLabCli.Context(workingDirectory, injector, injector, cancelled::get);
			int code;
			long start = System.nanoTime();
			try {
				code = IrqLabCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
				out.flush();
				err.flush();
			} catch (Throwable t) {
				// what escaped the command line would end the client's own JVM its own way: let it
				if (!cancelled.get()) {
					log.println("irqlab server: declined after a failure: " + t);
					declined.incrementAndGet();
					frames.frame(Protocol.DECLINED, new byte[0]);
				}
				return;
			}
			if (cancelled.get()) {
				return;
			}
			if (errCopy.toString(stderr).contains("irqlab: internal error: ")) {
				// a failure of the server's state would look like the check's own: the client runs it itself
				log.println("irqlab server: declined after an internal error: " + errCopy.toString(stderr).strip());
				declined.incrementAndGet();
				frames.frame(Protocol.DECLINED, new byte[0]);
				return;
			}
			frames.frame(Protocol.EXIT, ByteBuffer.allocate(4).putInt(code).array());
			lastCheckMicros = (System.nanoTime() - start) / 1000;
			served.incrementAndGet();
		} finally {
			System.setOut(originalOut);
			System.setErr(originalErr);
			Locale.setDefault(originalLocale);
			Locale.setDefault(Locale.Category.FORMAT, originalFormat);
			Locale.setDefault(Locale.Category.DISPLAY, originalDisplay);
			running--;
			lastRequest = System.nanoTime();
			oneAtATime.unlock();
		}
	}

	private static Charset charset(String name) {
		try {
			return Charset.forName(name);
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** Writes frames to the client; output streams of one tag each. */
	private static final class FrameWriter {
		private final SocketChannel channel;

		FrameWriter(SocketChannel channel) {
			this.channel = channel;
		}

		synchronized void frame(byte tag, byte[] bytes) throws IOException {
			frame(tag, bytes, 0, bytes.length);
		}

		synchronized void frame(byte tag, byte[] bytes, int offset, int length) throws IOException {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(5 + length);
			DataOutputStream data = new DataOutputStream(buffer);
			Protocol.writeFrame(data, tag, bytes, offset, length);
			ByteBuffer all = ByteBuffer.wrap(buffer.toByteArray());
			while (all.hasRemaining()) {
				channel.write(all);
			}
		}

		OutputStream stream(byte tag) {
			return new OutputStream() {
				@Override
				public void write(int b) throws IOException {
					write(new byte[] { (byte) b }, 0, 1);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) throws IOException {
					if (length > 0) {
						frame(tag, bytes, offset, length);
					}
				}
			};
		}
	}
}
