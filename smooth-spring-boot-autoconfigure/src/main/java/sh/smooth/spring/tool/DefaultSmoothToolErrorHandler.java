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

import java.util.concurrent.RejectedExecutionException;

import org.jspecify.annotations.Nullable;

/**
 * The default answers to failed tool calls:
 * <ul>
 * <li>unknown tool: 400 {@code unknown tool 'x'; available: a, b};</li>
 * <li>bad arguments, or a {@link SmoothToolException}: 400 with its message;</li>
 * <li>any other exception: 500 when the tool is essential, else 400, with
 * {@link SmoothTool#errorMessage()} if set, else the exception text;</li>
 * <li>a timeout: like an exception, with a message naming the timeout;</li>
 * <li>a full tool executor, or a call that waited longer than
 * {@code smooth.tools.executor.queue-timeout} for a thread (both a
 * {@link RejectedExecutionException}): 400 "busy", so the agent may try again.</li>
 * </ul>
 */
public class DefaultSmoothToolErrorHandler implements SmoothToolErrorHandler {

	@Override
	public ToolReply handle(ToolFailure failure) {
		String tool = failure.context().toolName();
		return switch (failure.kind()) {
			case UNKNOWN_TOOL -> ToolReply.error(400,
					"unknown tool '" + tool + "'; available: " + String.join(", ", failure.availableTools()));
			case BAD_ARGUMENTS, TOOL_ERROR -> ToolReply.error(400, text(failure.error(), "tool '" + tool + "' failed"));
			case TIMEOUT -> ToolReply.error(failure.essential() ? 500 : 400, custom(failure, "tool '" + tool
					+ "' did not finish within " + failure.timeout().toMillis() + " ms and was interrupted"));
			case FAILURE -> (failure.error() instanceof RejectedExecutionException)
					? ToolReply.error(400,
							"tool '" + tool + "' is busy: too many tool calls are waiting; try again later")
					: ToolReply.error(failure.essential() ? 500 : 400,
							custom(failure, text(failure.error(), "tool '" + tool + "' failed")));
			case SUCCESS -> throw new IllegalArgumentException("Not a failure: " + failure);
		};
	}

	private static String custom(ToolFailure failure, String fallback) {
		String message = (failure.tool() != null) ? failure.tool().errorMessage() : null;
		return (message != null && !message.isEmpty()) ? message : fallback;
	}

	private static String text(@Nullable Throwable error, String fallback) {
		if (error == null) {
			return fallback;
		}
		String message = error.getMessage();
		return (message != null && !message.isBlank()) ? message : error.getClass().getSimpleName();
	}

}
