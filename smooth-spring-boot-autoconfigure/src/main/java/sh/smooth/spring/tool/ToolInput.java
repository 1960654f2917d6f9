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

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code input} of a {@code tool_call} as a tool gets it: always a JSON object. The
 * wire may carry anything; what is not an object is answered 400 before any tool runs,
 * with a message the agent can act on.
 */
final class ToolInput {

	private ToolInput() {
	}

	/**
	 * The input as named arguments.
	 * @param input the {@code input} member, {@code null} when absent
	 * @param mapper makes the empty object and parses a JSON-encoded one
	 * @return the object: {@code {}} for a missing or null input, the parsed object for a
	 * string holding a JSON object (as old servers sent it); {@code null} for anything
	 * else (another string, an array, a number, a boolean)
	 */
	static @Nullable ObjectNode asObject(@Nullable JsonNode input, JsonMapper mapper) {
		if (input == null || input.isNull() || input.isMissingNode()) {
			return mapper.createObjectNode();
		}
		if (input instanceof ObjectNode object) {
			return object;
		}
		if (input.isString()) {
			try {
				JsonNode parsed = mapper.readTree(input.asString());
				if (parsed instanceof ObjectNode object) {
					return object;
				}
			}
			catch (JacksonException ex) {
				// not JSON: not an object either
			}
		}
		return null;
	}

	/**
	 * The answer to an input that is not an object.
	 * @param toolName the tool
	 * @param input the input received
	 * @param expected the expected arguments, as {@link #expected(JsonNode)} words them
	 * @return the exception, answered 400 as bad arguments
	 */
	static SmoothToolArgumentException notAnObject(String toolName, JsonNode input, String expected) {
		return new SmoothToolArgumentException("Invalid arguments for tool '" + toolName
				+ "': the input must be a JSON object of named arguments, got "
				+ input.getNodeType().name().toLowerCase(Locale.ROOT) + ". Expected: " + expected + ".");
	}

	/**
	 * The arguments a tool's input schema names, for messages to the agent.
	 * @param schema the {@code inputs} of the tool's signature
	 * @return {@code a (required), b (optional)}, {@code no arguments}, or a pointer to
	 * the schema when it has no {@code properties}
	 */
	static String expected(@Nullable JsonNode schema) {
		JsonNode properties = (schema != null) ? schema.get("properties") : null;
		if (properties == null || !properties.isObject()) {
			return "an object as the tool's input schema describes";
		}
		Set<String> required = new HashSet<>();
		schema.path("required").valueStream().filter(JsonNode::isString).forEach((n) -> required.add(n.asString()));
		List<String> described = new ArrayList<>();
		for (String name : properties.propertyNames()) {
			described.add(describe(name, required.contains(name)));
		}
		return described.isEmpty() ? "no arguments" : String.join(", ", described);
	}

	/**
	 * One argument in a message.
	 * @param name the argument name
	 * @param required whether it is required
	 * @return {@code name (required)} or {@code name (optional)}
	 */
	static String describe(String name, boolean required) {
		return name + " (" + (required ? "required" : "optional") + ")";
	}

}
