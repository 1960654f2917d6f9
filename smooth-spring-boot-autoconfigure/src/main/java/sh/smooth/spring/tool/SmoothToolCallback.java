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

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import sh.smooth.spring.api.ToolSignature;

/**
 * A custom tool that is not a {@link SmoothTool} method: register an implementation as a
 * bean and it is attached and dispatched like the annotated ones. {@link #call} runs on
 * the tool executor, never on an HTTP or polling thread.
 */
public interface SmoothToolCallback {

	/**
	 * The signature sent in {@code custom_tools}: name, description, JSON Schema of the
	 * input, output description. Its name follows the same rules as
	 * {@link SmoothTool#name()}.
	 * @return the signature
	 */
	ToolSignature signature();

	/**
	 * The tool name.
	 * @return the name of the {@link #signature()}
	 */
	default String name() {
		return signature().name();
	}

	/**
	 * The groups this tool belongs to, for selection per task or by default.
	 * @return none by default
	 * @see SmoothTool#groups()
	 */
	default Set<String> groups() {
		return Set.of();
	}

	/**
	 * Whether this tool is part of the default selection when that is every tool
	 * ({@code smooth.tools.attach=all} without {@code smooth.tools.default-groups}). A
	 * tool that says no is offered only to tasks that select it, by name or group, or
	 * through a default group: the Spring AI tools of an application are, unless
	 * {@code smooth.ai.agent-tools.offer-by-default=true}.
	 * @return {@code true} by default
	 */
	default boolean offeredByDefault() {
		return true;
	}

	/**
	 * Whether a failure is fatal (code 500) rather than recoverable (code 400).
	 * @return {@code true} by default
	 * @see SmoothTool#essential()
	 */
	default boolean essential() {
		return true;
	}

	/**
	 * The message sent in place of the exception text on failure.
	 * @return the message, or {@code null} to send the exception text
	 * @see SmoothTool#errorMessage()
	 */
	default @Nullable String errorMessage() {
		return null;
	}

	/**
	 * Runs the tool.
	 * @param input the call's input, always a JSON object: {@code {}} when the agent sent
	 * none or {@code null}; a call whose input is anything else (a string that is not a
	 * JSON object, an array, a number) is answered with code 400 and never gets here
	 * @param context the call
	 * @return the result, written as JSON; a {@code CompletionStage} or {@code Mono} is
	 * awaited
	 * @throws Exception any failure: {@link SmoothToolException} is answered 400, others
	 * 500 or 400 per {@link #essential()}
	 */
	@Nullable Object call(JsonNode input, SmoothToolContext context) throws Exception;

}
