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

package sh.smooth.spring.test;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a simple value that satisfies a JSON Schema, so structured outputs and
 * {@code extract} results look plausible without scripting. Prefers {@code const},
 * {@code default}, {@code examples} and the first {@code enum} value; otherwise one value
 * per type. Follows local {@code $ref}s into {@code $defs} / {@code definitions}.
 */
final class SchemaExamples {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	// generated schemas can be recursive (a tree of nodes): stop somewhere
	private static final int MAX_DEPTH = 8;

	private SchemaExamples() {
	}

	static JsonNode example(JsonNode schema) {
		return example(schema, schema, 0);
	}

	private static JsonNode example(JsonNode schema, JsonNode root, int depth) {
		if (schema == null || !schema.isObject() || depth > MAX_DEPTH) {
			return NODES.nullNode();
		}
		if (schema.has("const")) {
			return schema.get("const");
		}
		if (schema.has("default")) {
			return schema.get("default");
		}
		JsonNode examples = schema.get("examples");
		if (examples != null && examples.isArray() && !examples.isEmpty()) {
			return examples.get(0);
		}
		JsonNode enumValues = schema.get("enum");
		if (enumValues != null && enumValues.isArray() && !enumValues.isEmpty()) {
			return enumValues.get(0);
		}
		JsonNode ref = schema.get("$ref");
		if (ref != null && ref.isString()) {
			return example(resolve(ref.asString(), root), root, depth + 1);
		}
		for (String combinator : new String[] { "allOf", "anyOf", "oneOf" }) {
			JsonNode options = schema.get(combinator);
			if (options != null && options.isArray()) {
				// the first option that is not plain null gives the most useful example
				for (JsonNode option : options.values()) {
					if (!"null".equals(option.path("type").asString(""))) {
						return example(option, root, depth + 1);
					}
				}
			}
		}
		String type = type(schema);
		switch (type) {
			case "object":
				ObjectNode object = NODES.objectNode();
				JsonNode properties = schema.get("properties");
				if (properties != null && properties.isObject()) {
					for (Map.Entry<String, JsonNode> property : properties.properties()) {
						object.set(property.getKey(), example(property.getValue(), root, depth + 1));
					}
				}
				return object;
			case "array":
				ArrayNode array = NODES.arrayNode();
				int count = Math.max(1, schema.path("minItems").asInt(1));
				for (int i = 0; i < count; i++) {
					array.add(example(schema.get("items"), root, depth + 1));
				}
				return array;
			case "string":
				return NODES.stringNode(stringExample(schema));
			case "integer":
				return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asLong() : 1L);
			case "number":
				return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() : 1.5);
			case "boolean":
				return NODES.booleanNode(true);
			default:
				return NODES.nullNode();
		}
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.get("type");
		if (type != null && type.isString()) {
			return type.asString();
		}
		if (type != null && type.isArray()) {
			for (JsonNode option : type.values()) {
				if (!"null".equals(option.asString())) {
					return option.asString();
				}
			}
			return "null";
		}
		if (schema.has("properties")) {
			return "object";
		}
		if (schema.has("items")) {
			return "array";
		}
		return "null";
	}

	private static String stringExample(JsonNode schema) {
		String format = schema.path("format").asString("");
		switch (format) {
			case "date-time":
				return "2026-01-01T00:00:00Z";
			case "date":
				return "2026-01-01";
			case "uri":
			case "url":
				return "https://example.com/";
			case "email":
				return "user@example.com";
			default:
				return "example";
		}
	}

	private static JsonNode resolve(String ref, JsonNode root) {
		if (!ref.startsWith("#")) {
			return null;
		}
		// JSON pointer into the same document, e.g. #/$defs/Address
		JsonNode target = root.at(ref.substring(1));
		return target.isMissingNode() ? null : target;
	}

}
