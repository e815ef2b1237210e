package org.irqlab.dsl.tests.robustness;

import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;

/**
 * Collects what is logged at ERROR while it is open. Xtext's resource validator and declarative
 * validators catch an exception thrown by a check, log it and go on: the user then silently misses
 * diagnostics, so for the fuzz test a logged error is as much a failure as a thrown one.
 */
final class SwallowedErrors extends AppenderSkeleton implements AutoCloseable {

	/** One logged error: the logger, the message and the exception, if any. */
	record Entry(String logger, String message, Throwable thrown) {
	}

	private final List<Entry> entries = new ArrayList<>();

	private SwallowedErrors() {
		setThreshold(Level.ERROR);
	}

	static SwallowedErrors open() {
		SwallowedErrors errors = new SwallowedErrors();
		Logger.getRootLogger().addAppender(errors);
		return errors;
	}

	List<Entry> entries() {
		return entries;
	}

	@Override
	protected void append(LoggingEvent event) {
		entries.add(new Entry(event.getLoggerName(), event.getRenderedMessage(),
				event.getThrowableInformation() == null ? null : event.getThrowableInformation().getThrowable()));
	}

	@Override
	public void close() {
		Logger.getRootLogger().removeAppender(this);
	}

	@Override
	public boolean requiresLayout() {
		return false;
	}
}
