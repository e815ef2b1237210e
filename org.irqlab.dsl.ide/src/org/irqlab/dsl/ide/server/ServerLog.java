package org.irqlab.dsl.ide.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.parser.ParseException;

/**
 * Where the server's failures go: the client's log (window/logMessage) and stderr, never stdout, which
 * carries JSON-RPC. Xtext logs the failures of notifications (a build after didOpen) through log4j and
 * nowhere else, so log4j's warnings and errors are forwarded to the client; a request that fails is
 * logged the same way and answered with an error, and the server goes on reading.
 */
final class ServerLog extends AppenderSkeleton {

	private static final Logger LOG = Logger.getLogger(ServerLog.class);

	private static volatile LanguageClient client;

	private ServerLog() {
		setThreshold(Level.WARN);
	}

	/** log4j to stderr and, once connected, to the client; replaces the jar's configuration, which logs to stdout. */
	static void install() {
		Logger root = Logger.getRootLogger();
		root.removeAllAppenders();
		root.setLevel(Level.INFO);
		root.addAppender(new ConsoleAppender(new PatternLayout("%d{HH:mm:ss.SSS} %-5p %c{1} - %m%n"),
				ConsoleAppender.SYSTEM_ERR));
		root.addAppender(new ServerLog());
	}

	static void connect(LanguageClient languageClient) {
		client = languageClient;
	}

	/** The answer to a request that failed; anything but an error meant for the client is logged first. */
	static ResponseError answer(Throwable thrown) {
		Throwable failure = unwrap(thrown);
		if (failure instanceof ResponseErrorException error) {
			return error.getResponseError();
		}
		LOG.error("a request failed", failure);
		return new ResponseError(ResponseErrorCode.InternalError,
				"IrqLab could not answer (" + describe(failure) + "); the language server's log has the details", null);
	}

	/** Keeps the server reading after a message whose handling threw, an Error included. */
	static Function<MessageConsumer, MessageConsumer> keepServing() {
		return consumer -> message -> {
			try {
				consumer.consume(message);
			} catch (Throwable failure) {
				LOG.error("handling a message failed: " + message, failure);
			}
		};
	}

	/** "StackOverflowError" or "IllegalStateException: its message", without a stack trace. */
	static String describe(Throwable thrown) {
		Throwable failure = unwrap(thrown);
		String message = failure.getMessage();
		String name = failure.getClass().getSimpleName();
		return message == null || message.isBlank() ? name : name + ": " + message;
	}

	private static Throwable unwrap(Throwable thrown) {
		Throwable failure = thrown;
		while ((failure instanceof CompletionException || failure instanceof ExecutionException
				|| failure instanceof ParseException) && failure.getCause() != null && failure.getCause() != failure) {
			failure = failure.getCause();
		}
		return failure;
	}

	@Override
	protected void append(LoggingEvent event) {
		LanguageClient current = client;
		if (current == null) {
			return;
		}
		StringBuilder text = new StringBuilder(event.getLoggerName()).append(": ").append(event.getRenderedMessage());
		if (event.getThrowableInformation() != null) {
			StringWriter trace = new StringWriter();
			event.getThrowableInformation().getThrowable().printStackTrace(new PrintWriter(trace));
			text.append('\n').append(trace);
		}
		try {
			current.logMessage(new MessageParams(
					event.getLevel().isGreaterOrEqual(Level.ERROR) ? MessageType.Error : MessageType.Warning, text.toString()));
		} catch (RuntimeException e) {
			// the client is gone; stderr has the message
		}
	}

	@Override
	public boolean requiresLayout() {
		return false;
	}

	@Override
	public void close() {
		client = null;
	}
}
