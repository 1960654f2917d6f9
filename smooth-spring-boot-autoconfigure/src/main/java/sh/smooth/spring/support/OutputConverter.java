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

package sh.smooth.spring.support;

import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.error.SmoothOutputMappingException;

/**
 * Converts agent output (JSON) to Java types. A failure names the JSON path where the
 * output did not fit.
 */
public final class OutputConverter {

	private final JsonMapper mapper;

	/**
	 * Creates a converter.
	 * @param mapper the mapper
	 */
	public OutputConverter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The mapper used.
	 * @return the mapper
	 */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Converts output to a type.
	 * @param <T> the type
	 * @param output the output (may be a JSON text inside a string)
	 * @param type the target type
	 * @return the value, {@code null} for a JSON null
	 */
	public <T> @Nullable T convert(@Nullable JsonNode output, Type type) {
		return convert(output, type, null);
	}

	/**
	 * Converts the output of a task to a type. A failure carries the task id and the
	 * whole output.
	 * @param <T> the type
	 * @param output the output (may be a JSON text inside a string)
	 * @param type the target type
	 * @param taskId the task the output belongs to, or {@code null}
	 * @return the value, {@code null} for a JSON null
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T convert(@Nullable JsonNode output, Type type, @Nullable String taskId) {
		JavaType javaType = this.mapper.getTypeFactory().constructType(type);
		JsonNode node = unwrapJsonText(output, javaType);
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		try {
			return (T) this.mapper.treeToValue(node, javaType);
		}
		catch (JacksonException ex) {
			throw new SmoothOutputMappingException(javaType.toCanonical(), "$" + jsonPath(ex), ex.getOriginalMessage(),
					taskId, text(output), ex);
		}
	}

	private static @Nullable String text(@Nullable JsonNode output) {
		if (output == null) {
			return null;
		}
		return output.isString() ? output.asString() : output.toString();
	}

	private @Nullable JsonNode unwrapJsonText(@Nullable JsonNode output, JavaType type) {
		// some agents answer structured output as a JSON string; accept it unless a
		// String was asked for
		if (output != null && output.isString() && !type.hasRawClass(String.class)) {
			String text = output.asString().trim();
			if (text.startsWith("{") || text.startsWith("[")) {
				try {
					return this.mapper.readTree(text);
				}
				catch (JacksonException ex) {
					return output;
				}
			}
		}
		return output;
	}

	/**
	 * The JSON path where Jackson failed, such as {@code .stories[2].points}.
	 * @param ex the failure
	 * @return the path, relative to the root
	 */
	public static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
