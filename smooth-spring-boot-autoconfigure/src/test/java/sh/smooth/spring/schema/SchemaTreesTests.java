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

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static sh.smooth.spring.schema.SchemaAssertions.MAPPER;
import static sh.smooth.spring.schema.SchemaAssertions.assertSchema;

/**
 * Tree rules that Java types reach only in rare shapes, checked on hand-written schemas.
 */
class SchemaTreesTests {

	@Test
	void formatKeywordIsStrippedButPropertiesAndValuesNamedFormatStay() {
		ObjectNode schema = parse("""
				{
				  "type": "object",
				  "properties": {
				    "format": { "type": "string", "format": "uuid" },
				    "when": { "type": "string", "format": "date", "default": { "format": "keep me" } }
				  }
				}
				""");
		SchemaTrees.stripFormat(schema);
		assertSchema(schema, """
				{
				  "type": "object",
				  "properties": {
				    "format": { "type": "string" },
				    "when": { "type": "string", "default": { "format": "keep me" } }
				  }
				}
				""");
	}

	@Test
	void definitionIsRenamedWhenADefinitionItRefersToWasRenamed() {
		ObjectNode merged = parse("""
				{
				  "Item": { "type": "object", "properties": { "part": { "$ref": "#/$defs/Part" } } },
				  "Part": { "type": "string" }
				}
				""");
		// same Item text, but its Part is a different type: both must be renamed
		ObjectNode schema = parse("""
				{
				  "type": "array",
				  "items": { "$ref": "#/$defs/Item" },
				  "$defs": {
				    "Item": { "type": "object", "properties": { "part": { "$ref": "#/$defs/Part" } } },
				    "Part": { "type": "integer" }
				  }
				}
				""");
		List<String> names = SchemaTrees.mergeDefinitions(merged, schema);
		assertThat(names).containsExactlyInAnyOrder("Item_2", "Part_2");
		assertSchema(schema, """
				{ "type": "array", "items": { "$ref": "#/$defs/Item_2" } }
				""");
		assertSchema(merged.get("Item_2"), """
				{ "type": "object", "properties": { "part": { "$ref": "#/$defs/Part_2" } } }
				""");
		assertSchema(merged.get("Part_2"), """
				{ "type": "integer" }
				""");
	}

	@Test
	void annotationOnlyAllOfIsFlattenedButARealIntersectionIsKept() {
		ObjectNode annotated = parse("""
				{ "allOf": [ { "$ref": "#/$defs/Address" }, { "description": "Home" } ] }
				""");
		SchemaTrees.flattenAnnotationAllOf(annotated);
		assertSchema(annotated, """
				{ "$ref": "#/$defs/Address", "description": "Home" }
				""");
		String intersection = """
				{ "allOf": [ { "type": "object" }, { "required": ["id"] } ] }
				""";
		ObjectNode real = parse(intersection);
		SchemaTrees.flattenAnnotationAllOf(real);
		assertSchema(real, intersection);
	}

	private static ObjectNode parse(String json) {
		return (ObjectNode) MAPPER.readTree(json);
	}

}
