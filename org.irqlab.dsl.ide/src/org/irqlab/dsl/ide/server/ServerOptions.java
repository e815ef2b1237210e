package org.irqlab.dsl.ide.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What an editor can switch in `initializationOptions` (docs: README, "The language server"):
 * {@code {"inlayHints": false}} turns the inlay hints off. Anything else is ignored, so an editor's own
 * options do not stop the server.
 *
 * @param inlayHints whether the server offers and answers textDocument/inlayHint
 */
record ServerOptions(boolean inlayHints) {

	static final ServerOptions DEFAULTS = new ServerOptions(true);

	/** lsp4j hands initializationOptions over as parsed JSON, or null when the editor sent none. */
	static ServerOptions of(Object initializationOptions) {
		if (!(initializationOptions instanceof JsonObject options)) {
			return DEFAULTS;
		}
		JsonElement inlayHints = options.get("inlayHints");
		boolean hints = inlayHints == null || !inlayHints.isJsonPrimitive() || !inlayHints.getAsJsonPrimitive().isBoolean()
				|| inlayHints.getAsBoolean();
		return new ServerOptions(hints);
	}
}
