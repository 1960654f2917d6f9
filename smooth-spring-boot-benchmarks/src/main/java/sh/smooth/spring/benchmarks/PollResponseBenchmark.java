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

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;

/**
 * Parsing one poll response (envelope, task, ten events) into the wire records, and
 * walking its events as the poller does: the per-poll CPU cost of the client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PollResponseBenchmark {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private byte[] withEvents;

	private byte[] empty;

	/**
	 * Builds the two bodies.
	 */
	@Setup
	public void setUp() {
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i > 0) {
				events.append(',');
			}
			events.append("{\"name\":\"tool_call\",\"id\":\"evt_")
				.append(i)
				.append("\",\"timestamp\":")
				.append(1_700_000_000_000L + i)
				.append(",\"payload\":{\"name\":\"orderStatus\",\"input\":{\"orderNumber\":\"A-")
				.append(i)
				.append("\",\"customerEmail\":\"a@example.com\"}}}");
		}
		this.withEvents = ("{\"r\":{\"id\":\"task_abc\",\"status\":\"running\",\"output\":null,\"credits_used\":3,"
				+ "\"device\":\"desktop\",\"live_url\":\"https://live.smooth.sh/v/abc?b=x\",\"recording_url\":null,"
				+ "\"created_at\":1700000000,\"events\":[" + events + "]}}")
			.getBytes(StandardCharsets.UTF_8);
		this.empty = "{\"r\":{\"id\":\"task_abc\",\"status\":\"running\",\"events\":[]}}"
			.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A response with ten tool-call events.
	 * @param blackhole sink
	 * @return the cursor
	 */
	@Benchmark
	public long parseAndWalkTenEvents(Blackhole blackhole) {
		return parse(this.withEvents, blackhole);
	}

	/**
	 * A response with nothing new, the common case while a task runs.
	 * @param blackhole sink
	 * @return the cursor
	 */
	@Benchmark
	public long parseEmpty(Blackhole blackhole) {
		return parse(this.empty, blackhole);
	}

	private long parse(byte[] body, Blackhole blackhole) {
		JsonNode r = this.mapper.readTree(body).get("r");
		TaskResponse response = this.mapper.treeToValue(r, TaskResponse.class);
		long cursor = 0;
		for (TaskEvent event : response.eventList()) {
			if (TaskEvent.TOOL_CALL.equals(event.name())) {
				blackhole.consume(event.payloadName());
			}
			if (event.timestamp() != null && event.timestamp() > cursor) {
				cursor = event.timestamp();
			}
		}
		return cursor;
	}

}
