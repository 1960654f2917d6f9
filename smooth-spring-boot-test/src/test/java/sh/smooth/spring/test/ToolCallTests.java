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
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Tool calls: emitted in order, each blocking the task until answered; answers,
 * duplicates and round trips are recorded.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class ToolCallTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	private JsonNode awaitToolCall(String id, long eventT) {
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !this.api.get("/task/" + id + "?event_t=" + eventT).events().isEmpty());
		return this.api.get("/task/" + id + "?event_t=" + eventT).events().get(0);
	}

	@Test
	void toolCallBlocksTheTaskUntilAnswered() {
		this.sim.onTask(TaskMatcher.textContains("order"))
			.runningAfter(Duration.ZERO)
			.doneAfter(Duration.ZERO)
			.toolCall("orderStatus", Map.of("orderNumber", "A-1"))
			.output(Map.of("status", "shipped"));
		String id = this.api.createTask("Check my order");
		JsonNode call = awaitToolCall(id, 0);
		assertThat(call.get("name").asString()).isEqualTo("tool_call");
		assertThat(call.get("payload").get("name").asString()).isEqualTo("orderStatus");
		assertThat(call.get("payload").get("input").get("orderNumber").asString()).isEqualTo("A-1");
		assertThat(this.sim.unansweredToolCalls()).hasSize(1);
		assertThatThrownBy(this.sim::assertNoUnansweredToolCalls).isInstanceOf(AssertionError.class);

		// however long nobody answers, the task keeps running
		await().during(Duration.ofMillis(200))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.RUNNING);

		Api.Reply answer = this.api.post("/task/" + id + "/event", Api.event("tool_call", call.get("id").asString(),
				Map.of("code", 200, "output", Map.of("state", "shipped"))));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.r().get("id").asString()).isEqualTo(call.get("id").asString());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.DONE);
		assertThat(this.api.get("/task/" + id).r().get("output").get("status").asString()).isEqualTo("shipped");

		Map<String, List<ToolAnswer>> answers = this.sim.toolAnswers(id);
		assertThat(answers).containsOnlyKeys(call.get("id").asString());
		ToolAnswer recorded = answers.values().iterator().next().get(0);
		assertThat(recorded.code()).isEqualTo(200);
		assertThat(recorded.output().get("state").asString()).isEqualTo("shipped");
		this.sim.assertNoUnansweredToolCalls();
		assertThat(this.sim.duplicateToolAnswers()).isEmpty();

		List<ToolRoundTrip> trips = this.sim.toolRoundTrips(id);
		assertThat(trips).singleElement().satisfies((trip) -> {
			assertThat(trip.toolName()).isEqualTo("orderStatus");
			assertThat(trip.answered()).isTrue();
			assertThat(trip.roundTrip()).isPositive();
		});
	}

	@Test
	void anInputThatIsNotAnObjectGoesOutVerbatim() {
		this.sim.onTask(TaskMatcher.textContains("text")).runningAfter(Duration.ZERO).toolCall("t", "plain text");
		this.sim.onTask(TaskMatcher.textContains("list")).runningAfter(Duration.ZERO).toolCall("t", List.of(1, 2));
		this.sim.onTask(TaskMatcher.textContains("number")).runningAfter(Duration.ZERO).toolCall("t", 42);
		this.sim.onTask(TaskMatcher.textContains("json null"))
			.runningAfter(Duration.ZERO)
			.toolCall("t", NullNode.getInstance());
		this.sim.onTask(TaskMatcher.textContains("missing"))
			.runningAfter(Duration.ZERO)
			.toolCall("t", MissingNode.getInstance());
		this.sim.onTask(TaskMatcher.textContains("java null")).runningAfter(Duration.ZERO).toolCall("t", null);

		assertThat(awaitToolCall(this.api.createTask("text"), 0).get("payload").get("input").asString())
			.isEqualTo("plain text");
		assertThat(awaitToolCall(this.api.createTask("list"), 0).get("payload").get("input").toString())
			.isEqualTo("[1,2]");
		assertThat(awaitToolCall(this.api.createTask("number"), 0).get("payload").get("input").asInt()).isEqualTo(42);
		assertThat(awaitToolCall(this.api.createTask("json null"), 0).get("payload").get("input").isNull()).isTrue();
		assertThat(awaitToolCall(this.api.createTask("missing"), 0).get("payload").has("input")).isFalse();
		assertThat(awaitToolCall(this.api.createTask("java null"), 0).get("payload").get("input").toString())
			.isEqualTo("{}");
	}

	@Test
	void secondToolCallOnlyAfterTheFirstAnswerAndDuplicatesAreDetected() {
		this.sim.onTask(TaskMatcher.any())
			.runningAfter(Duration.ZERO)
			.toolCall("first", Map.of())
			.toolCall(Duration.ofMillis(20), "second", Map.of("x", true));
		String id = this.api.createTask("two tools");
		JsonNode first = awaitToolCall(id, 0);
		await().during(Duration.ofMillis(150))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.api.get("/task/" + id + "?event_t=0").events().size() == 1);
		Map<String, Object> answer = Api.event("tool_call", first.get("id").asString(),
				Map.of("code", 200, "output", 1));
		this.api.post("/task/" + id + "/event", answer);
		this.api.post("/task/" + id + "/event", answer);
		JsonNode second = awaitToolCall(id, first.get("timestamp").asLong());
		assertThat(second.get("payload").get("name").asString()).isEqualTo("second");
		assertThat(this.sim.duplicateToolAnswers()).singleElement()
			.satisfies((dup) -> assertThat(dup.toolCallId()).isEqualTo(first.get("id").asString()));
	}

	@Test
	void answerWithCode500FailsTheTaskAnd400LetsItContinue() {
		this.sim.onTask(TaskMatcher.textContains("fatal")).runningAfter(Duration.ZERO).toolCall("t", Map.of());
		this.sim.onTask(TaskMatcher.textContains("soft"))
			.runningAfter(Duration.ZERO)
			.doneAfter(Duration.ZERO)
			.toolCall("t", Map.of());
		String fatal = this.api.createTask("fatal");
		String soft = this.api.createTask("soft");
		JsonNode fatalCall = awaitToolCall(fatal, 0);
		JsonNode softCall = awaitToolCall(soft, 0);
		this.api.post("/task/" + fatal + "/event",
				Api.event("tool_call", fatalCall.get("id").asString(), Map.of("code", 500, "output", "db down")));
		this.api.post("/task/" + soft + "/event",
				Api.event("tool_call", softCall.get("id").asString(), Map.of("code", 400, "output", "try again")));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.sim.taskStatus(fatal).isTerminal() && this.sim.taskStatus(soft).isTerminal());
		assertThat(this.sim.taskStatus(fatal)).isEqualTo(SimulatedTaskStatus.FAILED);
		assertThat(this.api.get("/task/" + fatal).r().get("output").asString()).contains("db down");
		assertThat(this.sim.taskStatus(soft)).isEqualTo(SimulatedTaskStatus.DONE);
	}

	@Test
	void answeringAFinishedTaskIs400() {
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ZERO);
		String id = this.api.createTask("quick");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.DONE);
		Api.Reply reply = this.api.post("/task/" + id + "/event",
				Api.event("tool_call", "late", Map.of("code", 200, "output", 1)));
		assertThat(reply.status()).isEqualTo(400);
		assertThat(this.api.post("/task/unknown/event", Api.event("tool_call", "x", Map.of("code", 200))).status())
			.isEqualTo(404);
	}

	@Test
	void legacyPutAnswersAToolCall() {
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).toolCall("legacy", Map.of());
		String id = this.api.createTask("legacy");
		JsonNode call = awaitToolCall(id, 0);
		Api.Reply reply = this.api.send(this.api.builder("/task/" + id)
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(Api.json(Map.of("tool_response",
					Map.of("id", call.get("id").asString(), "code", 200, "output", "{\"a\":1}"))))));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(this.sim.toolAnswers(id).get(call.get("id").asString()).get(0).output().get("a").asInt())
			.isEqualTo(1);
	}

}
