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

package sh.smooth.spring.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Post-processing of generated schema trees: inlining the main definition, stripping
 * {@code format}, flattening annotation-only {@code allOf}, and merging the {@code $defs}
 * of several schemas into one root (public for the tools feature, which composes a
 * method's input schema from the schemas of its parameter types).
 */
public final class SchemaTrees {

	/** The keyword of the definitions. */
	public static final String DEFS = "$defs";

	/** The keyword of a reference. */
	public static final String REF = "$ref";

	private static final String DEFS_PREFIX = "#/$defs/";

	/** Keywords that only annotate and never constrain. */
	private static final Set<String> ANNOTATION_KEYWORDS = Set.of("title", "description", "default", "examples",
			"deprecated", "readOnly", "writeOnly", "$comment");

	/** Keywords whose value maps names to subschemas. */
	private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", DEFS, "definitions",
			"patternProperties", "dependentSchemas");

	/** Keywords whose value is a subschema or an array of subschemas. */
	private static final Set<String> SCHEMA_KEYWORDS = Set.of("items", "prefixItems", "additionalItems",
			"additionalProperties", "unevaluatedItems", "unevaluatedProperties", "propertyNames", "contains", "not",
			"if", "then", "else", "allOf", "anyOf", "oneOf");

	private SchemaTrees() {
	}

	/**
	 * Turns victools' {@code {"$ref":"#/$defs/Main","$defs":{...}}} root into the main
	 * schema itself. The main definition stays in {@code $defs} only when something
	 * refers to it (a recursive type), so every reference in the result has the
	 * {@code #/$defs/Name} form and none points at the document root ({@code "#"}), which
	 * would break once the schema is nested in another one.
	 * @param generated the generator output, modified in place
	 * @return the root schema
	 */
	static ObjectNode inlineMainDefinition(ObjectNode generated) {
		String mainRef = textOf(generated.get(REF));
		String mainName = definitionName(mainRef);
		if (mainName == null || !(generated.get(DEFS) instanceof ObjectNode defs)
				|| !(defs.get(mainName) instanceof ObjectNode main)) {
			return generated;
		}
		ObjectNode root = main.deepCopy();
		for (Map.Entry<String, JsonNode> entry : generated.properties()) {
			if (!entry.getKey().equals(REF) && !entry.getKey().equals(DEFS)) {
				root.set(entry.getKey(), entry.getValue());
			}
		}
		boolean recursive = false;
		for (JsonNode definition : defs.values()) {
			recursive = recursive || references(definition, mainRef);
		}
		if (!recursive) {
			defs.remove(mainName);
		}
		if (!defs.isEmpty()) {
			root.set(DEFS, defs);
		}
		return root;
	}

	/**
	 * Removes every {@code format} keyword: some model providers reject formats they do
	 * not know, and the description carries the intent well enough.
	 * @param node the schema, modified in place
	 */
	static void stripFormat(JsonNode node) {
		if (node instanceof ObjectNode object) {
			object.remove("format");
		}
		forEachSubschema(node, SchemaTrees::stripFormat);
	}

	/**
	 * Flattens the {@code allOf} victools emits when a property and its type both set the
	 * same annotation (a {@code @JsonPropertyDescription} on a property whose record has
	 * a {@code @JsonClassDescription}): {@code {"allOf":[{...type...},
	 * {"description":"..."}]}} becomes the type with the property's description, which is
	 * what a reader expects and simpler for model providers.
	 * @param node the schema, modified in place
	 */
	static void flattenAnnotationAllOf(JsonNode node) {
		forEachSubschema(node, SchemaTrees::flattenAnnotationAllOf);
		if (!(node instanceof ObjectNode object) || object.size() != 1
				|| !(object.get("allOf") instanceof ArrayNode allOf)) {
			return;
		}
		ObjectNode structural = null;
		for (JsonNode part : allOf) {
			if (!(part instanceof ObjectNode partObject)) {
				return;
			}
			if (!ANNOTATION_KEYWORDS.containsAll(partObject.propertyNames())) {
				if (structural != null) {
					// two real schemas: a genuine intersection, keep it
					return;
				}
				structural = partObject;
			}
		}
		if (structural == null) {
			return;
		}
		ObjectNode flat = structural.deepCopy();
		for (JsonNode part : allOf) {
			if (part != structural) {
				// the annotations come from the property, more specific than its type
				flat.setAll((ObjectNode) part);
			}
		}
		object.removeAll();
		object.setAll(flat);
	}

	/**
	 * Moves the {@code $defs} of {@code schema} into {@code mergedDefs}. A definition
	 * equal to one already there is shared; a different one with a taken name is renamed
	 * ({@code Name_2}, ...) and the references in {@code schema} follow.
	 * @param mergedDefs the definitions collected so far, modified in place
	 * @param schema a schema with its own {@code $defs}, whose definitions are removed
	 * and whose references are rewritten in place
	 * @return the names, after renaming, of the definitions {@code schema} brought
	 */
	public static List<String> mergeDefinitions(ObjectNode mergedDefs, ObjectNode schema) {
		if (!(schema.remove(DEFS) instanceof ObjectNode defs)) {
			return List.of();
		}
		Map<String, String> renames = planRenames(mergedDefs, defs);
		rewriteRefs(schema, renames);
		defs.values().forEach((definition) -> rewriteRefs(definition, renames));
		List<String> names = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : defs.properties()) {
			String name = renames.getOrDefault(entry.getKey(), entry.getKey());
			if (!mergedDefs.has(name)) {
				mergedDefs.set(name, entry.getValue());
			}
			names.add(name);
		}
		return names;
	}

	/**
	 * The reference to a definition.
	 * @param name the definition name
	 * @return {@code #/$defs/name}
	 */
	public static String refTo(String name) {
		return DEFS_PREFIX + name;
	}

	/**
	 * A definition may clash only after references inside it were renamed (a shared
	 * {@code Item} pointing at a renamed {@code Sub} is no longer the same {@code Item}),
	 * so this repeats until no new rename appears; every name is renamed at most once,
	 * which bounds the loop.
	 */
	private static Map<String, String> planRenames(ObjectNode mergedDefs, ObjectNode defs) {
		Map<String, String> renames = new HashMap<>();
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Map.Entry<String, JsonNode> entry : defs.properties()) {
				String name = entry.getKey();
				if (renames.containsKey(name) || !mergedDefs.has(name)) {
					continue;
				}
				JsonNode candidate = entry.getValue().deepCopy();
				rewriteRefs(candidate, renames);
				if (!candidate.equals(mergedDefs.get(name))) {
					renames.put(name, freshName(name, mergedDefs, defs, renames));
					changed = true;
				}
			}
		}
		return renames;
	}

	private static String freshName(String name, ObjectNode mergedDefs, ObjectNode defs, Map<String, String> renames) {
		for (int i = 2;; i++) {
			String candidate = name + "_" + i;
			if (!mergedDefs.has(candidate) && !defs.has(candidate) && !renames.containsValue(candidate)) {
				return candidate;
			}
		}
	}

	private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
		if (renames.isEmpty()) {
			return;
		}
		if (node instanceof ObjectNode object) {
			String name = definitionName(textOf(object.get(REF)));
			if (name != null && renames.containsKey(name)) {
				object.put(REF, refTo(renames.get(name)));
			}
		}
		forEachSubschema(node, (child) -> rewriteRefs(child, renames));
	}

	private static boolean references(JsonNode node, String ref) {
		if (node instanceof ObjectNode object && ref.equals(textOf(object.get(REF)))) {
			return true;
		}
		List<JsonNode> children = new ArrayList<>();
		forEachSubschema(node, children::add);
		for (JsonNode child : children) {
			if (references(child, ref)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Visits the subschemas of a schema, knowing which keywords hold schemas: walking
	 * every child blindly would mistake a property called {@code format}, or a
	 * {@code default} value, for a keyword.
	 */
	private static void forEachSubschema(JsonNode schema, Consumer<JsonNode> action) {
		if (!(schema instanceof ObjectNode object)) {
			return;
		}
		for (Map.Entry<String, JsonNode> entry : object.properties()) {
			JsonNode value = entry.getValue();
			if (SCHEMA_MAP_KEYWORDS.contains(entry.getKey()) && value.isObject()) {
				value.forEach(action);
			}
			else if (SCHEMA_KEYWORDS.contains(entry.getKey())) {
				if (value.isObject()) {
					action.accept(value);
				}
				else if (value.isArray()) {
					value.forEach(action);
				}
			}
		}
	}

	private static @Nullable String definitionName(@Nullable String ref) {
		return (ref != null && ref.startsWith(DEFS_PREFIX)) ? ref.substring(DEFS_PREFIX.length()) : null;
	}

	private static @Nullable String textOf(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

}
