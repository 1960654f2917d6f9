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

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Types shared by the type and the method schema tests.
 */
final class TestModels {

	private TestModels() {
	}

	record Address(String street, String city) {
	}

	@JsonClassDescription("A customer")
	record Customer(String name, @JsonPropertyDescription("Postal address") Address address) {
	}

	@JsonClassDescription("A customer order")
	record Order(@JsonPropertyDescription("Order number") String id,
			@JsonPropertyDescription("Who ordered") Customer customer) {
	}

	record Node(String name, List<Node> children) {
	}

	/** Uses {@link Address} twice, so it becomes a definition. */
	record Route(Address from, Address to) {
	}

	/** Marker type whose generation the counting module observes. */
	record Probe(String value) {
	}

}
