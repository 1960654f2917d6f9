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
package sh.smooth.spring.ai;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;

import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolContext;
import sh.smooth.spring.tool.SmoothToolException;

/**
 * A Spring AI tool ({@code @Tool} method or any {@link ToolCallback}) as a Smooth custom
 * tool: its name, description and input schema become the {@code custom_tools} signature;
 * the agent's input is passed as the JSON text Spring AI expects; a result that is JSON
 * is answered as JSON, any other text as a JSON string. A {@link ToolExecutionException}
 * (what Spring AI throws for a failed {@code @Tool} method) is answered with code 400 and
 * its message, so the agent can react, as a model would; the tool is not essential. It
 * runs on the Smooth tool executor like any custom tool, with the same observations. The
 * {@link ToolContext} holds {@code smooth.task_id}, {@code smooth.tool_call_id} and
 * {@code smooth.tool_context} (the {@link SmoothToolContext}).
 */
final class SpringAiSmoothTool implements SmoothToolCallback {

	/**
	 * What Smooth tells its agent about the answer: Spring AI tools declare no output.
	 */
	static final String OUTPUT = "The tool's result, as JSON or text.";

	/** The group of every Spring AI tool, for selection. */
	static final String GROUP = "spring-ai";

	private final ToolCallback callback;

	private final ToolSignature signature;

	private final boolean offeredByDefault;

	private final JsonMapper mapper;

	SpringAiSmoothTool(ToolCallback callback, boolean offeredByDefault, JsonMapper mapper) {
		ToolDefinition definition = callback.getToolDefinition();
		this.callback = callback;
		this.offeredByDefault = offeredByDefault;
		this.mapper = mapper;
		this.signature = new ToolSignature(definition.name(), definition.description(), inputs(definition, mapper),
				OUTPUT);
	}

	private static JsonNode inputs(ToolDefinition definition, JsonMapper mapper) {
		try {
			return mapper.readTree(definition.inputSchema());
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(
					"Spring AI tool '" + definition.name() + "' has an input schema that is not JSON", ex);
		}
	}

	@Override
	public ToolSignature signature() {
		return this.signature;
	}

	@Override
	public Set<String> groups() {
		return Set.of(GROUP);
	}

	@Override
	public boolean offeredByDefault() {
		return this.offeredByDefault;
	}

	@Override
	public boolean essential() {
		return false;
	}

	@Override
	public @Nullable Object call(JsonNode input, SmoothToolContext context) {
		ToolContext toolContext = new ToolContext(Map.of("smooth.task_id", context.taskId(), "smooth.tool_call_id",
				context.eventId(), "smooth.tool_context", context));
		String result;
		try {
			result = this.callback.call(input.toString(), toolContext);
		}
		catch (ToolExecutionException ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			throw new SmoothToolException(message, ex);
		}
		if (result == null) {
			return null;
		}
		try {
			return this.mapper.readTree(result);
		}
		catch (JacksonException ex) {
			// plain text, as Spring AI's converters may return
			return result;
		}
	}

	@Override
	public String toString() {
		return "SpringAiSmoothTool[" + this.signature.name() + "]";
	}

}
