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

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import sh.smooth.spring.schema.TestModels.Address;
import sh.smooth.spring.schema.TestModels.Node;
import sh.smooth.spring.schema.TestModels.Order;
import sh.smooth.spring.schema.TestModels.Route;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static sh.smooth.spring.schema.SchemaAssertions.assertSchema;

/**
 * Golden tests for tool input schemas ({@link SmoothSchemaGenerator#inputSchemaFor}), one
 * rule each.
 */
class SmoothSchemaGeneratorMethodTests {

	private static final Predicate<Parameter> SKIP_NONE = (parameter) -> false;

	private final SmoothSchemaGenerator generator = new SmoothSchemaGenerator();

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
	void callerSuppliesNamesDescriptionsAndRequiredness() {
		ParameterInfo info = new ParameterInfo() {

			@Override
			public @Nullable String name(Parameter parameter) {
				return parameter.getName().equals("city") ? "town" : null;
			}

			@Override
			public String description(Parameter parameter) {
				return parameter.getName().equals("city") ? "Where to stay" : "Day of arrival";
			}

			@Override
			public boolean required(Parameter parameter) {
				return !parameter.getName().equals("day");
			}

		};
		assertSchema(this.generator.inputSchemaFor(method("book"), SKIP_NONE, info), """
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
	void skippedParametersAreLeftOut() {
		Predicate<Parameter> skipContext = (parameter) -> parameter.getType() == Context.class;
		assertSchema(this.generator.inputSchemaFor(method("act"), skipContext, ParameterInfo.defaults()), """
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
	void recursiveParameterRefersToItsDefinition() {
		ParameterInfo described = new ParameterInfo() {

			@Override
			public String description(Parameter parameter) {
				return "Top of the tree";
			}

		};
		assertSchema(this.generator.inputSchemaFor(method("walk"), SKIP_NONE, described), """
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
		assertSchema(inputSchema("ping"), """
				{ "type": "object", "properties": {}, "additionalProperties": false }
				""");
	}

	@Test
	void missingParameterNamesFailUnlessTheCallerNamesThem() throws Exception {
		// the JDK is compiled without -parameters: its names are arg0, arg1, ...
		Method jdkMethod = String.class.getMethod("regionMatches", int.class, String.class, int.class, int.class);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.generator.inputSchemaFor(jdkMethod, SKIP_NONE, ParameterInfo.defaults()))
			.withMessageContaining("-parameters");
		ParameterInfo named = new ParameterInfo() {

			@Override
			public String name(Parameter parameter) {
				return "p" + Arrays.asList(jdkMethod.getParameters()).indexOf(parameter);
			}

		};
		assertThat(this.generator.inputSchemaFor(jdkMethod, SKIP_NONE, named).get("properties").propertyNames())
			.containsExactly("p0", "p1", "p2", "p3");
	}

	@Test
	void duplicateParameterNamesAreRejected() {
		ParameterInfo same = new ParameterInfo() {

			@Override
			public String name(Parameter parameter) {
				return "same";
			}

		};
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.generator.inputSchemaFor(method("search"), SKIP_NONE, same))
			.withMessageContaining("'same'");
	}

	@Test
	void eachMethodIsGeneratedOnceForTheSameCallerArguments() {
		CountingInfo info = new CountingInfo();
		ObjectNode first = this.generator.inputSchemaFor(method("search"), SKIP_NONE, info);
		int afterFirst = info.calls.get();
		ObjectNode second = this.generator.inputSchemaFor(method("search"), SKIP_NONE, info);
		assertThat(afterFirst).isPositive();
		assertThat(info.calls.get()).isEqualTo(afterFirst);
		assertThat(second).isEqualTo(first).isNotSameAs(first);
	}

	@Test
	void otherCallerArgumentsRegenerateTheMethodSchema() {
		this.generator.inputSchemaFor(method("search"), SKIP_NONE, ParameterInfo.defaults());
		ObjectNode renamed = this.generator.inputSchemaFor(method("search"), SKIP_NONE, new ParameterInfo() {

			@Override
			public String name(Parameter parameter) {
				return parameter.getName().toUpperCase();
			}

		});
		assertThat(renamed.get("properties").propertyNames()).containsExactly("QUERY", "LIMIT", "EXACT");
	}

	private ObjectNode inputSchema(String methodName) {
		return this.generator.inputSchemaFor(method(methodName), SKIP_NONE, ParameterInfo.defaults());
	}

	private static Method method(String name) {
		return Arrays.stream(Tools.class.getDeclaredMethods())
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * Counts the questions asked about parameters: a cache hit asks none.
	 */
	static final class CountingInfo implements ParameterInfo {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public @Nullable String name(Parameter parameter) {
			this.calls.incrementAndGet();
			return null;
		}

	}

	/** Stands for a framework-injected argument that is not part of the input. */
	record Context(String taskId) {
	}

	/** One of two unrelated types named {@code Item}. */
	static final class Shop {

		record Item(String sku) {
		}

		record Cart(Item first, Item second) {
		}

	}

	/** The other type named {@code Item}. */
	static final class Library {

		record Item(String isbn) {
		}

		record Shelf(Item left, Item right) {
		}

	}

	/** Tool-like methods whose input schemas the tests check. */
	@SuppressWarnings("unused")
	static final class Tools {

		String search(String query, int limit, boolean exact) {
			return query;
		}

		void find(String query, Optional<String> language, @Nullable Integer page, OptionalInt limit,
				Optional<Address> near) {
		}

		void book(String city, LocalDate day) {
		}

		void act(Context context, String what) {
		}

		void place(Order order) {
		}

		void compare(Route first, Route second) {
		}

		void stock(Shop.Cart cart, Library.Shelf shelf) {
		}

		void walk(Node root) {
		}

		void ping() {
		}

	}

}
