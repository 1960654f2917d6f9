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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The arguments a model sent to a tool, read field by field. A field of the wrong type, a
 * missing required field or a field the tool does not have is refused with a message that
 * names the field, so that the model can correct its call.
 */
final class ModelInput {

	private final ObjectNode input;

	private ModelInput(ObjectNode input) {
		this.input = input;
	}

	/**
	 * Parses the arguments: {@code null} or blank is {@code {}}.
	 * @param mapper the mapper
	 * @param text the arguments as the model wrote them
	 * @param fields the fields the tool has
	 * @return the input
	 */
	static ModelInput parse(JsonMapper mapper, @Nullable String text, Set<String> fields) {
		JsonNode node;
		try {
			node = (text == null || text.isBlank()) ? mapper.createObjectNode() : mapper.readTree(text);
		}
		catch (JacksonException ex) {
			throw new SmoothAiRefusal("The arguments are not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || node.isNull() || node.isMissingNode()) {
			node = mapper.createObjectNode();
		}
		if (!(node instanceof ObjectNode object)) {
			throw new SmoothAiRefusal("The arguments must be a JSON object, got " + node.getNodeType());
		}
		List<String> unknown = new ArrayList<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			if (!fields.contains(property.getKey())) {
				unknown.add(property.getKey());
			}
		}
		if (!unknown.isEmpty()) {
			throw new SmoothAiRefusal("Unknown argument(s) " + unknown + "; this tool takes " + fields);
		}
		return new ModelInput(object);
	}

	String requiredText(String field) {
		String value = text(field);
		if (value == null || value.isBlank()) {
			throw new SmoothAiRefusal("'" + field + "' is required and must be a non-empty string");
		}
		return value;
	}

	@Nullable String text(String field) {
		JsonNode value = this.input.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new SmoothAiRefusal("'" + field + "' must be a string, got " + value.getNodeType());
		}
		return value.asString();
	}

	@Nullable Integer integer(String field) {
		JsonNode value = this.input.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new SmoothAiRefusal("'" + field + "' must be an integer, got " + value);
		}
		return value.asInt();
	}

	List<String> texts(String field) {
		JsonNode value = this.input.get(field);
		if (value == null || value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw new SmoothAiRefusal("'" + field + "' must be an array of strings, got " + value.getNodeType());
		}
		List<String> result = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString() || item.asString().isBlank()) {
				throw new SmoothAiRefusal("'" + field + "' must hold non-empty strings only, got " + item);
			}
			result.add(item.asString());
		}
		return result;
	}

	@Nullable ObjectNode object(String field) {
		JsonNode value = this.input.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!(value instanceof ObjectNode object)) {
			throw new SmoothAiRefusal("'" + field + "' must be a JSON object, got " + value.getNodeType());
		}
		return object;
	}

}
