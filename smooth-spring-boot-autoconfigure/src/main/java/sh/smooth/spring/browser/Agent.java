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

package sh.smooth.spring.browser;

import java.util.Arrays;
import java.util.Locale;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * The agent that runs a task.
 */
public enum Agent {

	/** The full agent (the default). */
	SMOOTH("smooth"),

	/** A faster, cheaper agent for simple tasks. */
	SMOOTH_LITE("smooth-lite");

	private final String value;

	Agent(String value) {
		this.value = value;
	}

	/**
	 * The wire value.
	 * @return the value, such as {@code smooth-lite}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Parses a wire value or an enum name.
	 * @param value the value
	 * @return the agent
	 */
	public static Agent of(String value) {
		String normalized = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values())
			.filter((a) -> a.value.equals(normalized))
			.findFirst()
			.orElseThrow(() -> new SmoothValidationException("agent", value, "must be one of smooth, smooth-lite"));
	}

}
