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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * Checks JSON values against the subset of JSON Schema that the official OpenAPI document
 * uses: {@code type}, {@code properties}, {@code required}, {@code additionalProperties},
 * {@code items}, {@code enum}, {@code minimum}, {@code maximum}, {@code anyOf},
 * {@code format: uri} and local {@code $ref}s.
 * <p>
 * A document that uses any other validation keyword is refused when it is loaded
 * ({@link #requireSupported}), so a newer document can never be checked only in part
 * without anybody noticing.
 */
final class OpenApiSchema {

	/** Keywords that constrain a value, all of which {@link #check} implements. */
	private static final Set<String> VALIDATING = Set.of("type", "properties", "required", "additionalProperties",
			"items", "enum", "minimum", "maximum", "anyOf", "format", "$ref");

	/** Keywords that only annotate. */
	private static final Set<String> ANNOTATING = Set.of("title", "description", "default", "examples", "example");

	private final JsonNode document;

	OpenApiSchema(JsonNode document) {
		this.document = document;
	}

	/**
	 * Fails when a schema uses a keyword this class does not implement.
	 * @param schema the schema to walk
	 * @param where a JSON pointer into the document, for the message
	 */
	void requireSupported(JsonNode schema, String where) {
		if (schema == null || !schema.isObject()) {
			return;
		}
		for (Map.Entry<String, JsonNode> entry : schema.properties()) {
			String keyword = entry.getKey();
			if (!VALIDATING.contains(keyword) && !ANNOTATING.contains(keyword)) {
				throw new IllegalStateException("The OpenAPI document uses the keyword '" + keyword + "' at " + where
						+ ", which the simulator's check does not implement");
			}
		}
		JsonNode format = schema.get("format");
		if (format != null && !Set.of("uri", "binary").contains(format.asString())) {
			throw new IllegalStateException("The OpenAPI document uses format '" + format.asString() + "' at " + where
					+ ", which is not checked");
		}
		JsonNode properties = schema.get("properties");
		if (properties != null) {
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				requireSupported(property.getValue(), where + "/properties/" + property.getKey());
			}
		}
		if (schema.has("additionalProperties")) {
			requireSupported(schema.get("additionalProperties"), where + "/additionalProperties");
		}
		requireSupported(schema.get("items"), where + "/items");
		JsonNode anyOf = schema.get("anyOf");
		if (anyOf != null) {
			for (int i = 0; i < anyOf.size(); i++) {
				requireSupported(anyOf.get(i), where + "/anyOf/" + i);
			}
		}
	}

	/**
	 * Checks a value.
	 * @param schema the schema
	 * @param value the value
	 * @param pointer the value's JSON pointer in the request body, such as
	 * {@code /max_steps}
	 * @param problems receives one entry per violation
	 */
	void check(JsonNode schema, JsonNode value, String pointer, List<Problem> problems) {
		if (schema == null || !schema.isObject()) {
			return;
		}
		JsonNode ref = schema.get("$ref");
		if (ref != null) {
			check(resolve(ref.asString()), value, pointer, problems);
			return;
		}
		JsonNode anyOf = schema.get("anyOf");
		if (anyOf != null) {
			checkAnyOf(anyOf, value, pointer, problems);
		}
		JsonNode type = schema.get("type");
		if (type != null && !hasType(value, type.asString())) {
			problems.add(new Problem("type", at(pointer) + "instance type (" + typeOf(value)
					+ ") does not match the expected type (" + type.asString() + ")"));
			return;
		}
		JsonNode allowed = schema.get("enum");
		if (allowed != null && !contains(allowed, value)) {
			problems.add(new Problem("enum", at(pointer) + "instance value (" + value
					+ ") not found in enum (possible values: " + allowed + ")"));
		}
		if (value.isNumber()) {
			checkRange(schema, value, pointer, problems);
		}
		if (value.isString() && schema.has("format") && "uri".equals(schema.get("format").asString())) {
			checkUri(value.asString(), pointer, problems);
		}
		if (value.isObject()) {
			checkObject(schema, value, pointer, problems);
		}
		if (value.isArray() && schema.has("items")) {
			for (int i = 0; i < value.size(); i++) {
				check(schema.get("items"), value.get(i), pointer + "/" + i, problems);
			}
		}
	}

	private void checkAnyOf(JsonNode anyOf, JsonNode value, String pointer, List<Problem> problems) {
		List<String> reasons = new ArrayList<>();
		for (JsonNode candidate : anyOf.values()) {
			List<Problem> attempt = new ArrayList<>();
			check(candidate, value, pointer, attempt);
			if (attempt.isEmpty()) {
				return;
			}
			reasons.add(attempt.stream().map(Problem::message).collect(Collectors.joining("; ")));
		}
		problems.add(new Problem("anyOf", at(pointer) + "instance failed to match at least one required schema among "
				+ anyOf.size() + " | " + String.join(" | ", reasons)));
	}

	private static void checkRange(JsonNode schema, JsonNode value, String pointer, List<Problem> problems) {
		JsonNode minimum = schema.get("minimum");
		if (minimum != null && value.decimalValue().compareTo(minimum.decimalValue()) < 0) {
			problems.add(new Problem("minimum",
					at(pointer) + "numeric instance is lower than the required minimum (minimum: " + minimum
							+ ", found: " + value + ")"));
		}
		JsonNode maximum = schema.get("maximum");
		if (maximum != null && value.decimalValue().compareTo(maximum.decimalValue()) > 0) {
			problems.add(new Problem("maximum",
					at(pointer) + "numeric instance is greater than the required maximum (maximum: " + maximum
							+ ", found: " + value + ")"));
		}
	}

	private static void checkUri(String text, String pointer, List<Problem> problems) {
		try {
			if (!new URI(text).isAbsolute()) {
				problems.add(new Problem("format", at(pointer) + "string \"" + text + "\" is not an absolute URI"));
			}
		}
		catch (URISyntaxException ex) {
			problems.add(new Problem("format", at(pointer) + "string \"" + text + "\" is not a valid URI"));
		}
	}

	private void checkObject(JsonNode schema, JsonNode value, String pointer, List<Problem> problems) {
		JsonNode required = schema.get("required");
		if (required != null) {
			List<String> missing = new ArrayList<>();
			for (JsonNode name : required.values()) {
				if (!value.has(name.asString())) {
					missing.add("\"" + name.asString() + "\"");
				}
			}
			if (!missing.isEmpty()) {
				problems.add(new Problem("required",
						at(pointer) + "object has missing required properties ([" + String.join(",", missing) + "])"));
			}
		}
		JsonNode properties = schema.get("properties");
		JsonNode additional = schema.get("additionalProperties");
		for (Map.Entry<String, JsonNode> member : value.properties()) {
			String child = pointer + "/" + member.getKey();
			JsonNode declared = (properties != null) ? properties.get(member.getKey()) : null;
			if (declared != null) {
				check(declared, member.getValue(), child, problems);
			}
			else if (additional != null && additional.isObject()) {
				check(additional, member.getValue(), child, problems);
			}
			else if (properties != null && (additional == null || additional.isBoolean() && !additional.asBoolean())) {
				// the document declares its fields and no open map: an unknown field is
				// a typo or a field the server ignores
				problems.add(new Problem("additionalProperties", at(pointer)
						+ "object instance has a property not allowed by the schema: \"" + member.getKey() + "\""));
			}
		}
	}

	private JsonNode resolve(String ref) {
		if (!ref.startsWith("#/")) {
			throw new IllegalStateException("Only local $refs are supported, found " + ref);
		}
		JsonNode target = this.document.at(ref.substring(1));
		if (target.isMissingNode()) {
			throw new IllegalStateException("Unresolvable $ref " + ref);
		}
		return target;
	}

	static boolean hasType(JsonNode value, String type) {
		return switch (type) {
			case "object" -> value.isObject();
			case "array" -> value.isArray();
			case "string" -> value.isString();
			case "boolean" -> value.isBoolean();
			case "null" -> value.isNull();
			case "number" -> value.isNumber();
			case "integer" ->
				value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
			default -> throw new IllegalStateException("Unknown JSON Schema type " + type);
		};
	}

	private static String typeOf(JsonNode value) {
		if (value.isIntegralNumber()) {
			return "integer";
		}
		if (value.isNumber()) {
			return "number";
		}
		if (value.isString()) {
			return "string";
		}
		return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
	}

	private static boolean contains(JsonNode allowed, JsonNode value) {
		for (JsonNode candidate : allowed.values()) {
			if (candidate.equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static String at(String pointer) {
		return "[" + (pointer.isEmpty() ? "/" : pointer) + "] ";
	}

	/**
	 * One violation.
	 *
	 * @param keyword the JSON Schema keyword that failed, such as {@code maximum}
	 * @param message what failed, starting with the JSON pointer of the value
	 */
	record Problem(String keyword, String message) {

	}

}
