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
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.schema.TestModels.Address;
import sh.smooth.spring.schema.TestModels.CountingModule;
import sh.smooth.spring.schema.TestModels.Node;
import sh.smooth.spring.schema.TestModels.Order;
import sh.smooth.spring.schema.TestModels.Probe;
import sh.smooth.spring.schema.TestModels.Route;
import sh.smooth.spring.tool.SchemaFixtures.Library;
import sh.smooth.spring.tool.SchemaFixtures.Shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Golden tests for tool input schemas built by the one production implementation,
 * {@link ToolInputSchemas}, one rule each. They were written for the former second
 * implementation ({@code SmoothSchemaGenerator.inputSchemaFor} with a
 * {@code ParameterInfo}); what a caller supplied there now comes from the annotations
 * production reads ({@code @SmoothToolParam}, {@code SmoothToolContext}).
 */
class ToolInputSchemasMethodTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ToolInputSchemas schemas = ToolInputSchemas.withDefaultGenerator();

	@Test
	void parametersBecomeRequiredPropertiesNamedAfterThem() {
		assertSchema(inputSchema("search"), """
				{
				  "type": "object",
				  "properties": {
				    "query": { "type": "string" },
				    "limit": { "type": "integer" },
				    "exact": { "type": "boolean" }
				  },
				  "required": ["query", "limit", "exact"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void optionalAndNullableParametersAreNotRequired() {
		// OptionalInt counts as optional, as it does on record components (one Nullness
		// rule): production used to list "limit" as required
		assertSchema(inputSchema("find"), """
				{
				  "type": "object",
				  "properties": {
				    "query": { "type": "string" },
				    "language": { "type": "string" },
				    "page": { "type": "integer" },
				    "limit": { "type": "integer" },
				    "near": {
				      "type": "object",
				      "properties": { "street": { "type": "string" }, "city": { "type": "string" } },
				      "required": ["street", "city"],
				      "additionalProperties": false
				    }
				  },
				  "required": ["query"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void annotationsSupplyNamesDescriptionsAndRequiredness() {
		assertSchema(inputSchema("book"), """
				{
				  "type": "object",
				  "properties": {
				    "town": { "type": "string", "description": "Where to stay" },
				    "day": { "type": "string", "description": "Day of arrival" }
				  },
				  "required": ["town"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void theInjectedContextIsLeftOut() {
		assertSchema(inputSchema("act"), """
				{
				  "type": "object",
				  "properties": { "what": { "type": "string" } },
				  "required": ["what"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void loneRecordParameterStaysUnderItsName() {
		assertSchema(inputSchema("place"), """
				{
				  "type": "object",
				  "properties": {
				    "order": {
				      "type": "object",
				      "description": "A customer order",
				      "properties": {
				        "id": { "type": "string", "description": "Order number" },
				        "customer": {
				          "type": "object",
				          "description": "Who ordered",
				          "properties": {
				            "name": { "type": "string" },
				            "address": {
				              "type": "object",
				              "description": "Postal address",
				              "properties": { "street": { "type": "string" }, "city": { "type": "string" } },
				              "required": ["street", "city"],
				              "additionalProperties": false
				            }
				          },
				          "required": ["name", "address"],
				          "additionalProperties": false
				        }
				      },
				      "required": ["id", "customer"],
				      "additionalProperties": false
				    }
				  },
				  "required": ["order"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void definitionsOfTwoParametersAreMergedAtTheRoot() {
		assertSchema(inputSchema("compare"), """
				{
				  "type": "object",
				  "properties": {
				    "first": {
				      "type": "object",
				      "properties": { "from": { "$ref": "#/$defs/Address" }, "to": { "$ref": "#/$defs/Address" } },
				      "required": ["from", "to"],
				      "additionalProperties": false
				    },
				    "second": {
				      "type": "object",
				      "properties": { "from": { "$ref": "#/$defs/Address" }, "to": { "$ref": "#/$defs/Address" } },
				      "required": ["from", "to"],
				      "additionalProperties": false
				    }
				  },
				  "required": ["first", "second"],
				  "additionalProperties": false,
				  "$defs": {
				    "Address": {
				      "type": "object",
				      "properties": { "street": { "type": "string" }, "city": { "type": "string" } },
				      "required": ["street", "city"],
				      "additionalProperties": false
				    }
				  }
				}
				""");
	}

	@Test
	void clashingDefinitionNamesAreRenamed() {
		assertSchema(inputSchema("stock"), """
				{
				  "type": "object",
				  "properties": {
				    "cart": {
				      "type": "object",
				      "properties": { "first": { "$ref": "#/$defs/Item" }, "second": { "$ref": "#/$defs/Item" } },
				      "required": ["first", "second"],
				      "additionalProperties": false
				    },
				    "shelf": {
				      "type": "object",
				      "properties": { "left": { "$ref": "#/$defs/Item_2" }, "right": { "$ref": "#/$defs/Item_2" } },
				      "required": ["left", "right"],
				      "additionalProperties": false
				    }
				  },
				  "required": ["cart", "shelf"],
				  "additionalProperties": false,
				  "$defs": {
				    "Item": {
				      "type": "object",
				      "properties": { "sku": { "type": "string" } },
				      "required": ["sku"],
				      "additionalProperties": false
				    },
				    "Item_2": {
				      "type": "object",
				      "properties": { "isbn": { "type": "string" } },
				      "required": ["isbn"],
				      "additionalProperties": false
				    }
				  }
				}
				""");
	}

	@Test
	void aDefinitionThatDiffersOnlyThroughWhatItRefersToIsRenamedToo() {
		// both Box types hold the same-looking "Pair" text, but their "Part" differs: the
		// second Pair must point at the second Part (production used to keep the first
		// Pair and so send the agent a string schema for an integer part)
		assertSchema(inputSchema("pack"), """
				{
				  "type": "object",
				  "properties": {
				    "small": {
				      "type": "object",
				      "properties": { "a": { "$ref": "#/$defs/Pair" }, "b": { "$ref": "#/$defs/Pair" } },
				      "required": ["a", "b"],
				      "additionalProperties": false
				    },
				    "large": {
				      "type": "object",
				      "properties": { "a": { "$ref": "#/$defs/Pair_2" }, "b": { "$ref": "#/$defs/Pair_2" } },
				      "required": ["a", "b"],
				      "additionalProperties": false
				    }
				  },
				  "required": ["small", "large"],
				  "additionalProperties": false,
				  "$defs": {
				    "Part": {
				      "type": "object",
				      "properties": { "label": { "type": "string" } },
				      "required": ["label"],
				      "additionalProperties": false
				    },
				    "Pair": {
				      "type": "object",
				      "properties": { "left": { "$ref": "#/$defs/Part" }, "right": { "$ref": "#/$defs/Part" } },
				      "required": ["left", "right"],
				      "additionalProperties": false
				    },
				    "Part_2": {
				      "type": "object",
				      "properties": { "weight": { "type": "integer" } },
				      "required": ["weight"],
				      "additionalProperties": false
				    },
				    "Pair_2": {
				      "type": "object",
				      "properties": { "left": { "$ref": "#/$defs/Part_2" }, "right": { "$ref": "#/$defs/Part_2" } },
				      "required": ["left", "right"],
				      "additionalProperties": false
				    }
				  }
				}
				""");
	}

	@Test
	void recursiveParameterRefersToItsDefinition() {
		assertSchema(inputSchema("walk"), """
				{
				  "type": "object",
				  "properties": {
				    "root": { "$ref": "#/$defs/Node", "description": "Top of the tree" }
				  },
				  "required": ["root"],
				  "additionalProperties": false,
				  "$defs": {
				    "Node": {
				      "type": "object",
				      "properties": {
				        "name": { "type": "string" },
				        "children": { "type": "array", "items": { "$ref": "#/$defs/Node" } }
				      },
				      "required": ["name", "children"],
				      "additionalProperties": false
				    }
				  }
				}
				""");
	}

	@Test
	void methodWithoutParametersTakesAnEmptyObject() {
		// no "required": [] (production used to emit it): an empty array means the same,
		// type schemas leave it out too, and draft-04 validators reject it
		assertSchema(inputSchema("ping"), """
				{ "type": "object", "properties": {}, "additionalProperties": false }
				""");
	}

	@Test
	void missingParameterNamesFailUnlessSmoothToolParamNamesThem(@TempDir Path dir) throws Exception {
		// the JDK is compiled without -parameters: its names are arg0, arg1, ...
		Method jdkMethod = String.class.getMethod("regionMatches", int.class, String.class, int.class, int.class);
		assertThatIllegalStateException().isThrownBy(() -> this.schemas.inputSchema(jdkMethod))
			.withMessageContaining("-parameters");
		Class<?> named = CompiledWithoutParameters.load(dir, "Named",
				"""
						import sh.smooth.spring.tool.SmoothToolParam;
						public class Named {
							public boolean regionMatches(@SmoothToolParam(name = "p0") int a, @SmoothToolParam(name = "p1") String b,
									@SmoothToolParam(name = "p2") int c, @SmoothToolParam(name = "p3") int d) {
								return false;
							}
						}
						""");
		Method method = named.getMethod("regionMatches", int.class, String.class, int.class, int.class);
		assertThat(this.schemas.inputSchema(method).get("properties").propertyNames()).containsExactly("p0", "p1", "p2",
				"p3");
	}

	@Test
	void duplicateParameterNamesAreRejected() {
		// an IllegalStateException, as every other problem the processor reports at
		// startup
		assertThatIllegalStateException().isThrownBy(() -> this.schemas.inputSchema(method("twice")))
			.withMessageContaining("'same'");
	}

	@Test
	void eachParameterTypeIsGeneratedOnceAndEverySchemaIsACopy() {
		CountingModule counting = new CountingModule(Probe.class);
		ToolInputSchemas counted = new ToolInputSchemas(new SmoothSchemaGenerator(List.of(counting)));
		ObjectNode first = counted.inputSchema(method("probe"));
		int afterFirst = counting.count();
		ObjectNode second = counted.inputSchema(method("probe"));
		assertThat(afterFirst).isPositive();
		assertThat(counting.count()).isEqualTo(afterFirst);
		assertThat(second).isEqualTo(first).isNotSameAs(first);
		((ObjectNode) first.get("properties")).removeAll();
		assertThat(counted.inputSchema(method("probe")).get("properties").propertyNames()).containsExactly("probe");
	}

	@Test
	void namesComeFromEachMethodNotFromTheSharedTypeSchemas() {
		this.schemas.inputSchema(method("search"));
		ObjectNode renamed = this.schemas.inputSchema(method("searchUpperCase"));
		assertThat(renamed.get("properties").propertyNames()).containsExactly("QUERY", "LIMIT", "EXACT");
	}

	private ObjectNode inputSchema(String methodName) {
		return this.schemas.inputSchema(method(methodName));
	}

	private static Method method(String name) {
		return Arrays.stream(Tools.class.getDeclaredMethods())
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private static void assertSchema(JsonNode actual, String expectedJson) {
		assertThat(actual).as("actual schema:%n%s", actual.toPrettyString()).isEqualTo(json.readTree(expectedJson));
	}

	/** A {@code Pair} of {@code Part}s whose parts hold labels. */
	static final class Labels {

		record Part(String label) {
		}

		record Pair(Part left, Part right) {
		}

		record Box(Pair a, Pair b) {
		}

	}

	/** The same shape, with parts that hold weights. */
	static final class Weights {

		record Part(int weight) {
		}

		record Pair(Part left, Part right) {
		}

		record Box(Pair a, Pair b) {
		}

	}

	/** Tool-like methods whose input schemas the tests check. */
	@SuppressWarnings("unused")
	static final class Tools {

		String search(String query, int limit, boolean exact) {
			return query;
		}

		String searchUpperCase(@SmoothToolParam(name = "QUERY") String query,
				@SmoothToolParam(name = "LIMIT") int limit, @SmoothToolParam(name = "EXACT") boolean exact) {
			return query;
		}

		void find(String query, Optional<String> language, @Nullable Integer page, OptionalInt limit,
				Optional<Address> near) {
		}

		void book(@SmoothToolParam(name = "town", description = "Where to stay") String city,
				@SmoothToolParam(description = "Day of arrival", required = false) LocalDate day) {
		}

		void act(SmoothToolContext context, String what) {
		}

		void place(Order order) {
		}

		void compare(Route first, Route second) {
		}

		void stock(Shop.Cart cart, Library.Shelf shelf) {
		}

		void pack(Labels.Box small, Weights.Box large) {
		}

		void walk(@SmoothToolParam(description = "Top of the tree") Node root) {
		}

		void ping() {
		}

		void twice(@SmoothToolParam(name = "same") String a, @SmoothToolParam(name = "same") String b) {
		}

		void probe(Probe probe) {
		}

	}

}
