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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.reactivestreams.Publisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.ResolvableType;

import sh.smooth.spring.schema.SchemaTrees;
import sh.smooth.spring.schema.SmoothSchemaGenerator;

/**
 * Builds the input schema of a tool method, the one implementation of method to input
 * schema: an object whose properties are the parameters by name, each with the schema of
 * its type, {@code "additionalProperties": false}, and every parameter in
 * {@code required} unless it is {@code Optional} (or {@code OptionalInt}, ...),
 * {@code @Nullable} or {@code @SmoothToolParam(required = false)}. {@code required} is
 * left out when no parameter is required, as in the type schemas of
 * {@link SmoothSchemaGenerator}: an empty array means the same and is invalid for
 * draft-04 validators. The injected {@link SmoothToolContext} is no property.
 * <p>
 * The {@code $defs} of the parameter schemas are merged at the root: a definition shared
 * by two parameters appears once, two different types with the same name are told apart
 * as {@code Name_2}, and a recursive parameter type refers to its definition instead of
 * being described twice. Every {@code $ref} resolves from the root.
 * <p>
 * A lone record parameter stays under its parameter name: {@code void save(Order order)}
 * takes {@code {"order": {...}}}.
 */
public final class ToolInputSchemas {

	private final SmoothSchemaGenerator generator;

	/**
	 * Creates the builder on a type schema generator.
	 * @param generator the schemas of the parameter types; the auto-configuration shares
	 * the application's generator (and its cache) with structured output
	 */
	public ToolInputSchemas(SmoothSchemaGenerator generator) {
		this.generator = generator;
	}

	/**
	 * A builder on its own {@link SmoothSchemaGenerator} with
	 * {@link SmoothToolParamSchemaModule}; the auto-configuration shares the
	 * application's generator instead.
	 * @return the builder
	 */
	public static ToolInputSchemas withDefaultGenerator() {
		return new ToolInputSchemas(new SmoothSchemaGenerator(List.of(new SmoothToolParamSchemaModule())));
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
		while ((Future.class.isAssignableFrom(raw) || CompletionStage.class.isAssignableFrom(raw)
				|| Publisher.class.isAssignableFrom(raw) || raw == Optional.class) && type.hasGenerics()) {
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
		return "JSON matching this schema: " + this.generator.schemaFor(type.getType());
	}

	ObjectNode inputSchema(List<ToolParameter> parameters) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		ObjectNode properties = nodes.objectNode();
		ArrayNode required = nodes.arrayNode();
		ObjectNode defs = nodes.objectNode();
		for (ToolParameter parameter : parameters) {
			if (parameter.context()) {
				continue;
			}
			ObjectNode schema = this.generator.schemaFor(parameter.valueType());
			List<String> ownDefinitions = SchemaTrees.mergeDefinitions(defs, schema);
			ObjectNode property = referToOwnDefinition(schema, defs, ownDefinitions);
			if (parameter.description() != null) {
				property.put("description", parameter.description());
			}
			properties.set(parameter.name(), property);
			if (parameter.required()) {
				required.add(parameter.name());
			}
		}
		ObjectNode root = nodes.objectNode();
		root.put("type", "object");
		root.set("properties", properties);
		if (!required.isEmpty()) {
			root.set("required", required);
		}
		root.put("additionalProperties", false);
		if (!defs.isEmpty()) {
			root.set(SchemaTrees.DEFS, defs);
		}
		return root;
	}

	/**
	 * A recursive parameter type arrives inline with a copy of itself in {@code $defs}
	 * (the generator never refers to {@code "#"}); a reference avoids describing it
	 * twice.
	 */
	private static ObjectNode referToOwnDefinition(ObjectNode schema, ObjectNode defs, List<String> ownDefinitions) {
		for (String name : ownDefinitions) {
			if (schema.equals(defs.get(name))) {
				return JsonNodeFactory.instance.objectNode().put(SchemaTrees.REF, SchemaTrees.refTo(name));
			}
		}
		return schema;
	}

}
