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

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Fault injection per route.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class FaultTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	@Test
	void statusOnTheNthCallOnly() {
		this.sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(1));
		String id = this.api.createTask("x");
		this.sim.faults(Route.GET_TASK).statusOnCall(2, 503);
		assertThat(this.api.get("/task/" + id).status()).isEqualTo(202);
		Api.Reply second = this.api.get("/task/" + id);
		assertThat(second.status()).isEqualTo(503);
		assertThat(second.json().get("detail").asString()).contains("503");
		assertThat(this.api.get("/task/" + id).status()).isEqualTo(202);
		assertThat(this.sim.requestCount(Route.GET_TASK)).isEqualTo(3);
	}

	@Test
	void statusRateIsRepeatableWithTheSameSeed() {
		List<Integer> first = statusesWithRate();
		this.sim.reset();
		List<Integer> second = statusesWithRate();
		assertThat(first).isEqualTo(second).contains(503).contains(200);
	}

	private List<Integer> statusesWithRate() {
		this.sim.faults(Route.LIST_PROFILES).statusRate(0.3, 503, 42L);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			statuses.add(this.api.get("/profile").status());
		}
		return statuses;
	}

	@Test
	void droppedConnectionGivesNoResponseAndNoSideEffect() {
		this.sim.faults(Route.CREATE_TASK).dropConnectionOnCall(1);
		assertThatThrownBy(() -> this.api.post("/task", Map.of("task", "dropped")))
			.isInstanceOf(UncheckedIOException.class);
		assertThat(this.sim.taskIds()).isEmpty();
		assertThat(this.api.post("/task", Map.of("task", "kept")).status()).isEqualTo(200);
	}

	@Test
	void dropConnectionRateDropsSomeCalls() {
		this.sim.faults(Route.CREATE_TASK).dropConnectionRate(0.5, 7L);
		int dropped = 0;
		for (int i = 0; i < 20; i++) {
			try {
				this.api.post("/task", Map.of("task", "maybe"));
			}
			catch (UncheckedIOException ex) {
				dropped++;
			}
		}
		assertThat(dropped).isBetween(1, 19);
		assertThat(this.sim.taskIds()).hasSize(20 - dropped);
	}

	@Test
	void latencyDelaysTheResponse() {
		this.sim.faults(Route.LIST_PROFILES).latency(Duration.ofMillis(300));
		long start = System.nanoTime();
		assertThat(this.api.get("/profile").status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void tooManyRequestsWithRetryAfter() {
		this.sim.faults(Route.CREATE_TASK).retryAfter429OnCall(1, Duration.ofMillis(1500));
		Api.Reply reply = this.api.post("/task", Map.of("task", "x"));
		assertThat(reply.status()).isEqualTo(429);
		assertThat(reply.headers().get("retry-after")).containsExactly("2");
		assertThat(reply.json().get("detail").isString()).isTrue();
		assertThat(this.api.post("/task", Map.of("task", "x")).status()).isEqualTo(200);
	}

	@Test
	void htmlErrorPageAsAProxyWouldSendIt() {
		this.sim.faults(Route.GET_TASK).htmlBody(502);
		Api.Reply reply = this.api.get("/task/any");
		assertThat(reply.status()).isEqualTo(502);
		assertThat(reply.headers().get("content-type").get(0)).startsWith("text/html");
		assertThat(reply.text()).startsWith("<html>");
		assertThat(reply.json()).isNull();
	}

	@Test
	void truncatedJsonStillHandlesTheRequest() {
		this.sim.faults(Route.CREATE_TASK).truncatedJsonOnCall(1);
		Api.Reply reply = this.api.post("/task", Map.of("task", "x"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.headers().get("content-type").get(0)).contains("json");
		assertThat(reply.text()).isNotEmpty().startsWith("{\"r\"");
		assertThat(reply.json()).isNull();
		assertThat(this.sim.taskIds()).hasSize(1);
	}

	@Test
	void serverErrorAfterTheTaskWasCreated() {
		this.sim.faults(Route.CREATE_TASK).statusAfterHandlingOnCall(1, 500);
		assertThat(this.api.post("/task", Map.of("task", "x")).status()).isEqualTo(500);
		assertThat(this.sim.taskIds()).hasSize(1);
	}

	@Test
	void clearRemovesFaults() {
		this.sim.faults(Route.LIST_PROFILES).htmlBody(502).clear();
		assertThat(this.api.get("/profile").status()).isEqualTo(200);
	}

}
