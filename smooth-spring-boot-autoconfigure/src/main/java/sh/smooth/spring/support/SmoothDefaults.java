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

import java.time.Duration;

import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;
import org.springframework.util.unit.DataSize;

/**
 * The default of each client and waiting setting, written once: the configuration
 * properties use these texts as their {@code @DefaultValue}s, and
 * {@code SmoothTemplate.builder()} parses the same texts, so an application with Boot and
 * one without start from the same values. The task fields' defaults live in
 * {@code TaskDefaults} the same way.
 */
public final class SmoothDefaults {

	/** Smooth's API. */
	public static final String BASE_URL = "https://api.smooth.sh/api/v1";

	/** The size of the connection pool: many tasks poll at once. */
	public static final int MAX_CONNECTIONS = 500;

	/** Largest response body the client buffers. */
	public static final String MAX_RESPONSE_SIZE = "16MB";

	/** Threads of the shared polling scheduler. */
	public static final String POLLING_THREADS = "2";

	/** How long run() and await() wait for a task. */
	public static final String TASK_TIMEOUT = "10m";

	/** How long liveUrl() waits for the browser to come up. */
	public static final String LIVE_URL_TIMEOUT = "60s";

	/** How long a session action waits for its result. */
	public static final String ACTION_TIMEOUT = "5m";

	/** How long a tool may run before it is answered with an error. */
	public static final String TOOL_TIMEOUT = "60s";

	/** How long a tool call may wait for a thread of the tool executor. */
	public static final String TOOL_QUEUE_TIMEOUT = "30s";

	private SmoothDefaults() {
	}

	/**
	 * Reads one of this class's durations as the configuration properties do, in Spring's
	 * simple form ({@code 30s}, {@code 5m}): this package may not depend on Spring Boot,
	 * whose converter the properties use (SmoothDefaultsTests checks that both read every
	 * constant alike).
	 * @param text a duration constant of this class
	 * @return the duration
	 */
	public static Duration duration(String text) {
		try {
			return DurationFormatterUtils.parse(text, DurationFormat.Style.SIMPLE);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a simple duration: " + text, ex);
		}
	}

	/**
	 * Reads one of this class's sizes as the configuration properties do.
	 * @param text a size constant of this class
	 * @return the size
	 */
	public static DataSize size(String text) {
		return DataSize.parse(text);
	}

}
