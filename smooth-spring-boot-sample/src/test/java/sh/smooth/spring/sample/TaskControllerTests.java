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

package sh.smooth.spring.sample;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import sh.smooth.spring.test.AutoConfigureSmoothSimulator;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST endpoints: submit answers 202 at once, the result is fetched later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.demo=false")
@AutoConfigureSmoothSimulator
class TaskControllerTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private SmoothSimulator simulator;

	@Autowired
	private MeterRegistry meters;

	@Test
	void submitAnswersAtOnceAndTheResultCanBeFetchedLater() {
		this.simulator.onTask(TaskMatcher.textContains("weather"))
			.doneAfter(Duration.ofMillis(300))
			.output("Sunny, 21 degrees")
			.credits(2);
		RestClient client = RestClient.create("http://localhost:" + this.port);

		ResponseEntity<Map<String, Object>> submitted = client.post()
			.uri("/tasks")
			.body(Map.of("task", "What is the weather in Paris?"))
			.retrieve()
			.toEntity(JSON);

		assertThat(submitted.getStatusCode().value()).isEqualTo(202);
		String id = (String) submitted.getBody().get("id");
		assertThat(id).isNotBlank();
		assertThat(submitted.getBody().get("status")).isIn("waiting", "running");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Map<String, Object> state = client.get().uri("/tasks/{id}", id).retrieve().body(JSON);
			assertThat(state).containsEntry("status", "done")
				.containsEntry("output", "Sunny, 21 degrees")
				.containsEntry("creditsUsed", 2);
		});
	}

	@Test
	void aTaskIsCancelledByIdAndACancelledTaskIsNotFoundTwice() {
		this.simulator.onTask(TaskMatcher.textContains("forever")).doneAfter(Duration.ofMinutes(5));
		RestClient client = RestClient.create("http://localhost:" + this.port);
		String id = (String) client.post()
			.uri("/tasks")
			.body(Map.of("task", "wait forever"))
			.retrieve()
			.toEntity(JSON)
			.getBody()
			.get("id");

		assertThat(client.delete().uri("/tasks/{id}", id).retrieve().toBodilessEntity().getStatusCode().value())
			.isEqualTo(202);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(client.get().uri("/tasks/{id}", id).retrieve().body(JSON))
				.containsEntry("status", "cancelled"));
		Integer again = client.delete()
			.uri("/tasks/{id}", id)
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(again).isEqualTo(404);
	}

	@Test
	void actuatorShowsTheSmoothMetrics() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		// the context is shared with the other tests: count from what is there once every
		// earlier task's poller has seen it end (a test that read its end with get(id)
		// may finish before its task's credits are counted)
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.meters.find("smooth.task")
				.timers()
				.stream()
				.mapToLong(Timer::count)
				.sum() == this.simulator.taskIds().size());
		double before = this.meters.find("smooth.credits.used").counters().stream().mapToDouble((c) -> c.count()).sum();
		this.simulator.onTask(TaskMatcher.textContains("metric")).doneAfter(Duration.ofMillis(10)).credits(3);
		client.post().uri("/tasks").body(Map.of("task", "a metric task")).retrieve().toBodilessEntity();

		// the meter exists once a first task's credits were counted: until then the
		// endpoint answers 404 (the test may run before any other)
		await().atMost(Duration.ofSeconds(10))
			.ignoreException(HttpClientErrorException.NotFound.class)
			.untilAsserted(() -> {
				Map<String, Object> credits = client.get()
					.uri("/actuator/metrics/smooth.credits.used")
					.retrieve()
					.body(JSON);
				assertThat(credits.toString()).contains("COUNT").contains("value=" + (before + 3));
			});
		Map<String, Object> health = client.get().uri("/actuator/health").retrieve().body(JSON);
		assertThat(health).containsEntry("status", "UP");
	}

}
