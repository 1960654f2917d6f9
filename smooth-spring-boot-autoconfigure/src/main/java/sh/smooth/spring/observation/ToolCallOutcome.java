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
 * How a tool call ended: what a {@code SmoothToolErrorHandler} is told, and the
 * {@code smooth.tool.outcome} tag.
 */
public enum ToolCallOutcome {

	/** The tool returned a value (code 200). */
	SUCCESS,

	/** The tool threw a {@code SmoothToolException} (code 400). */
	TOOL_ERROR,

	/**
	 * The tool threw another exception (code 500, or 400 when not essential), or it could
	 * not get a thread: the executor was full or the call waited longer than
	 * {@code smooth.tools.executor.queue-timeout} (code 400 "busy").
	 */
	FAILURE,

	/** The tool ran longer than {@code smooth.tools.timeout} (counted from its start). */
	TIMEOUT,

	/** No tool has that name (code 400). */
	UNKNOWN_TOOL,

	/** The arguments did not bind (code 400). */
	BAD_ARGUMENTS;

	/**
	 * The tag value.
	 * @return the lower-case name
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
