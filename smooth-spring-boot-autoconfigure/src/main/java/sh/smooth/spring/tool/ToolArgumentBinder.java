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
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import sh.smooth.spring.support.OutputConverter;

/**
 * Binds a tool call's JSON input to the method's parameters. Every problem (a missing
 * required argument, an unknown one, a wrong type) is collected into one
 * {@link SmoothToolArgumentException} whose message tells the agent what to send.
 */
final class ToolArgumentBinder {

	private final String toolName;

	private final List<ToolParameter> parameters;

	private final List<JavaType> types;

	private final JsonMapper mapper;

	private final Set<String> names = new HashSet<>();

	private final String expected;

	ToolArgumentBinder(String toolName, List<ToolParameter> parameters, JsonMapper mapper) {
		this.toolName = toolName;
		this.parameters = parameters;
		this.mapper = mapper;
		this.types = parameters.stream().map((p) -> mapper.constructType(p.valueType())).toList();
		List<String> described = new ArrayList<>();
		for (ToolParameter parameter : parameters) {
			if (!parameter.context()) {
				this.names.add(parameter.name());
				described.add(ToolInput.describe(parameter.name(), parameter.required()));
			}
		}
		this.expected = described.isEmpty() ? "no arguments" : String.join(", ", described);
	}

	/**
	 * Binds the input.
	 * @param input the {@code input} of the call: an object, or null/missing for none
	 * @param context the call, for a {@link SmoothToolContext} parameter
	 * @return the arguments in declaration order
	 * @throws SmoothToolArgumentException when the input does not fit
	 */
	@Nullable Object[] bind(@Nullable JsonNode input, SmoothToolContext context) {
		ObjectNode arguments = asObject(input);
		List<String> problems = new ArrayList<>();
		List<String> unknown = arguments.propertyNames()
			.stream()
			.filter((name) -> !this.names.contains(name))
			.collect(Collectors.toList());
		for (String name : unknown) {
			problems.add("unknown argument '" + name + "'");
		}
		@Nullable Object[] values = new Object[this.parameters.size()];
		for (int i = 0; i < this.parameters.size(); i++) {
			ToolParameter parameter = this.parameters.get(i);
			if (parameter.context()) {
				values[i] = context;
				continue;
			}
			JsonNode node = arguments.get(parameter.name());
			boolean absent = node == null || node.isMissingNode();
			if (absent || node.isNull()) {
				if (parameter.required()) {
					problems.add(absent ? "missing required argument '" + parameter.name() + "'"
							: "argument '" + parameter.name() + "' must not be null");
				}
				values[i] = empty(parameter);
				continue;
			}
			try {
				Object value = this.mapper.treeToValue(node, this.types.get(i));
				values[i] = parameter.optionalWrapper() ? Optional.ofNullable(value) : value;
			}
			catch (JacksonException ex) {
				problems.add("argument '" + parameter.name() + OutputConverter.jsonPath(ex)
						+ "' has the wrong type or shape: " + firstLine(ex.getOriginalMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw new SmoothToolArgumentException("Invalid arguments for tool '" + this.toolName + "': "
					+ String.join("; ", problems) + ". Expected: " + this.expected + ".");
		}
		return values;
	}

	private ObjectNode asObject(@Nullable JsonNode input) {
		ObjectNode object = ToolInput.asObject(input, this.mapper);
		if (object == null) {
			throw ToolInput.notAnObject(this.toolName, input, this.expected);
		}
		return object;
	}

	private static @Nullable Object empty(ToolParameter parameter) {
		if (parameter.optionalWrapper()) {
			return Optional.empty();
		}
		// the primitive optionals are optional too (Nullness), never bound as null
		if (parameter.valueType() == OptionalInt.class) {
			return OptionalInt.empty();
		}
		if (parameter.valueType() == OptionalLong.class) {
			return OptionalLong.empty();
		}
		if (parameter.valueType() == OptionalDouble.class) {
			return OptionalDouble.empty();
		}
		if (parameter.primitive()) {
			Class<?> type = (Class<?>) parameter.valueType();
			if (type == boolean.class) {
				return false;
			}
			if (type == char.class) {
				return '\0';
			}
			if (type == long.class) {
				return 0L;
			}
			if (type == double.class) {
				return 0d;
			}
			if (type == float.class) {
				return 0f;
			}
			if (type == short.class) {
				return (short) 0;
			}
			if (type == byte.class) {
				return (byte) 0;
			}
			return 0;
		}
		return null;
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable value";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
