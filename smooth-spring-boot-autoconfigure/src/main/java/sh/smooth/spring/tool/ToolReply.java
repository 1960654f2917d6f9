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

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The answer to a tool call: {@code {"code": code, "output": output}}.
 *
 * @param code 200 (success), 400 (the agent may adapt) or 500 (fatal: the server fails
 * the task)
 * @param output the output, {@code null} for JSON null
 */
public record ToolReply(int code, @Nullable JsonNode output) {

	/**
	 * A success.
	 * @param output the result as JSON
	 * @return the reply
	 */
	public static ToolReply success(@Nullable JsonNode output) {
		return new ToolReply(200, output);
	}

	/**
	 * An error with a message.
	 * @param code 400 or 500
	 * @param message the message the agent sees
	 * @return the reply
	 */
	public static ToolReply error(int code, String message) {
		return new ToolReply(code, JsonNodeFactory.instance.stringNode(message));
	}

}
