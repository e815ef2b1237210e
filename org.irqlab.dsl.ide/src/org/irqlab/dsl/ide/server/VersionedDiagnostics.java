package org.irqlab.dsl.ide.server;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Function;

import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The client as the server talks to it, with each publishDiagnostics carrying the version of the document
 * it was computed for, so that an editor can drop diagnostics of a text it no longer shows. Xtext publishes
 * without a version, from inside the build of that version (builds and edits run one after the other on
 * the request manager's write thread, so the open document's version is the one built). Files that are
 * not open have no version and get none. Every other call goes to the client unchanged.
 */
final class VersionedDiagnostics implements InvocationHandler {

	private final LanguageClient client;
	private final Function<String, Integer> versionOf;

	private VersionedDiagnostics(LanguageClient client, Function<String, Integer> versionOf) {
		this.client = client;
		this.versionOf = versionOf;
	}

	/** @param versionOf the open document's version for a URI as the client wrote it, or null */
	static LanguageClient wrap(LanguageClient client, Function<String, Integer> versionOf) {
		return (LanguageClient) Proxy.newProxyInstance(LanguageClient.class.getClassLoader(),
				new Class<?>[] { LanguageClient.class }, new VersionedDiagnostics(client, versionOf));
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "versioned diagnostics for " + client;
			};
		}
		if ("publishDiagnostics".equals(method.getName()) && args != null && args.length == 1
				&& args[0] instanceof PublishDiagnosticsParams params && params.getVersion() == null) {
			params.setVersion(versionOf.apply(params.getUri()));
		}
		try {
			return method.invoke(client, args);
		} catch (InvocationTargetException e) {
			throw e.getCause();
		}
	}
}
