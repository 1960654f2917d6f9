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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.event.Level;

/**
 * Declares a log event that a test provokes on purpose (an injected fault, a tool that
 * throws, a context that must fail), so that the console of the test run does not show
 * it. While the annotated class or method runs, {@link ExpectedLogFilter} (installed on
 * the console appender by {@code logback-test.xml}) drops the events that match every
 * attribute given here; anything else, such as an unexpected WARN from our code, is
 * printed as usual. After the class, one line tells how many events were dropped and why,
 * so the run still says that they happened.
 * <p>
 * Only the console is filtered: a test that reads the log through its own appender still
 * sees every event. A test that reads the console ({@code CapturedOutput}) must not
 * declare what it reads.
 *
 * @see ExpectedLogFilter
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Repeatable(ExpectedLog.List.class)
@ExtendWith(ExpectedLogExtension.class)
public @interface ExpectedLog {

	/**
	 * The logger, or a parent of it ({@code "reactor.netty"} covers
	 * {@code reactor.netty.http.client.HttpClientConnect}); empty for any logger.
	 * @return the logger name
	 */
	String logger() default "";

	/**
	 * The levels the event may have; an event of another level from the same logger is
	 * shown.
	 * @return the levels
	 */
	Level[] level() default Level.WARN;

	/**
	 * Text the formatted message must contain; empty for any message.
	 * @return the text
	 */
	String message() default "";

	/**
	 * Exception types one of which must be the event's exception or one of its causes;
	 * empty for any (or no) exception.
	 * @return the types
	 */
	Class<? extends Throwable>[] cause() default {};

	/**
	 * Why the test provokes the event: printed with the count after the class.
	 * @return the reason
	 */
	String why();

	/**
	 * Holds repeated {@link ExpectedLog} annotations.
	 */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.TYPE, ElementType.METHOD })
	@ExtendWith(ExpectedLogExtension.class)
	@interface List {

		/**
		 * The expected events.
		 * @return the annotations
		 */
		ExpectedLog[] value();

	}

}
