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

import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.execution.ToolExecutionException;

import sh.smooth.spring.error.SmoothException;

/**
 * One Smooth tool as a Spring AI {@link ToolCallback}: parses the model's arguments, runs
 * the handler, and writes its result as JSON. Every failure becomes a
 * {@link ToolExecutionException} whose message is what the model is told: a refusal of
 * the guard rails, an argument the model got wrong, or the Smooth error (rate limit,
 * timeout, unknown session).
 */
final class SmoothAiTool implements ToolCallback {

	private final ToolDefinition definition;

	private final Set<String> fields;

	private final Handler handler;

	private final JsonMapper mapper;

	SmoothAiTool(ToolDefinition definition, Set<String> fields, Handler handler, JsonMapper mapper) {
		this.definition = definition;
		this.fields = Set.copyOf(fields);
		this.handler = handler;
		this.mapper = mapper;
	}

	@Override
	public ToolDefinition getToolDefinition() {
		return this.definition;
	}

	@Override
	public String call(String toolInput) {
		return call(toolInput, null);
	}

	@Override
	public String call(String toolInput, @Nullable ToolContext toolContext) {
		try {
			Object result = this.handler.handle(ModelInput.parse(this.mapper, toolInput, this.fields));
			return this.mapper.writeValueAsString(result);
		}
		catch (SmoothAiRefusal | SmoothException ex) {
			throw new ToolExecutionException(this.definition, ex);
		}
	}

	Set<String> fields() {
		return this.fields;
	}

	@Override
	public String toString() {
		return "SmoothAiTool[" + this.definition.name() + "]";
	}

	/**
	 * What a tool does with the model's arguments.
	 */
	@FunctionalInterface
	interface Handler {

		/**
		 * Runs the tool.
		 * @param input the arguments
		 * @return the result, written as JSON for the model
		 */
		Object handle(ModelInput input);

	}

}
