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

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import sh.smooth.spring.schema.TestModels.Address;
import sh.smooth.spring.schema.TestModels.CountingModule;
import sh.smooth.spring.schema.TestModels.Node;
import sh.smooth.spring.schema.TestModels.Order;
import sh.smooth.spring.schema.TestModels.Probe;
import sh.smooth.spring.schema.TestModels.Route;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static sh.smooth.spring.schema.SchemaAssertions.MAPPER;
import static sh.smooth.spring.schema.SchemaAssertions.assertSchema;

/**
 * Golden tests for structured-output schemas ({@link SmoothSchemaGenerator#schemaFor}),
 * one rule each.
 */
class SmoothSchemaGeneratorTypeTests {

	private final SmoothSchemaGenerator generator = new SmoothSchemaGenerator();

	@Test
	void stringLikeTypesAreStrings() {
		record Text(String title, char initial, UUID id, URI link) {
		}
		assertSchema(this.generator.schemaFor(Text.class), """
				{
				  "type": "object",
				  "properties": {
				    "title": { "type": "string" },
				    "initial": { "type": "string" },
				    "id": { "type": "string" },
				    "link": { "type": "string" }
				  },
				  "required": ["title", "initial", "id", "link"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void integralTypesAreIntegersAndOthersNumbers() {
		record Numbers(int count, long total, short small, Integer boxed, BigInteger big, double ratio, float weight,
				Double boxedRatio, BigDecimal price) {
		}
		assertSchema(this.generator.schemaFor(Numbers.class), """
				{
				  "type": "object",
				  "properties": {
				    "count": { "type": "integer" },
				    "total": { "type": "integer" },
				    "small": { "type": "integer" },
				    "boxed": { "type": "integer" },
				    "big": { "type": "integer" },
				    "ratio": { "type": "number" },
				    "weight": { "type": "number" },
				    "boxedRatio": { "type": "number" },
				    "price": { "type": "number" }
				  },
				  "required": ["count", "total", "small", "boxed", "big", "ratio", "weight", "boxedRatio", "price"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void booleansAreBooleans() {
		record Flags(boolean active, Boolean verified) {
		}
		assertSchema(this.generator.schemaFor(Flags.class), """
				{
				  "type": "object",
				  "properties": {
				    "active": { "type": "boolean" },
				    "verified": { "type": "boolean" }
				  },
				  "required": ["active", "verified"],
				  "additionalProperties": false
				}
				""");
	}

	enum Status {

		OPEN, CLOSED

	}

	enum Priority {

		@JsonProperty("low")
		LOW, @JsonProperty("high")
		HIGH

	}

	@Test
	void enumsAreStringsWithTheirJacksonNames() {
		record Ticket(Status status, Priority priority) {
		}
		assertSchema(this.generator.schemaFor(Ticket.class), """
				{
				  "type": "object",
				  "properties": {
				    "status": { "type": "string", "enum": ["OPEN", "CLOSED"] },
				    "priority": { "type": "string", "enum": ["low", "high"] }
				  },
				  "required": ["status", "priority"],
				  "additionalProperties": false
				}
				""");
		assertSchema(this.generator.schemaFor(Status.class), """
				{ "type": "string", "enum": ["OPEN", "CLOSED"] }
				""");
	}

	@Test
	void collectionsAndArraysAreArraysOfTheirItems() {
		record Basket(List<String> items, String[] tags, Set<Integer> codes, List<List<Double>> matrix) {
		}
		assertSchema(this.generator.schemaFor(Basket.class), """
				{
				  "type": "object",
				  "properties": {
				    "items": { "type": "array", "items": { "type": "string" } },
				    "tags": { "type": "array", "items": { "type": "string" } },
				    "codes": { "type": "array", "items": { "type": "integer" } },
				    "matrix": { "type": "array", "items": { "type": "array", "items": { "type": "number" } } }
				  },
				  "required": ["items", "tags", "codes", "matrix"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void mapsDescribeTheirValuesInAdditionalProperties() {
		record Point(int x, int y) {
		}
		record Scores(Map<String, Integer> byName, Map<String, Point> points) {
		}
		assertSchema(this.generator.schemaFor(Scores.class), """
				{
				  "type": "object",
				  "properties": {
				    "byName": { "type": "object", "additionalProperties": { "type": "integer" } },
				    "points": { "type": "object", "additionalProperties": { "$ref": "#/$defs/Point" } }
				  },
				  "required": ["byName", "points"],
				  "additionalProperties": false,
				  "$defs": {
				    "Point": {
				      "type": "object",
				      "properties": { "x": { "type": "integer" }, "y": { "type": "integer" } },
				      "required": ["x", "y"],
				      "additionalProperties": false
				    }
				  }
				}
				""");
	}

	@Test
	void nestedRecordsCarryTypeAndPropertyDescriptions() {
		assertSchema(this.generator.schemaFor(Order.class), """
				{
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
				          "properties": {
				            "street": { "type": "string" },
				            "city": { "type": "string" }
				          },
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
				""");
	}

	@Test
	void optionalPropertiesAreNotRequiredAndNotNullTyped() {
		record Search(String query, Optional<String> language, Optional<Address> near, OptionalInt limit) {
		}
		assertSchema(this.generator.schemaFor(Search.class), """
				{
				  "type": "object",
				  "properties": {
				    "query": { "type": "string" },
				    "language": { "type": "string" },
				    "near": {
				      "type": "object",
				      "properties": { "street": { "type": "string" }, "city": { "type": "string" } },
				      "required": ["street", "city"],
				      "additionalProperties": false
				    },
				    "limit": { "type": "integer" }
				  },
				  "required": ["query"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void nullablePropertiesAreNotRequired() {
		record Contact(String name, @Nullable String email, @Nullable Integer age) {
		}
		assertSchema(this.generator.schemaFor(Contact.class), """
				{
				  "type": "object",
				  "properties": {
				    "name": { "type": "string" },
				    "email": { "type": "string" },
				    "age": { "type": "integer" }
				  },
				  "required": ["name"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void recursiveRecordRefersToItsDefinitionAtTheRoot() {
		assertSchema(this.generator.schemaFor(Node.class), """
				{
				  "type": "object",
				  "properties": {
				    "name": { "type": "string" },
				    "children": { "type": "array", "items": { "$ref": "#/$defs/Node" } }
				  },
				  "required": ["name", "children"],
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
	void recursiveTypeInsideAContainerRootHasNoReferenceToTheDocumentRoot() {
		ObjectNode schema = this.generator.schemaFor(new ParameterizedTypeReference<List<Node>>() {
		}.getType());
		assertThat(schema.toString()).doesNotContain("\"#\"");
		assertThat(schema.get("type").asString()).isEqualTo("array");
	}

	@Test
	void typesUsedTwiceAreHoistedToDefs() {
		assertSchema(this.generator.schemaFor(Route.class), """
				{
				  "type": "object",
				  "properties": {
				    "from": { "$ref": "#/$defs/Address" },
				    "to": { "$ref": "#/$defs/Address" }
				  },
				  "required": ["from", "to"],
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
	void jsonPropertyRenamesAndForcesRequired() {
		record Person(@JsonProperty("full_name") String fullName,
				@JsonProperty(required = true) Optional<String> nickname) {
		}
		assertSchema(this.generator.schemaFor(Person.class), """
				{
				  "type": "object",
				  "properties": {
				    "full_name": { "type": "string" },
				    "nickname": { "type": "string" }
				  },
				  "required": ["full_name", "nickname"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void propertiesKeepDeclarationOrder() {
		record Zebra(String zulu, String alpha, String mike) {
		}
		JsonNode schema = this.generator.schemaFor(Zebra.class);
		assertThat(schema.get("properties").propertyNames()).containsExactly("zulu", "alpha", "mike");
	}

	@Test
	void javaTimeTypesAreStringsWithoutFormatExceptYear() {
		record Times(LocalDate day, LocalDateTime at, Instant instant, OffsetDateTime offset, ZonedDateTime zoned,
				LocalTime time, Duration duration, Period period, YearMonth month, Year year) {
		}
		assertSchema(this.generator.schemaFor(Times.class),
				"""
						{
						  "type": "object",
						  "properties": {
						    "day": { "type": "string" },
						    "at": { "type": "string" },
						    "instant": { "type": "string" },
						    "offset": { "type": "string" },
						    "zoned": { "type": "string" },
						    "time": { "type": "string" },
						    "duration": { "type": "string" },
						    "period": { "type": "string" },
						    "month": { "type": "string" },
						    "year": { "type": "integer" }
						  },
						  "required": ["day", "at", "instant", "offset", "zoned", "time", "duration", "period", "month", "year"],
						  "additionalProperties": false
						}
						""");
	}

	@Test
	void noFormatKeywordIsEmitted() {
		record Document(String format, UUID id, LocalDate issued) {
		}
		assertSchema(this.generator.schemaFor(Document.class), """
				{
				  "type": "object",
				  "properties": {
				    "format": { "type": "string" },
				    "id": { "type": "string" },
				    "issued": { "type": "string" }
				  },
				  "required": ["format", "id", "issued"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void noSchemaKeywordIsEmitted() {
		assertThat(this.generator.schemaFor(Order.class).has("$schema")).isFalse();
	}

	@Test
	void eachTypeIsGeneratedOnce() {
		CountingModule counting = new CountingModule(Probe.class);
		SmoothSchemaGenerator generator = new SmoothSchemaGenerator(List.of(counting));
		generator.schemaFor(Probe.class);
		int afterFirst = counting.count();
		generator.schemaFor(Probe.class);
		assertThat(afterFirst).isPositive();
		assertThat(counting.count()).isEqualTo(afterFirst);
	}

	@Test
	void concurrentFirstRequestsGenerateOnce() throws Exception {
		CountingModule counting = new CountingModule(Probe.class);
		SmoothSchemaGenerator generator = new SmoothSchemaGenerator(List.of(counting));
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			List<Callable<ObjectNode>> calls = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				calls.add(() -> {
					start.await();
					return generator.schemaFor(Probe.class);
				});
			}
			List<Future<ObjectNode>> results = new ArrayList<>();
			calls.forEach((call) -> results.add(executor.submit(call)));
			start.countDown();
			ObjectNode first = results.get(0).get(10, TimeUnit.SECONDS);
			for (Future<ObjectNode> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo(first);
			}
		}
		finally {
			executor.shutdownNow();
		}
		int concurrent = counting.count();
		// a fresh generator tells how many provider calls one generation makes
		CountingModule single = new CountingModule(Probe.class);
		new SmoothSchemaGenerator(List.of(single)).schemaFor(Probe.class);
		assertThat(concurrent).isEqualTo(single.count());
	}

	@Test
	void callersGetACopyTheyMayModify() {
		ObjectNode first = this.generator.schemaFor(Order.class);
		first.put("type", "changed");
		((ObjectNode) first.get("properties")).removeAll();
		ObjectNode second = this.generator.schemaFor(Order.class);
		assertThat(second.get("type").asString()).isEqualTo("object");
		assertThat(second.get("properties").propertyNames()).containsExactly("id", "customer");
	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT })
	@interface Hint {

		String value();

		boolean required() default true;

	}

	@Test
	void extraModulesMayDescribeAndMakePropertiesOptional() {
		record Booking(@Hint(value = "Day of arrival", required = false) String date,
				@JsonPropertyDescription("overridden") @Hint("Number of guests") int guests) {
		}
		SmoothSchemaGenerator generator = new SmoothSchemaGenerator(List.of(new HintModule()));
		assertSchema(generator.schemaFor(Booking.class), """
				{
				  "type": "object",
				  "properties": {
				    "date": { "type": "string", "description": "Day of arrival" },
				    "guests": { "type": "integer", "description": "Number of guests" }
				  },
				  "required": ["guests"],
				  "additionalProperties": false
				}
				""");
	}

	@Test
	void valueMatchingTheSchemaDeserializesIntoTheRecord() {
		record Line(String sku, int quantity, BigDecimal price) {
		}
		record Invoice(String number, Status status, List<Line> lines, Map<String, String> notes,
				Optional<String> reference, LocalDate issued) {
		}
		JsonNode schema = this.generator.schemaFor(Invoice.class);
		String json = """
				{
				  "number": "INV-7",
				  "status": "OPEN",
				  "lines": [ { "sku": "A-1", "quantity": 2, "price": 9.5 } ],
				  "notes": { "gift": "yes" },
				  "issued": "2026-03-01"
				}
				""";
		JsonNode value = MAPPER.readTree(json);
		// the value carries exactly the required properties, and nothing the schema lacks
		assertThat(value.propertyNames()).containsAll(names(schema.get("required")));
		assertThat(schema.get("properties").propertyNames()).containsAll(value.propertyNames());
		Invoice invoice = MAPPER.readValue(json, Invoice.class);
		assertThat(invoice)
			.isEqualTo(new Invoice("INV-7", Status.OPEN, List.of(new Line("A-1", 2, new BigDecimal("9.5"))),
					Map.of("gift", "yes"), Optional.empty(), LocalDate.of(2026, 3, 1)));
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach((name) -> names.add(name.asString()));
		return names;
	}

	/**
	 * What a feature module looks like: descriptions and optionality from its own
	 * annotation.
	 */
	static final class HintModule implements SmoothSchemaModule {

		@Override
		public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
			builder.forFields().withDescriptionResolver((field) -> {
				Hint hint = field.getAnnotation(Hint.class);
				return (hint != null) ? hint.value() : null;
			});
		}

		@Override
		public @Nullable Boolean isRequired(FieldScope field) {
			Hint hint = field.getAnnotation(Hint.class);
			return (hint != null && !hint.required()) ? Boolean.FALSE : null;
		}

	}

}
