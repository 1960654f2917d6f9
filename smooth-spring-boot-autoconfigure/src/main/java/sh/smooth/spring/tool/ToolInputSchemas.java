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

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ResolvableType;

import sh.smooth.spring.schema.SmoothSchemaGenerator;

/**
 * Builds the input schema of a tool method: an object whose properties are the parameters
 * by name, each with the schema of its type, {@code "additionalProperties": false}, and
 * every parameter in {@code required} unless it is {@code Optional}, {@code @Nullable} or
 * {@code @SmoothToolParam(required = false)}. The {@code $defs} of the parameter schemas
 * are hoisted to the root (renamed when two differ), and a parameter whose type refers to
 * itself is moved into {@code $defs}, so every {@code $ref} resolves from the root.
 * <p>
 * A lone record parameter stays under its parameter name: {@code void save(Order order)}
 * takes {@code {"order": {...}}}.
 */
public final class ToolInputSchemas {

	private static final String REF = "$ref";

	private static final String DEFS = "$defs";

	private static final String DEFS_PREFIX = "#/$defs/";

	private final Function<Type, ObjectNode> schemaFor;

	/**
	 * Creates the builder on a schema source.
	 * @param schemaFor the schema of one type (such as
	 * {@code SmoothSchemaGenerator::schemaFor}); the result may be modified
	 */
	public ToolInputSchemas(Function<Type, ObjectNode> schemaFor) {
		this.schemaFor = schemaFor;
	}

	/**
	 * A builder on its own {@link SmoothSchemaGenerator} with
	 * {@link SmoothToolParamSchemaModule}; the auto-configuration shares the
	 * application's generator instead.
	 * @return the builder
	 */
	public static ToolInputSchemas withDefaultGenerator() {
		return new ToolInputSchemas(new SmoothSchemaGenerator(List.of(new SmoothToolParamSchemaModule()))::schemaFor);
	}

	/**
	 * The input schema of a method.
	 * @param method the method
	 * @return a new schema
	 * @throws IllegalStateException when a parameter has no name or cannot be bound
	 */
	public ObjectNode inputSchema(Method method) {
		return inputSchema(ToolParameters.of(method, method.toGenericString()));
	}

	/**
	 * A free-text description of what a method returns, for a tool that does not set
	 * {@link SmoothTool#output()}: simple types in words, others as the JSON Schema of
	 * the type. Futures, {@code Mono} and {@code Optional} are unwrapped.
	 * @param returnType the generic return type
	 * @return the description
	 */
	public String outputDescription(Type returnType) {
		ResolvableType type = ResolvableType.forType(returnType);
		Class<?> raw = type.toClass();
		while ((java.util.concurrent.Future.class.isAssignableFrom(raw)
				|| java.util.concurrent.CompletionStage.class.isAssignableFrom(raw)
				|| org.reactivestreams.Publisher.class.isAssignableFrom(raw) || raw == java.util.Optional.class)
				&& type.hasGenerics()) {
			type = type.getGeneric(0);
			raw = type.toClass();
		}
		if (raw == void.class || raw == Void.class) {
			return "nothing (null)";
		}
		if (CharSequence.class.isAssignableFrom(raw) || raw == char.class || raw == Character.class) {
			return "a string";
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return "a boolean";
		}
		if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive())) {
			return "a number";
		}
		if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
			return "any JSON value";
		}
		ObjectNode schema = this.schemaFor.apply(type.getType()).deepCopy();
		schema.remove("$schema");
		return "JSON matching this schema: " + schema;
	}

	ObjectNode inputSchema(List<ToolParameter> parameters) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode root = nodes.objectNode();
		root.put("type", "object");
		ObjectNode properties = root.putObject("properties");
		ArrayNode required = root.putArray("required");
		root.put("additionalProperties", false);
		Map<String, JsonNode> defs = new LinkedHashMap<>();
		for (ToolParameter parameter : parameters) {
			if (parameter.context()) {
				continue;
			}
			ObjectNode schema = propertySchema(parameter.valueType(), defs);
			if (parameter.description() != null) {
				schema.put("description", parameter.description());
			}
			properties.set(parameter.name(), schema);
			if (parameter.required()) {
				required.add(parameter.name());
			}
		}
		if (!defs.isEmpty()) {
			ObjectNode hoisted = root.putObject(DEFS);
			defs.forEach(hoisted::set);
		}
		return root;
	}

	private ObjectNode propertySchema(Type type, Map<String, JsonNode> defs) {
		ObjectNode schema = this.schemaFor.apply(type).deepCopy();
		schema.remove("$schema");
		JsonNode local = schema.remove(DEFS);
		Map<String, String> renames = new HashMap<>();
		Map<String, JsonNode> incoming = new LinkedHashMap<>();
		if (local instanceof ObjectNode localDefs) {
			for (Map.Entry<String, JsonNode> entry : localDefs.properties()) {
				String name = freeName(entry.getKey(), entry.getValue(), defs, incoming);
				if (!name.equals(entry.getKey())) {
					renames.put(DEFS_PREFIX + entry.getKey(), DEFS_PREFIX + name);
				}
				incoming.put(name, entry.getValue());
			}
		}
		boolean moved = refersTo(schema, "#") || incoming.values().stream().anyMatch((def) -> refersTo(def, "#"));
		if (moved) {
			// "#" means this parameter's own schema: once nested under properties it must
			// live in $defs to stay reachable
			String self = freeName(ResolvableType.forType(type).toClass().getSimpleName(), schema, defs, incoming);
			renames.put("#", DEFS_PREFIX + self);
			incoming.put(self, schema);
			schema = JsonNodeFactory.instance.objectNode().put(REF, DEFS_PREFIX + self);
		}
		for (JsonNode def : incoming.values()) {
			rewriteRefs(def, renames);
		}
		if (!moved) {
			rewriteRefs(schema, renames);
		}
		incoming.forEach(defs::putIfAbsent);
		return schema;
	}

	private static String freeName(String wanted, JsonNode body, Map<String, JsonNode> defs,
			Map<String, JsonNode> incoming) {
		String name = wanted;
		for (int i = 2;; i++) {
			JsonNode existing = defs.get(name);
			if ((existing == null || existing.equals(body)) && !incoming.containsKey(name)) {
				return name;
			}
			name = wanted + "-" + i;
		}
	}

	private static boolean refersTo(JsonNode node, String target) {
		if (node.isObject()) {
			JsonNode ref = node.get(REF);
			if (ref != null && ref.isString() && ref.asString().equals(target)) {
				return true;
			}
		}
		for (JsonNode child : node) {
			if (refersTo(child, target)) {
				return true;
			}
		}
		return false;
	}

	private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
		if (renames.isEmpty()) {
			return;
		}
		if (node instanceof ObjectNode object) {
			JsonNode ref = object.get(REF);
			if (ref != null && ref.isString() && renames.containsKey(ref.asString())) {
				object.put(REF, renames.get(ref.asString()));
			}
		}
		for (JsonNode child : node) {
			rewriteRefs(child, renames);
		}
	}

}
