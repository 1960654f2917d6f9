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

package sh.smooth.spring.error;

import org.jspecify.annotations.Nullable;

/**
 * A typed {@code run} expected a {@code done} task but it ended {@code failed} or
 * {@code cancelled}. The agent's own explanation, if any, is in {@link #output()}.
 */
public class SmoothTaskFailedException extends SmoothException {

	private final String taskId;

	private final String status;

	@Nullable private final String output;

	public SmoothTaskFailedException(String taskId, String status, @Nullable String output) {
		super("Smooth task " + taskId + " ended with status " + status
				+ ((output != null && !output.isBlank()) ? ": " + abbreviate(output) : ""));
		this.taskId = taskId;
		this.status = status;
		this.output = output;
	}

	private static String abbreviate(String text) {
		return (text.length() > 500) ? text.substring(0, 497) + "..." : text;
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The final status, such as {@code failed}.
	 * @return the status
	 */
	public String status() {
		return this.status;
	}

	/**
	 * The task output as text (usually the failure description).
	 * @return the output, or {@code null}
	 */
	@Nullable public String output() {
		return this.output;
	}

}
