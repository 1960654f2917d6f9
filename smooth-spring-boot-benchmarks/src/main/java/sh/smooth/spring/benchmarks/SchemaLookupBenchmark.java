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

package sh.smooth.spring.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.node.ObjectNode;

import sh.smooth.spring.schema.SmoothSchemaGenerator;

/**
 * The structured-output schema lookup: cached (what every submit pays) against a cold
 * generation (what it would cost without the cache).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SchemaLookupBenchmark {

	private final SmoothSchemaGenerator warm = new SmoothSchemaGenerator();

	/**
	 * A schema from the cache (a deep copy of the cached tree).
	 * @return the schema
	 */
	@Benchmark
	public ObjectNode cachedLookup() {
		return this.warm.schemaFor(Flight.class);
	}

	/**
	 * A schema generated from scratch by a new generator.
	 * @return the schema
	 */
	@Benchmark
	public ObjectNode coldGeneration() {
		return new SmoothSchemaGenerator().schemaFor(Flight.class);
	}

	/**
	 * A typical structured-output type.
	 *
	 * @param airline the airline
	 * @param price the price
	 * @param legs the legs
	 * @param note a note
	 */
	public record Flight(@JsonPropertyDescription("Airline name") String airline,
			@JsonPropertyDescription("Price in USD") double price, List<Leg> legs, Optional<String> note) {
	}

	/**
	 * One leg of a flight.
	 *
	 * @param from departure airport
	 * @param to arrival airport
	 * @param minutes duration
	 */
	public record Leg(String from, String to, int minutes) {
	}

}
