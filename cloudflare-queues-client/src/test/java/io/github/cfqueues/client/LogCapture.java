package io.github.cfqueues.client;

import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger (and its children) logs during a test, at the level asked for, as
 * {@code LEVEL message} lines. Register it with {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger;

	private final Level level;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previous;

	private LogCapture(String loggerName, Level level) {
		this.logger = (Logger) LoggerFactory.getLogger(loggerName);
		this.level = level;
	}

	/**
	 * Captures a logger from the given level up.
	 * @param loggerName the logger
	 * @param level the lowest level captured
	 * @return the capture
	 */
	public static LogCapture of(String loggerName, String level) {
		return new LogCapture(loggerName, Level.toLevel(level));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.previous = this.logger.getLevel();
		this.logger.setLevel(this.level);
		this.appender.list.clear();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previous);
	}

	/**
	 * The lines logged so far.
	 * @return each event as {@code LEVEL formatted message}
	 */
	public List<String> lines() {
		return this.appender.list.stream()
			.map((event) -> event.getLevel() + " " + event.getFormattedMessage())
			.collect(Collectors.toList());
	}

	/**
	 * When each line containing a text was logged, in order.
	 * @param text the text
	 * @return the times, in milliseconds since the epoch
	 */
	public List<Long> times(String text) {
		return this.appender.list.stream()
			.filter((event) -> event.getFormattedMessage().contains(text))
			.map(ILoggingEvent::getTimeStamp)
			.collect(Collectors.toList());
	}

	/**
	 * All lines logged so far, one per line.
	 * @return the text
	 */
	public String text() {
		return String.join("\n", lines());
	}

}
