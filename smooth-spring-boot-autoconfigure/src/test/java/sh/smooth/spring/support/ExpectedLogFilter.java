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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.event.Level;

/**
 * Drops, from the console only, the log events that the running test declared with
 * {@link ExpectedLog}; everything else passes. Installed on the console appender by
 * {@code logback-test.xml}.
 * <p>
 * The declarations in force are held here, statically: logback creates this filter from
 * the XML (again whenever Spring Boot re-initialises logging), while JUnit drives
 * {@link ExpectedLogExtension}. Events come from any thread (Netty's event loops log the
 * injected connection faults), so the scope is the time the test runs, which is exact as
 * long as test classes run one after another in a JVM, as Surefire runs them here.
 */
public final class ExpectedLogFilter extends Filter<ILoggingEvent> {

	private static final List<Rule> rules = new CopyOnWriteArrayList<>();

	@Override
	public FilterReply decide(ILoggingEvent event) {
		for (Rule rule : rules) {
			if (rule.matches(event)) {
				rule.dropped.incrementAndGet();
				return FilterReply.DENY;
			}
		}
		return FilterReply.NEUTRAL;
	}

	static Rule activate(ExpectedLog expected) {
		Rule rule = new Rule(expected);
		rules.add(rule);
		return rule;
	}

	static void deactivate(List<Rule> deactivated) {
		rules.removeAll(deactivated);
	}

	static String describe(ExpectedLog expected, int dropped) {
		StringBuilder text = new StringBuilder().append(dropped);
		for (Level level : expected.level()) {
			text.append(" ").append(level.name());
		}
		text.append(" ").append(expected.logger().isEmpty() ? "(any logger)" : expected.logger());
		if (!expected.message().isEmpty()) {
			text.append(" \"").append(expected.message()).append("\"");
		}
		for (Class<? extends Throwable> type : expected.cause()) {
			text.append(" [").append(type.getSimpleName()).append("]");
		}
		return text.append(" (").append(expected.why()).append(")").toString();
	}

	/**
	 * One declaration in force, with the number of events it dropped.
	 */
	static final class Rule {

		final ExpectedLog expected;

		final AtomicInteger dropped = new AtomicInteger();

		Rule(ExpectedLog expected) {
			this.expected = expected;
		}

		boolean matches(ILoggingEvent event) {
			return hasLevel(event) && fromLogger(event.getLoggerName()) && event.getFormattedMessage() != null
					&& event.getFormattedMessage().contains(this.expected.message())
					&& hasCause(event.getThrowableProxy());
		}

		private boolean hasLevel(ILoggingEvent event) {
			for (Level level : this.expected.level()) {
				if (level.name().equals(event.getLevel().levelStr)) {
					return true;
				}
			}
			return false;
		}

		private boolean fromLogger(String name) {
			String logger = this.expected.logger();
			return logger.isEmpty() || name.equals(logger) || name.startsWith(logger + ".");
		}

		private boolean hasCause(IThrowableProxy proxy) {
			if (this.expected.cause().length == 0) {
				return true;
			}
			Throwable thrown = (proxy instanceof ThrowableProxy real) ? real.getThrowable() : null;
			for (Throwable t = thrown; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
				for (Class<? extends Throwable> type : this.expected.cause()) {
					if (type.isInstance(t)) {
						return true;
					}
				}
			}
			return false;
		}

	}

}
