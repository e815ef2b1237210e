package org.irqlab.dsl.standalone.server;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The small client `./irqlab check` starts instead of the whole command line: it hands the check to the
 * user's check server (see {@link CheckServer}) and prints what the server's run printed, with its exit
 * code, as {@link #SERVED} plus that code. It uses only the JDK and loads few classes, so its JVM starts
 * in a fraction of the command line's time. When it cannot be served it prints nothing and exits with
 * {@link #NOT_SERVED_START} or {@link #NOT_SERVED}: the launcher then runs the check the plain way, so
 * what the user sees never depends on the server.
 *
 * <p>Usage: {@code java -cp irqlab.jar org.irqlab.dsl.standalone.server.CheckClient JAR check ARGS...}
 */
public final class CheckClient {

	/** Not served, and no server is running or starting: run the plain way and start one. */
	public static final int NOT_SERVED_START = 75;
	/** Not served (the server declined, is starting, or cannot be used): run the plain way. */
	public static final int NOT_SERVED = 76;
	/**
	 * Served: this plus the check's exit code (0, 1 or 2). Apart from the JVM's own (1 when it cannot start),
	 * so that a client that failed to start is never taken for a check with errors.
	 */
	public static final int SERVED = 100;

	private CheckClient() {
	}

	public static void main(String[] args) {
		int code;
		try {
			code = check(args);
		} catch (Throwable t) {
			code = NOT_SERVED;
		}
		System.exit(code);
	}

	private static int check(String[] args) throws IOException {
		if (args.length < 2 || !args[1].equals("check")) {
			return NOT_SERVED;
		}
		// The JVM takes options from these: the plain way would run with them, the server did not start with them.
		for (String variable : new String[] { "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS" }) {
			if (System.getenv(variable) != null) {
				return NOT_SERVED;
			}
		}
		ServerAddress address = ServerAddress.of(Path.of(args[0]));
		if (!address.fits()) {
			return NOT_SERVED;
		}
		if (!Files.isDirectory(address.directory())) {
			return NOT_SERVED_START;
		}
		if (!address.safeDirectory()) {
			return NOT_SERVED;
		}
		SocketChannel channel;
		try {
			channel = SocketChannel.open(StandardProtocolFamily.UNIX);
		} catch (IOException | UnsupportedOperationException e) {
			return NOT_SERVED;
		}
		try (channel) {
			try {
				channel.connect(UnixDomainSocketAddress.of(address.socket()));
			} catch (IOException e) {
				return noServer(address);
			}
			DataOutputStream request = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
			request.writeInt(Protocol.MAGIC);
			request.writeByte(Protocol.CHECK);
			Protocol.writeString(request, Path.of("").toAbsolutePath().toString());
			request.writeInt(args.length - 1);
			for (int i = 1; i < args.length; i++) {
				Protocol.writeString(request, args[i]);
			}
			// What the output's bytes depend on besides the arguments: how this JVM would encode and format them.
			Protocol.writeString(request, String.valueOf(System.getProperty("sun.jnu.encoding")));
			Protocol.writeString(request, Charset.defaultCharset().name());
			Protocol.writeString(request, String.valueOf(System.getProperty("stdout.encoding")));
			Protocol.writeString(request, String.valueOf(System.getProperty("stderr.encoding")));
			Protocol.writeString(request, Locale.getDefault().toLanguageTag());
			Protocol.writeString(request, Locale.getDefault(Locale.Category.FORMAT).toLanguageTag());
			Protocol.writeString(request, Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag());
			request.flush();
			// Nothing more is sent, and the socket stays open: closing it (Ctrl+C) cancels the request.
			DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
			List<Protocol.Frame> output = new ArrayList<>();
			while (true) {
				Protocol.Frame frame;
				try {
					frame = Protocol.readFrame(in);
				} catch (IOException e) {
					return NOT_SERVED_START; // the server went away mid-request: nothing was printed yet
				}
				switch (frame.tag()) {
					case Protocol.OUT, Protocol.ERR -> output.add(frame);
					case Protocol.EXIT -> {
						int code = new DataInputStream(new java.io.ByteArrayInputStream(frame.bytes())).readInt();
						if (code < 0 || code > 2) {
							return NOT_SERVED; // not one of the command line's codes: let it run itself
						}
						print(output);
						return SERVED + code;
					}
					default -> {
						return NOT_SERVED;
					}
				}
			}
		}
	}

	/** The connection failed: a dead server's socket is removed; a server may be starting. */
	private static int noServer(ServerAddress address) {
		try (FileChannel lock = FileChannel.open(address.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
			FileLock held = lock.tryLock();
			if (held == null) {
				return NOT_SERVED; // a server holds it: it is starting (or stopping)
			}
			try {
				Files.deleteIfExists(address.socket()); // left by a server that died: it would block no one, but is litter
			} finally {
				held.release();
			}
			return NOT_SERVED_START;
		} catch (IOException | RuntimeException e) {
			return NOT_SERVED;
		}
	}

	private static void print(List<Protocol.Frame> output) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		for (Protocol.Frame frame : output) {
			PrintStream stream = frame.tag() == Protocol.OUT ? out : err;
			stream.write(frame.bytes(), 0, frame.bytes().length);
			stream.flush();
		}
	}

	/**
	 * `irqlab server --status` and `--stop`: asks the jar's server and prints its answer.
	 *
	 * @return 0 when a server answered, 1 when none runs
	 */
	public static int control(Path jar, boolean stop, PrintStream out) throws IOException {
		ServerAddress address = ServerAddress.of(jar);
		if (!address.safeDirectory() || !Files.exists(address.socket())) {
			out.println("irqlab: no check server runs for " + address.jar() + " (its socket would be " + address.socket() + ")");
			return 1;
		}
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			try {
				channel.connect(UnixDomainSocketAddress.of(address.socket()));
			} catch (IOException e) {
				noServer(address);
				out.println("irqlab: no check server runs for " + address.jar() + " (removed its dead socket " + address.socket() + ")");
				return 1;
			}
			DataOutputStream request = new DataOutputStream(Channels.newOutputStream(channel));
			request.writeInt(Protocol.MAGIC);
			request.writeByte(stop ? Protocol.STOP : Protocol.STATUS);
			request.flush();
			DataInputStream in = new DataInputStream(Channels.newInputStream(channel));
			Protocol.Frame frame = Protocol.readFrame(in);
			out.print(new String(frame.bytes(), java.nio.charset.StandardCharsets.UTF_8));
			if (stop) {
				// the server closes the connection once it has stopped listening and removed its socket
				try {
					while (in.read() >= 0) {
						// wait
					}
				} catch (IOException e) {
					// closed
				}
			}
			return 0;
		}
	}
}
