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

package sh.smooth.spring.observation;

import java.util.Locale;

/**
 * How a session action ended, for the {@code smooth.action.outcome} tag.
 */
public enum SessionActionOutcome {

	/** The server reported a result (code 2xx). */
	SUCCESS,

	/** The server refused the action (code 4xx). */
	ERROR,

	/** The action failed on the server (code 5xx). */
	FAILED,

	/** No result came within the action's timeout. */
	TIMEOUT,

	/** The session ended (or polling stopped) before the result came. */
	CLOSED;

	/**
	 * The tag value.
	 * @return the lower-case name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
