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

import sh.smooth.spring.observation.ToolCallOutcome;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A tool call that did not produce a value, as handed to the
 * {@link SmoothToolErrorHandler}.
 *
 * @param kind what went wrong: {@link ToolCallOutcome#UNKNOWN_TOOL},
 * {@link ToolCallOutcome#BAD_ARGUMENTS}, {@link ToolCallOutcome#TOOL_ERROR} (a
 * {@link SmoothToolException}), {@link ToolCallOutcome#FAILURE} (any other exception,
 * including a full executor) or {@link ToolCallOutcome#TIMEOUT}
 * @param context the call
 * @param tool the tool, {@code null} when unknown
 * @param error the exception, {@code null} for an unknown tool or a timeout
 * @param availableTools the tools attached to the task, sorted
 * @param timeout the tool timeout
 */
public record ToolFailure(ToolCallOutcome kind, SmoothToolContext context, @Nullable SmoothToolCallback tool,
		@Nullable Throwable error, List<String> availableTools, Duration timeout) {

	/**
	 * Whether a failure of the tool is fatal.
	 * @return the tool's {@code essential}, {@code false} for an unknown tool
	 */
	public boolean essential() {
		return this.tool != null && this.tool.essential();
	}

}
