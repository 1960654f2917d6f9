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

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long-poll mode: a poll with nothing new is held until something happens.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class LongPollTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	@Test
	void heldPollReturnsAsSoonAsAnEventArrives() throws Exception {
		this.sim.longPoll(Duration.ofSeconds(20));
		String session = this.api.openSession();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(session) == SimulatedTaskStatus.RUNNING);
		CompletableFuture<HttpResponse<String>> poll = this.api.http.sendAsync(
				this.api.builder("/task/" + session + "?event_t=0").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> !poll.isDone());
		this.api.post("/task/" + session + "/event",
				Api.event("browser_action", "wake-up", Api.action("goto", Map.of("url", "https://example.com"))));
		Api.Reply reply = Api.Reply.of(poll.get(5, TimeUnit.SECONDS));
		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.events()).singleElement()
			.satisfies((event) -> assertThat(event.get("id").asString()).isEqualTo("wake-up"));
	}

	@Test
	void heldPollEndsAfterTheHoldWithNothingNew() {
		this.sim.longPoll(Duration.ofMillis(300));
		String session = this.api.openSession();
		// the start of the session is a status change that would wake the poll
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(session) == SimulatedTaskStatus.RUNNING);
		long start = System.nanoTime();
		Api.Reply reply = this.api.get("/task/" + session + "?event_t=0");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		assertThat(reply.events()).isEmpty();
	}

	@Test
	void pollsWithoutEventTAreNeverHeld() {
		this.sim.longPoll(Duration.ofSeconds(20));
		String session = this.api.openSession();
		long start = System.nanoTime();
		assertThat(this.api.get("/task/" + session).status()).isEqualTo(202);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void statusChangeWakesAHeldPoll() throws Exception {
		this.sim.longPoll(Duration.ofSeconds(20));
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofMillis(400));
		String id = this.api.createTask("finish me");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.RUNNING);
		Api.Reply reply = Api.Reply.of(
				this.api.http
					.sendAsync(this.api.builder("/task/" + id + "?event_t=0").GET().build(),
							HttpResponse.BodyHandlers.ofString())
					.get(5, TimeUnit.SECONDS));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.taskStatus()).isEqualTo("done");
	}

}
