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

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

/**
 * Tool methods and types whose input schemas are pinned by {@link ToolInputSchemasTests}
 * and {@link ToolInputSchemasMethodTests}.
 */
class SchemaFixtures {

	enum Priority {

		LOW, HIGH

	}

	record Street(@SmoothToolParam(description = "Street name and number") String line,
			@JsonPropertyDescription("Floor, if any") Optional<Integer> floor) {
	}

	record Address(@SmoothToolParam(description = "Where to deliver") Street street,
			@SmoothToolParam(description = "ISO country code", required = false) String country) {
	}

	record Category(String name, List<Category> children) {
	}

	record Order(String number, int quantity) {
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

	void scalars(String text, int count, long big, double ratio, boolean flag, Priority priority) {
	}

	void collections(List<String> tags, Map<String, Integer> counts, String[] names) {
	}

	void nested(@SmoothToolParam(description = "Delivery address") Address address) {
	}

	void optionals(Optional<String> email, @Nullable String note,
			@SmoothToolParam(required = false, description = "How many") Integer limit,
			@JsonProperty(required = true) Optional<String> forced, SmoothToolContext context) {
	}

	void recursive(Category root) {
	}

	void lone(Order order) {
	}

	void renamed(@SmoothToolParam(name = "order_number") String orderNumber,
			@JsonPropertyDescription("Who asks") String requester) {
	}

	void shared(Address from, Address to) {
	}

}
