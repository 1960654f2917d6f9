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

package sh.smooth.spring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A thousand tasks at once, each with one tool call, driven by an asynchronous client.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class ConcurrencyTests {

	private static final int TASKS = 1000;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	// spaces the polls of one task without blocking a thread
	private final Executor pollDelay = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);

	@Test
	@Timeout(value = 45, unit = TimeUnit.SECONDS)
	void thousandTasksWithToolCallsAllComplete(SmoothSimulator sim) throws Exception {
		sim.onTask(TaskMatcher.any())
			.runningAfter(Duration.ofMillis(10))
			.doneAfter(Duration.ofMillis(20))
			.toolCall("lookup", Map.of("q", 1))
			.credits(2);
		long simulatorThreadsBefore = simulatorThreads();
		List<CompletableFuture<JsonNode>> finished = new ArrayList<>();
		for (int i = 0; i < TASKS; i++) {
			finished.add(send(sim, "POST", "/task", Map.of("task", "task " + i, "metadata", Map.of("n", i)))
				.thenCompose((created) -> poll(sim, created.get("r").get("id").asString(), 0)));
		}
		CompletableFuture.allOf(finished.toArray(CompletableFuture[]::new)).get(40, TimeUnit.SECONDS);

		assertThat(finished).allSatisfy((future) -> {
			JsonNode task = future.join();
			assertThat(task.get("status").asString()).isEqualTo("done");
			assertThat(task.get("credits_used").asInt()).isEqualTo(2);
		});
		assertThat(sim.taskIds()).hasSize(TASKS);
		assertThat(sim.toolRoundTrips()).hasSize(TASKS).allSatisfy((trip) -> assertThat(trip.answered()).isTrue());
		sim.assertNoUnansweredToolCalls();
		assertThat(sim.duplicateToolAnswers()).isEmpty();
		assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(TASKS);
		// the simulator's own threads do not grow with the load
		assertThat(simulatorThreads()).isEqualTo(simulatorThreadsBefore);
	}

	private static long simulatorThreads() {
		return Thread.getAllStackTraces().keySet().stream().filter((t) -> t.getName().startsWith("smooth-sim")).count();
	}

	private CompletableFuture<JsonNode> poll(SmoothSimulator sim, String id, long eventT) {
		return send(sim, "GET", "/task/" + id + "?event_t=" + eventT, null).thenCompose((response) -> {
			JsonNode task = response.get("r");
			if (!task.get("status").asString().equals("waiting") && !task.get("status").asString().equals("running")) {
				return CompletableFuture.completedFuture(task);
			}
			long cursor = eventT;
			CompletableFuture<?> answered = CompletableFuture.completedFuture(null);
			for (JsonNode event : task.get("events").values()) {
				cursor = Math.max(cursor, event.get("timestamp").asLong());
				if (event.get("name").asString().equals("tool_call")) {
					answered = send(sim, "POST", "/task/" + id + "/event",
							Api.event("tool_call", event.get("id").asString(), Map.of("code", 200, "output", "ok")));
				}
			}
			long next = cursor;
			return answered.thenComposeAsync((ignored) -> poll(sim, id, next), this.pollDelay);
		});
	}

	private CompletableFuture<JsonNode> send(SmoothSimulator sim, String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("apikey", sim.apiKey());
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(Api.json(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply((response) -> {
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(
						method + " " + path + " -> " + response.statusCode() + " " + response.body());
			}
			return Api.JSON.readTree(response.body());
		});
	}

}
