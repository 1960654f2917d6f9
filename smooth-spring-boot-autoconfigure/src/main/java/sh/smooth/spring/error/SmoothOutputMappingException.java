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
 * The task output could not be converted to the requested Java type. The message shows
 * the JSON path where it failed, the task and the start of the output; the whole output
 * is kept in {@link #rawOutput()}, so a typed {@code run} loses nothing that
 * {@code submit(...).await()} would have kept.
 */
public class SmoothOutputMappingException extends SmoothException {

	private static final int MAX_EXCERPT = 500;

	private final String path;

	@Nullable private final String taskId;

	@Nullable private final String rawOutput;

	public SmoothOutputMappingException(String targetType, String path, String problem, Throwable cause) {
		this(targetType, path, problem, null, null, cause);
	}

	public SmoothOutputMappingException(String targetType, String path, String problem, @Nullable String taskId,
			@Nullable String rawOutput, Throwable cause) {
		super("Cannot convert the " + ((taskId != null) ? "output of Smooth task " + taskId : "Smooth output") + " to "
				+ targetType + " at " + path + ": " + problem
				+ ((rawOutput != null) ? "; the output was: " + excerpt(rawOutput) : ""), cause);
		this.path = path;
		this.taskId = taskId;
		this.rawOutput = rawOutput;
	}

	private static String excerpt(String text) {
		return (text.length() > MAX_EXCERPT) ? text.substring(0, MAX_EXCERPT - 3) + "..." : text;
	}

	/**
	 * The JSON path (such as {@code $.stories[2].points}) where conversion failed.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The task whose output did not fit.
	 * @return the task id, or {@code null} when the output did not come from a task
	 * result (such as a session action)
	 */
	@Nullable public String taskId() {
		return this.taskId;
	}

	/**
	 * The whole output, as text: a JSON string as is, anything else as JSON.
	 * @return the output
	 */
	@Nullable public String rawOutput() {
		return this.rawOutput;
	}

}
