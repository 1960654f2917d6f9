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

package sh.smooth.spring.tool;

/**
 * Thrown by a tool to report an error the agent can act on: answered with code 400 and
 * this message, sent as is (never replaced by {@link SmoothTool#errorMessage()}). The
 * agent sees the message and may retry or adapt; the task goes on.
 */
public class SmoothToolException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message the message for the agent
	 */
	public SmoothToolException(String message) {
		super(message);
	}

	/**
	 * Creates the exception with a cause, which is logged but not sent.
	 * @param message the message for the agent
	 * @param cause the cause
	 */
	public SmoothToolException(String message, Throwable cause) {
		super(message, cause);
	}

}
