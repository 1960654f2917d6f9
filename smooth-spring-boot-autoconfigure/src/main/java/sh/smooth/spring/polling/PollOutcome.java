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

package sh.smooth.spring.polling;

/**
 * What one poll request gave, for the {@code smooth.poll.requests} counter.
 */
public enum PollOutcome {

	/** The response carried new events. */
	EVENTS,

	/** The response carried nothing new. */
	NO_EVENTS,

	/** The task had ended. */
	TERMINAL,

	/** The poll failed after retries. */
	ERROR;

	/**
	 * The tag value.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
