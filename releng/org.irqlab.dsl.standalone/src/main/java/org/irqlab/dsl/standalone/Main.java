package org.irqlab.dsl.standalone;

import java.util.Arrays;

import org.eclipse.xtext.ide.server.ServerLauncher;
import org.irqlab.dsl.cli.IrqLabCli;
import org.irqlab.dsl.ide.IrqLabIdeSetup;

/**
 * The jar's entry point: `irqlab lsp` starts the language server on stdin/stdout (what editors
 * launch), anything else is the command line. The server lives here rather than among the CLI's
 * subcommands because the language bundle does not depend on Xtext's ide layer.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) {
		if (args.length > 0 && "lsp".equals(args[0])) {
			// The launcher silences System.out itself, so nothing but JSON-RPC reaches the client.
			ServerLauncher.main(Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		// The IDE setup's injector also computes the editor's quick fixes: `check --format sarif` prints them.
		IrqLabCli.main(args, () -> new IrqLabIdeSetup().createInjectorAndDoEMFRegistration());
	}
}
