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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Golden tests of tool input schemas: one per rule.
 */
class ToolInputSchemasTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ToolInputSchemas schemas = ToolInputSchemas.withDefaultGenerator();

	@Test
	void scalarsAndEnumsAreRequiredByName() {
		assertSchema("scalars", """
				{"type":"object","properties":{
				  "text":{"type":"string"},"count":{"type":"integer"},"big":{"type":"integer"},
				  "ratio":{"type":"number"},"flag":{"type":"boolean"},
				  "priority":{"type":"string","enum":["LOW","HIGH"]}},
				 "required":["text","count","big","ratio","flag","priority"],"additionalProperties":false}
				""");
	}

	@Test
	void listsMapsAndArrays() {
		assertSchema("collections", """
				{"type":"object","properties":{
				  "tags":{"type":"array","items":{"type":"string"}},
				  "counts":{"type":"object","additionalProperties":{"type":"integer"}},
				  "names":{"type":"array","items":{"type":"string"}}},
				 "required":["tags","counts","names"],"additionalProperties":false}
				""");
	}

	@Test
	void nestedRecordsKeepDescriptionsOnTheirComponents() {
		assertSchema("nested", """
				{"type":"object","properties":{
				  "address":{"type":"object","description":"Delivery address","properties":{
				    "country":{"type":"string","description":"ISO country code"},
				    "street":{"type":"object","description":"Where to deliver","properties":{
				      "floor":{"type":"integer","description":"Floor, if any"},
				      "line":{"type":"string","description":"Street name and number"}},
				     "required":["line"],"additionalProperties":false}},
				   "required":["street"],"additionalProperties":false}},
				 "required":["address"],"additionalProperties":false}
				""");
	}

	@Test
	void optionalNullableAndNotRequiredAreLeftOutOfRequiredAndTheContextIsSkipped() {
		assertSchema("optionals", """
				{"type":"object","properties":{
				  "email":{"type":"string"},"note":{"type":"string"},
				  "limit":{"type":"integer","description":"How many"},"forced":{"type":"string"}},
				 "required":["forced"],"additionalProperties":false}
				""");
	}

	@Test
	void recursiveRecordIsMovedToRootDefs() {
		// the parameter refers to the definition instead of repeating it inline (the
		// schema used to carry Category twice: inline and in $defs)
		assertSchema("recursive", """
				{"type":"object","properties":{"root":{"$ref":"#/$defs/Category"}},
				 "required":["root"],"additionalProperties":false,
				 "$defs":{"Category":{"type":"object","properties":{
				   "children":{"type":"array","items":{"$ref":"#/$defs/Category"}},
				   "name":{"type":"string"}},"required":["name","children"],"additionalProperties":false}}}
				""");
	}

	@Test
	void loneRecordParameterStaysUnderItsName() {
		assertSchema("lone", """
				{"type":"object","properties":{"order":{"type":"object","properties":{
				   "number":{"type":"string"},"quantity":{"type":"integer"}},
				   "required":["number","quantity"],"additionalProperties":false}},
				 "required":["order"],"additionalProperties":false}
				""");
	}

	@Test
	void namesAndDescriptionsFromAnnotations() {
		assertSchema("renamed", """
				{"type":"object","properties":{
				  "order_number":{"type":"string"},
				  "requester":{"type":"string","description":"Who asks"}},
				 "required":["order_number","requester"],"additionalProperties":false}
				""");
	}

	@Test
	void parameterDefsAreHoistedAndRenamedWhenTheyDiffer() {
		// two parameters whose schemas each carry a different "Item" definition, and a
		// third that shares the first one's; renamed as Name_2 (the one merge of
		// SchemaTrees, used to be Name-2)
		ObjectNode schema = this.schemas
			.inputSchema(List.of(new ToolParameter(0, "a", SchemaFixtures.Shop.Cart.class, false, true, null, false),
					new ToolParameter(1, "b", SchemaFixtures.Library.Shelf.class, false, true, null, false),
					new ToolParameter(2, "c", SchemaFixtures.Shop.Cart.class, false, false, null, false)));
		assertThat(schema).isEqualTo(json.readTree(
				"""
						{"type":"object","properties":{
						  "a":{"type":"object","properties":{"first":{"$ref":"#/$defs/Item"},"second":{"$ref":"#/$defs/Item"}},
						       "required":["first","second"],"additionalProperties":false},
						  "b":{"type":"object","properties":{"left":{"$ref":"#/$defs/Item_2"},"right":{"$ref":"#/$defs/Item_2"}},
						       "required":["left","right"],"additionalProperties":false},
						  "c":{"type":"object","properties":{"first":{"$ref":"#/$defs/Item"},"second":{"$ref":"#/$defs/Item"}},
						       "required":["first","second"],"additionalProperties":false}},
						 "required":["a","b"],"additionalProperties":false,
						 "$defs":{
						  "Item":{"type":"object","properties":{"sku":{"type":"string"}},"required":["sku"],
						          "additionalProperties":false},
						  "Item_2":{"type":"object","properties":{"isbn":{"type":"string"}},"required":["isbn"],
						            "additionalProperties":false}}}
						"""));
	}

	@Test
	void outputDescriptionIsDerivedFromTheReturnType() throws Exception {
		assertThat(this.schemas.outputDescription(void.class)).isEqualTo("nothing (null)");
		assertThat(this.schemas.outputDescription(String.class)).isEqualTo("a string");
		assertThat(this.schemas.outputDescription(int.class)).isEqualTo("a number");
		Method future = getClass().getDeclaredMethod("futureOrder");
		assertThat(this.schemas.outputDescription(future.getGenericReturnType())).isEqualTo(
				"JSON matching this schema: {\"type\":\"object\",\"properties\":{\"number\":{\"type\":\"string\"},"
						+ "\"quantity\":{\"type\":\"integer\"}},\"required\":[\"number\",\"quantity\"],"
						+ "\"additionalProperties\":false}");
	}

	@Test
	void unbindableParameterFailsWithTheMethod() throws Exception {
		Method method = getClass().getDeclaredMethod("unbindable", Runnable.class);
		assertThatIllegalStateException().isThrownBy(() -> this.schemas.inputSchema(method))
			.withMessageContaining("unbindable(java.lang.Runnable)")
			.withMessageContaining("parameter 'task' of type java.lang.Runnable cannot be bound")
			.withMessageContaining("a Runnable cannot be read from JSON");
		Method abstractType = getClass().getDeclaredMethod("abstractType", List.class);
		assertThatIllegalStateException().isThrownBy(() -> this.schemas.inputSchema(abstractType))
			.withMessageContaining("parameter 'shapes' of type java.util.List<")
			.withMessageContaining(
					"Shape is abstract: use a concrete type, or declare its subtypes with @JsonTypeInfo");
	}

	interface Shape {

	}

	CompletableFuture<SchemaFixtures.Order> futureOrder() {
		return CompletableFuture.completedFuture(null);
	}

	void unbindable(Runnable task) {
	}

	void abstractType(List<Shape> shapes) {
	}

	private void assertSchema(String method, String expected) {
		Method found = Arrays.stream(SchemaFixtures.class.getDeclaredMethods())
			.filter((m) -> m.getName().equals(method))
			.findFirst()
			.orElseThrow();
		JsonNode actual = this.schemas.inputSchema(found);
		assertThat(actual).isEqualTo(json.readTree(expected));
	}

}
