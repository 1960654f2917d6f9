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

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions: actions and their default and scripted results, close, force-close.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SessionTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	/** Sends an action and polls until its result event arrives. */
	private JsonNode act(String session, String eventName, String action, Object input) {
		String eventId = "evt_" + action + "_" + System.nanoTime();
		Api.Reply accepted = this.api.post("/task/" + session + "/event",
				Api.event(eventName, eventId, Api.action(action, input)));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.r().get("id").asString()).isEqualTo(eventId);
		await().atMost(Duration.ofSeconds(5)).until(() -> result(session, eventId) != null);
		return result(session, eventId);
	}

	private JsonNode result(String session, String eventId) {
		for (JsonNode event : this.api.get("/task/" + session + "?event_t=0").events()) {
			if (eventId.equals(event.get("id").asString())) {
				return event;
			}
		}
		return null;
	}

	@Test
	void sessionOpensWaitingAndRuns() {
		Api.Reply created = this.api.post("/task",
				new java.util.HashMap<>(java.util.Collections.singletonMap("task", null)));
		assertThat(created.taskStatus()).isEqualTo("waiting");
		String id = created.r().get("id").asString();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.RUNNING);
		assertThat(this.api.get("/task/" + id).r().get("live_url").isString()).isTrue();
	}

	@Test
	void defaultActionResultsInTheSdkShape() {
		String session = this.api.openSession();
		JsonNode go = act(session, "browser_action", "goto", Map.of("url", "https://example.com"));
		assertThat(go.get("name").asString()).isEqualTo("browser_action");
		assertThat(go.get("payload").get("code").asInt()).isEqualTo(200);
		JsonNode goOutput = go.get("payload").get("output");
		assertThat(goOutput.has("output")).isFalse();
		assertThat(goOutput.get("credits_used").asInt()).isZero();
		assertThat(goOutput.get("duration").isNumber()).isTrue();

		JsonNode js = act(session, "browser_action", "evaluate_js", Map.of("js", "document.title"));
		assertThat(js.get("payload").get("output").get("output").isNull()).isTrue();

		JsonNode extract = act(session, "browser_action", "extract",
				Map.of("schema", Map.of("type", "object", "properties", Map.of("price", Map.of("type", "number")))));
		assertThat(extract.get("payload").get("output").get("output").get("price").asDouble()).isEqualTo(1.5);
		assertThat(extract.get("payload").get("output").get("credits_used").asInt()).isEqualTo(1);

		JsonNode run = act(session, "session_action", "run_task", Map.of("task", "log in", "max_steps", 32));
		assertThat(run.get("name").asString()).isEqualTo("session_action");
		assertThat(run.get("payload").get("output").get("output").asString()).contains("log in");
	}

	@Test
	void plainShapeAndScriptedResults() {
		this.sim.actionResultShape(ActionResultShape.PLAIN);
		this.sim.onSessionAction("evaluate_js").respond((input) -> input.get("js").asString().length(), 2);
		this.sim.onSessionAction("extract").fail(400, "no such element");
		this.sim.onSessionAction("run_task").fail(500, "agent crashed");
		String session = this.api.openSession();
		assertThat(
				act(session, "browser_action", "evaluate_js", Map.of("js", "1+1")).get("payload").get("output").asInt())
			.isEqualTo(3);
		JsonNode failed = act(session, "browser_action", "extract", Map.of("schema", Map.of()));
		assertThat(failed.get("payload").get("code").asInt()).isEqualTo(400);
		assertThat(failed.get("payload").get("output").asString()).isEqualTo("no such element");
		assertThat(act(session, "session_action", "run_task", Map.of("task", "x")).get("payload").get("code").asInt())
			.isEqualTo(500);
	}

	@Test
	void latencyDelaysTheResult() {
		this.sim.onSessionAction("goto").latency(Duration.ofMillis(300));
		String session = this.api.openSession();
		String eventId = "slow-goto";
		this.api.post("/task/" + session + "/event",
				Api.event("browser_action", eventId, Api.action("goto", Map.of("url", "https://example.com"))));
		await().atMost(Duration.ofSeconds(5)).until(() -> result(session, eventId) != null);
		JsonNode event = result(session, eventId);
		long postedAt = this.sim.requests(Route.SEND_EVENT).get(0).receivedAt().toEpochMilli();
		assertThat(event.get("timestamp").asLong() - postedAt).isGreaterThanOrEqualTo(290);
		assertThat(event.get("payload").get("output").get("duration").asDouble()).isEqualTo(0.3);
	}

	@Test
	void closeEndsTheSessionInTheSamePollThatReturnsTheResult() {
		String session = this.api.openSession();
		act(session, "browser_action", "goto", Map.of("url", "https://example.com"));
		long eventT = this.api.get("/task/" + session + "?event_t=0").events().get(0).get("timestamp").asLong();
		this.api.post("/task/" + session + "/event", Api.event("session_action", "close-1", Api.action("close", null)));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !this.api.get("/task/" + session + "?event_t=" + eventT).events().isEmpty());
		Api.Reply poll = this.api.get("/task/" + session + "?event_t=" + eventT);
		List<JsonNode> events = poll.events();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.get("id").asString()).isEqualTo("close-1");
			assertThat(event.get("payload").get("output").get("output").asBoolean()).isTrue();
		});
		assertThat(poll.status()).isEqualTo(200);
		assertThat(poll.taskStatus()).isEqualTo("done");
		// a closed session takes no more actions
		Api.Reply late = this.api.post("/task/" + session + "/event",
				Api.event("browser_action", "late", Api.action("goto", Map.of("url", "https://example.com"))));
		assertThat(late.status()).isEqualTo(400);
	}

	@Test
	void closeAnsweringFalseKeepsTheSessionOpen() {
		this.sim.onSessionAction("close").respond(false, 0);
		String session = this.api.openSession();
		JsonNode close = act(session, "session_action", "close", null);
		assertThat(close.get("payload").get("output").get("output").asBoolean()).isFalse();
		assertThat(this.sim.taskStatus(session)).isIn(SimulatedTaskStatus.WAITING, SimulatedTaskStatus.RUNNING);
	}

	@Test
	void forceCloseCancelsTheSession() {
		String session = this.api.openSession();
		assertThat(this.api.delete("/task/" + session).r().asBoolean()).isTrue();
		assertThat(this.api.get("/task/" + session).taskStatus()).isEqualTo("cancelled");
		assertThat(this.api
			.post("/task/" + session + "/event", Api.event("session_action", "c", Api.action("close", null)))
			.status()).isEqualTo(400);
	}

	@Test
	void invalidEventsAreRejected() {
		String session = this.api.openSession();
		assertThat(this.api.post("/task/" + session + "/event", Map.of("name", "dance", "payload", Map.of())).status())
			.isEqualTo(400);
		assertThat(this.api.post("/task/" + session + "/event", Map.of("payload", Map.of())).status()).isEqualTo(422);
	}

}
