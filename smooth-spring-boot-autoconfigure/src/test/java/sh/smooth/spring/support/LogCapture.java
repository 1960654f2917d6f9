/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package sh.smooth.spring.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures what the given loggers log, at the given level, whatever the test logging
 * set-up says; {@link #close()} restores their levels and detaches the capture. Used to
 * prove that a line was (or was never) logged, so a test cannot pass because logging was
 * off.
 */
public final class LogCapture implements AutoCloseable {

	private final Map<Logger, Level> previous = new LinkedHashMap<>();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private LogCapture(Level level, String... loggerNames) {
		this.appender.start();
		for (String name : loggerNames) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			this.previous.put(logger, logger.getLevel());
			logger.setLevel(level);
			logger.addAppender(this.appender);
		}
	}

	/**
	 * Starts capturing.
	 * @param level the level the loggers are set to while capturing
	 * @param loggerNames the loggers (a name covers its children)
	 * @return the capture, to close after the test
	 */
	public static LogCapture of(Level level, String... loggerNames) {
		return new LogCapture(level, loggerNames);
	}

	/**
	 * The events so far.
	 * @return a copy of the events
	 */
	public List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	/**
	 * The events of one logger (or its children) so far.
	 * @param loggerPrefix the logger name or a prefix of it
	 * @return the events
	 */
	public List<ILoggingEvent> events(String loggerPrefix) {
		return events().stream().filter((event) -> event.getLoggerName().startsWith(loggerPrefix)).toList();
	}

	/**
	 * Everything logged so far, one event a line: level, logger, formatted message, and
	 * the stack trace of any exception, as an appender would print it.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : events()) {
			text.append(event.getLevel())
				.append(' ')
				.append(event.getLoggerName())
				.append(" - ")
				.append(event.getFormattedMessage())
				.append('\n');
			IThrowableProxy thrown = event.getThrowableProxy();
			if (thrown != null) {
				text.append(ThrowableProxyUtil.asString(thrown)).append('\n');
			}
		}
		return text.toString();
	}

	@Override
	public void close() {
		this.previous.forEach((logger, level) -> {
			logger.detachAppender(this.appender);
			logger.setLevel(level);
		});
		this.appender.stop();
	}

}
