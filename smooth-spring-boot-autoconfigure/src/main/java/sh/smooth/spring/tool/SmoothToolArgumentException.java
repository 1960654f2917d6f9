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
 * The arguments of a tool call are missing, unknown or of the wrong type. Answered with
 * code 400; the message says which argument and what is expected, so the agent can call
 * again correctly. Programmatic tools may throw it too.
 */
public class SmoothToolArgumentException extends SmoothToolException {

	/**
	 * Creates the exception.
	 * @param message what is wrong and what is expected
	 */
	public SmoothToolArgumentException(String message) {
		super(message);
	}

}
