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

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Task routes: statuses, envelopes, validation, cancel, list paging, data deletion,
 * recording and downloads URLs.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class TaskProtocolTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	@Test
	void baseUrlPointsAtLoopbackWithVersion() {
		assertThat(this.sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/api/v1");
		assertThat(this.sim.apiKey()).isNotBlank();
	}

	@Test
	void taskIsWaitingThenRunningWith202ThenDoneWith200() {
		// a whole second in each state: on a loaded machine a request may come late, and
		// must still see the state it checks
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ofSeconds(1)).doneAfter(Duration.ofSeconds(1));
		Api.Reply created = this.api.post("/task", Map.of("task", "Find flights"));
		assertThat(created.status()).isEqualTo(200);
		assertThat(created.taskStatus()).isEqualTo("waiting");
		String id = created.r().get("id").asString();

		Api.Reply waiting = this.api.get("/task/" + id + "?event_t=0");
		assertThat(waiting.status()).isEqualTo(202);
		assertThat(waiting.r().get("live_url").isNull()).isTrue();

		// the reply that showed "running" is the one checked: a second GET could come
		// after the end
		Api.Reply running = await().atMost(Duration.ofSeconds(5))
			.until(() -> this.api.get("/task/" + id), (reply) -> reply.taskStatus().equals("running"));
		assertThat(running.status()).isEqualTo(202);
		assertThat(running.r().get("live_url").asString()).contains("?b=");

		await().atMost(Duration.ofSeconds(5)).until(() -> this.api.get("/task/" + id).status() == 200);
		JsonNode done = this.api.get("/task/" + id).r();
		assertThat(done.get("status").asString()).isEqualTo("done");
		assertThat(done.get("output").asString()).contains("Find flights");
		assertThat(done.get("credits_used").asInt()).isEqualTo(1);
		assertThat(done.get("device").asString()).isEqualTo("desktop");
		assertThat(done.get("created_at").asLong()).isPositive();
	}

	@Test
	void unknownTaskIs404WithDetail() {
		Api.Reply reply = this.api.get("/task/nope");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.json().get("detail").asString()).isEqualTo("Task not found");
	}

	@Test
	void missingApiKeyIs401() {
		Api.Reply reply = this.api.send(HttpRequest.newBuilder(java.net.URI.create(this.sim.baseUrl() + "/task"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"task\":\"x\"}")));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.json().get("detail").isString()).isTrue();
		assertThat(this.sim.taskIds()).isEmpty();
	}

	@Test
	void exactApiKeyCanBeRequired() {
		this.sim.requireExactApiKey(true);
		Api.Reply wrong = this.api.send(this.api.builder("/profile").setHeader("apikey", "other").GET());
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(this.api.get("/profile").status()).isEqualTo(200);
	}

	@Test
	void outOfRangeMaxStepsAndBadDeviceAre422WithFastApiDetail() {
		Api.Reply reply = this.api.post("/task", Map.of("task", "x", "max_steps", 129, "device", "tablet"));
		assertThat(reply.status()).isEqualTo(422);
		JsonNode detail = reply.json().get("detail");
		assertThat(detail.isArray()).isTrue();
		assertThat(detail.get(0).get("loc").toString()).isEqualTo("[\"body\",\"max_steps\"]");
		assertThat(detail.get(0).get("type").asString()).isEqualTo("less_than_equal");
		assertThat(detail.get(1).get("loc").toString()).isEqualTo("[\"body\",\"device\"]");
		assertThat(this.api.post("/task", Map.of("task", "x", "max_steps", 1)).status()).isEqualTo(422);
		assertThat(this.api.post("/task", Map.of("task", "x", "max_steps", 2)).status()).isEqualTo(200);
		assertThat(this.api.post("/task", Map.of("task", "x", "max_steps", 128)).status()).isEqualTo(200);
		assertThat(this.api.post("/task", Map.of("task", "x", "metadata", Map.of("k", List.of(1)))).status())
			.isEqualTo(422);
		assertThat(this.api.post("/task", "not json").status()).isEqualTo(422);
	}

	@Test
	void eventsAreStrictlyAfterEventTAndChronological() {
		this.sim.onTask(TaskMatcher.any())
			.runningAfter(Duration.ZERO)
			.toolCall("a", Map.of("n", 1))
			.toolCall("b", Map.of("n", 2))
			.toolCall("c", Map.of("n", 3));
		String id = this.api.createTask("events");
		List<JsonNode> seen = new ArrayList<>();
		long eventT = 0;
		for (int i = 0; i < 3; i++) {
			long cursor = eventT;
			await().atMost(Duration.ofSeconds(5))
				.until(() -> !this.api.get("/task/" + id + "?event_t=" + cursor).events().isEmpty());
			List<JsonNode> events = this.api.get("/task/" + id + "?event_t=" + cursor).events();
			assertThat(events).hasSize(1);
			JsonNode call = events.get(0);
			assertThat(call.get("timestamp").asLong()).isGreaterThan(cursor);
			seen.add(call);
			eventT = call.get("timestamp").asLong();
			// the same cursor never returns the event again
			assertThat(this.api.get("/task/" + id + "?event_t=" + eventT).events()).isEmpty();
			this.api.post("/task/" + id + "/event",
					Api.event("tool_call", call.get("id").asString(), Map.of("code", 200, "output", "ok")));
		}
		List<JsonNode> all = this.api.get("/task/" + id + "?event_t=0").events();
		assertThat(all).extracting((event) -> event.get("payload").get("name").asString())
			.containsExactly("a", "b", "c");
		assertThat(all).extracting((event) -> event.get("timestamp").asLong()).isSorted().doesNotHaveDuplicates();
		long middle = all.get(1).get("timestamp").asLong();
		assertThat(this.api.get("/task/" + id + "?event_t=" + middle).events()).hasSize(1)
			.first()
			.satisfies((event) -> assertThat(event.get("payload").get("name").asString()).isEqualTo("c"));
	}

	@Test
	void scriptedFinalStatusesAndOutputs() {
		this.sim.onTask(TaskMatcher.textContains("fail"))
			.doneAfter(Duration.ZERO)
			.finalStatus(SimulatedTaskStatus.FAILED)
			.output("boom")
			.credits(3);
		this.sim.onTask(TaskMatcher.metadata("mode", "cancel"))
			.doneAfter(Duration.ZERO)
			.finalStatus(SimulatedTaskStatus.CANCELLED);
		String failed = this.api.createTask("please FAIL");
		String cancelled = this.api.post("/task", Map.of("task", "x", "metadata", Map.of("mode", "cancel")))
			.r()
			.get("id")
			.asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.sim.taskStatus(failed).isTerminal() && this.sim.taskStatus(cancelled).isTerminal());
		JsonNode f = this.api.get("/task/" + failed).r();
		assertThat(f.get("status").asString()).isEqualTo("failed");
		assertThat(f.get("output").asString()).isEqualTo("boom");
		assertThat(f.get("credits_used").asInt()).isEqualTo(3);
		assertThat(this.api.get("/task/" + cancelled).r().get("status").asString()).isEqualTo("cancelled");
	}

	@Test
	void outputIsGeneratedFromResponseModel() {
		Map<String, Object> schema = Map.of("type", "object", "properties",
				Map.of("title", Map.of("type", "string"), "count", Map.of("type", "integer"), "tags",
						Map.of("type", "array", "items", Map.of("type", "string")), "kind",
						Map.of("enum", List.of("a", "b"))),
				"required", List.of("title"));
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ZERO);
		String id = this.api.post("/task", Map.of("task", "structured", "response_model", schema))
			.r()
			.get("id")
			.asString();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.DONE);
		JsonNode output = this.api.get("/task/" + id).r().get("output");
		assertThat(output.get("title").asString()).isEqualTo("example");
		assertThat(output.get("count").asInt()).isEqualTo(1);
		assertThat(output.get("tags").get(0).asString()).isEqualTo("example");
		assertThat(output.get("kind").asString()).isEqualTo("a");
	}

	@Test
	void concurrencyLimitAnswers429UntilARunningTaskEnds() {
		this.sim.maxConcurrentTasks(2);
		this.sim.onTask(TaskMatcher.metadata("mode", "long")).doneAfter(Duration.ofMinutes(5));
		this.sim.onTask(TaskMatcher.metadata("mode", "short")).doneAfter(Duration.ofMillis(200));
		String running = this.api.post("/task", Map.of("task", "x", "metadata", Map.of("mode", "long")))
			.r()
			.get("id")
			.asString();
		this.api.post("/task", Map.of("task", "x", "metadata", Map.of("mode", "short")));
		assertThat(this.sim.runningTasks()).isEqualTo(2);

		Api.Reply refused = this.api.post("/task", Map.of("task", "x", "metadata", Map.of("mode", "short")));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.text()).contains("Concurrent session limit reached (2)");
		assertThat(this.sim.taskIds()).hasSize(2);

		// the short task ends on its own, the long one by a cancel: both free their slot
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sim.runningTasks() == 1);
		assertThat(this.api.post("/task", Map.of("task", "x", "metadata", Map.of("mode", "short"))).status())
			.isEqualTo(200);
		this.api.delete("/task/" + running);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.sim.runningTasks() == 0);
		assertThat(this.sim.peakConcurrentTasks()).isEqualTo(2);
		assertThat(this.sim.taskIds()).hasSize(3);
	}

	@Test
	void cancelReturnsTrueThen404AndTaskEndsCancelled() {
		this.sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(1));
		String id = this.api.createTask("long");
		Api.Reply cancel = this.api.delete("/task/" + id);
		assertThat(cancel.status()).isEqualTo(200);
		assertThat(cancel.r().asBoolean()).isTrue();
		Api.Reply after = this.api.get("/task/" + id);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.taskStatus()).isEqualTo("cancelled");
		assertThat(this.api.delete("/task/" + id).status()).isEqualTo(404);
		assertThat(this.api.delete("/task/unknown").status()).isEqualTo(404);
	}

	@Test
	void recordingUrlAppearsAfterTheEndAndIsEmptyWithoutRecording() {
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ZERO);
		String recorded = this.api.createTask("with video");
		Map<String, Object> noVideo = new HashMap<>(Map.of("task", "no video", "enable_recording", false));
		String unrecorded = this.api.post("/task", noVideo).r().get("id").asString();
		assertThat(this.api.post("/task", Map.of("task", "x")).r().get("recording_url").isNull()).isTrue();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !this.api.get("/task/" + recorded).r().get("recording_url").isNull()
					&& !this.api.get("/task/" + unrecorded).r().get("recording_url").isNull());
		assertThat(this.api.get("/task/" + recorded).r().get("recording_url").asString()).startsWith("https://");
		assertThat(this.api.get("/task/" + unrecorded).r().get("recording_url").asString()).isEmpty();
	}

	@Test
	void downloadsUrlOnlyWithDownloadsTrueAfterTheEnd() {
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofMillis(100));
		String id = this.api.createTask("download");
		assertThat(this.api.get("/task/" + id + "?downloads=true").r().get("downloads_url").isNull()).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.DONE);
		assertThat(this.api.get("/task/" + id).r().get("downloads_url").isNull()).isTrue();
		assertThat(this.api.get("/task/" + id + "?downloads=true").r().get("downloads_url").asString())
			.endsWith(".zip");
	}

	@Test
	void listIsNewestFirstAndPagesByCreatedAt() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ids.add(this.api.createTask("task " + i));
		}
		List<String> listed = new ArrayList<>();
		String query = "/task?l=3";
		while (true) {
			List<JsonNode> page = List.copyOf(this.api.get(query).r().values());
			page.forEach((task) -> listed.add(task.get("id").asString()));
			if (page.size() < 3) {
				break;
			}
			query = "/task?l=3&t=" + page.get(page.size() - 1).get("created_at").asLong();
		}
		List<String> newestFirst = new ArrayList<>(ids);
		java.util.Collections.reverse(newestFirst);
		assertThat(listed).containsExactlyElementsOf(newestFirst);
		assertThat(this.api.get("/task?l=0").status()).isEqualTo(422);
		assertThat(this.api.get("/task?l=129").status()).isEqualTo(422);
	}

	@Test
	void deleteDataOnlyAfterTheEnd() {
		this.sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofMillis(100));
		String id = this.api.createTask("secret");
		assertThat(this.api.delete("/task/" + id + "/data").status()).isEqualTo(400);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.taskStatus(id) == SimulatedTaskStatus.DONE);
		Api.Reply deleted = this.api.delete("/task/" + id + "/data");
		assertThat(deleted.status()).isEqualTo(200);
		assertThat(deleted.r().asBoolean()).isTrue();
		assertThat(this.api.get("/task/" + id).r().get("output").isNull()).isTrue();
		assertThat(this.api.delete("/task/unknown/data").status()).isEqualTo(404);
	}

	@Test
	void requestsAreRecordedAndCountedPerRoute() {
		String id = this.api.createTask("record me");
		this.api.get("/task/" + id + "?event_t=0");
		this.api.get("/task/" + id + "?event_t=0");
		assertThat(this.sim.requestCount(Route.CREATE_TASK)).isEqualTo(1);
		assertThat(this.sim.requestCount(Route.GET_TASK)).isEqualTo(2);
		RecordedRequest create = this.sim.requests(Route.CREATE_TASK).get(0);
		assertThat(create.method()).isEqualTo("POST");
		assertThat(create.path()).isEqualTo("/api/v1/task");
		assertThat(create.body().get("task").asString()).isEqualTo("record me");
		assertThat(create.header("apikey")).isEqualTo(this.sim.apiKey());
		RecordedRequest poll = this.sim.requests(Route.GET_TASK).get(1);
		assertThat(poll.query()).containsEntry("event_t", "0");
		assertThat(poll.call()).isEqualTo(2);
		assertThat(this.sim.requests()).hasSize(3);
	}

}
