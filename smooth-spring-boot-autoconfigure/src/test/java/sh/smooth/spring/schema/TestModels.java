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
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.github.victools.jsonschema.generator.Module;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;

/**
 * Types shared by the type schema tests and the tool input schema tests.
 */
public final class TestModels {

	private TestModels() {
	}

	public record Address(String street, String city) {
	}

	@JsonClassDescription("A customer")
	public record Customer(String name, @JsonPropertyDescription("Postal address") Address address) {
	}

	@JsonClassDescription("A customer order")
	public record Order(@JsonPropertyDescription("Order number") String id,
			@JsonPropertyDescription("Who ordered") Customer customer) {
	}

	public record Node(String name, List<Node> children) {
	}

	/** Uses {@link Address} twice, so it becomes a definition. */
	public record Route(Address from, Address to) {
	}

	/** Marker type whose generation the counting module observes. */
	public record Probe(String value) {
	}

	/**
	 * Counts how often victools asks for a definition of one type: a cache hit does not
	 * ask at all.
	 */
	public static final class CountingModule implements Module {

		private final AtomicInteger count = new AtomicInteger();

		private final Class<?> probe;

		/**
		 * Counts one type.
		 * @param probe the type
		 */
		public CountingModule(Class<?> probe) {
			this.probe = probe;
		}

		/**
		 * How often the type was described so far.
		 * @return the count
		 */
		public int count() {
			return this.count.get();
		}

		@Override
		public void applyToConfigBuilder(SchemaGeneratorConfigBuilder builder) {
			builder.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
				if (type.getErasedType() == this.probe) {
					this.count.incrementAndGet();
				}
				return null;
			});
		}

	}

}
