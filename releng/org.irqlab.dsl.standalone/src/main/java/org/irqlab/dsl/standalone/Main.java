package org.irqlab.dsl.standalone;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.ide.IrqLabIdeSetup;
import org.irqlab.dsl.ide.server.IrqLabServerLauncher;
import org.irqlab.dsl.standalone.server.CheckClient;
import org.irqlab.dsl.standalone.server.CheckServer;
import org.irqlab.dsl.standalone.server.ServerAddress;

/**
 * The jar's entry point: `irqlab lsp` starts the language server on stdin/stdout (what editors
 * launch), `irqlab server` controls the check server (docs/cli.md), anything else is the command line.
 * Both servers live here rather than among the CLI's subcommands because the language bundle does not
 * depend on Xtext's ide layer.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		if (args.length > 0 && "lsp".equals(args[0])) {
			// The launcher keeps stdout for JSON-RPC alone and exits when stdin ends or the editor's process does.
			IrqLabServerLauncher.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length > 0 && "server".equals(args[0])) {
			System.exit(server(Arrays.copyOfRange(args, 1, args.length)));
		}
		// The IDE setup's injector also computes the editor's quick fixes: `check --format sarif` prints them.
		IrqLabCli.main(args, () -> new IrqLabIdeSetup().createInjectorAndDoEMFRegistration());
	}

	private static final String SERVER_USAGE = """
			Usage: irqlab server --status | --stop
			The check server runs `irqlab check` for ./irqlab without a JVM start each time (docs/cli.md).
			      --status   where this jar's server listens, and what it has done
			      --stop     stop this jar's server (the next ./irqlab check starts one again)
			""";

	private static int server(String[] args) {
		String option = args.length == 1 ? args[0] : "";
		try {
			Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			switch (option) {
				case "--run" -> {
					// started in the background by ./irqlab: what it prints goes to its log beside the socket
					ServerAddress address = ServerAddress.of(jar);
					PrintStream log = System.err;
					if (address.prepareDirectory()) {
						// appended to, so a second server that finds the first running does not wipe its log; kept short
						boolean append = !java.nio.file.Files.exists(address.log()) || java.nio.file.Files.size(address.log()) < (1 << 20);
						log = new PrintStream(new FileOutputStream(address.log().toFile(), append), true) {
							@Override
							public void close() {
								flush(); // log4j closes the System.out it wrapped when the server reroutes it
							}
						};
						System.setOut(log);
						System.setErr(log);
					}
					return CheckServer.run(jar, () -> new IrqLabIdeSetup().createInjectorAndDoEMFRegistration(), log);
				}
				case "--status", "--stop" -> {
					return CheckClient.control(jar, option.equals("--stop"), System.out);
				}
				case "-h", "--help" -> {
					System.out.print(SERVER_USAGE);
					return IrqLabCli.EXIT_CLEAN;
				}
				default -> {
					System.err.print("irqlab: server needs --status or --stop\n" + SERVER_USAGE);
					return IrqLabCli.EXIT_USAGE;
				}
			}
		} catch (IOException | URISyntaxException | RuntimeException e) {
			System.err.println("irqlab: server: " + e);
			return IrqLabCli.EXIT_USAGE;
		}
	}
}
