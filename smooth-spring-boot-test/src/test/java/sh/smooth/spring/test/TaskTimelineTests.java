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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * What a benchmark reads back per task: its requests (the create included) and its
 * server-side timeline.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class TaskTimelineTests {

	private SmoothSimulator sim;

	private Api api;

	@BeforeEach
	void setUp(SmoothSimulator sim) {
		this.sim = sim;
		this.api = new Api(sim);
	}

	@Test
	void requestsOfATaskStartWithItsCreateAndLeaveOthersOut() {
		String id = this.api.createTask("mine");
		String other = this.api.createTask("someone else's");
		this.api.get("/task/" + id + "?event_t=0");
		this.api.get("/task/" + other);
		this.api.post("/task/" + id + "/event", Api.event("tool_call", "tc_x", Map.of("code", 200)));
		this.api.delete("/task/" + id);

		List<RecordedRequest> requests = this.sim.requests(id);
		assertThat(requests).extracting(RecordedRequest::route)
			.containsExactly(Route.CREATE_TASK, Route.GET_TASK, Route.SEND_EVENT, Route.CANCEL_TASK);
		assertThat(requests.get(0).body().get("task").asString()).isEqualTo("mine");
		assertThat(requests.get(0).taskId()).isNull();
		assertThat(requests.subList(1, 4)).extracting(RecordedRequest::taskId).containsOnly(id);
		assertThat(requests).extracting(RecordedRequest::receivedNanos).isSorted();
		assertThat(this.sim.requests(other)).extracting(RecordedRequest::route)
			.containsExactly(Route.CREATE_TASK, Route.GET_TASK);
	}

	@Test
	void requestsOutsideTaskPathsNameNoTask() {
		this.api.get("/profile");
		assertThat(this.sim.requests(Route.LIST_PROFILES).get(0).taskId()).isNull();
	}

	@Test
	void timelineHasTheCreationAndTheEndOnTheMonotonicClock() {
		this.sim.onTask(TaskMatcher.textContains("timed"))
			.runningAfter(Duration.ZERO)
			.doneAfter(Duration.ofMillis(100));
		long before = System.nanoTime();
		String id = this.api.createTask("timed");
		TaskTimeline running = this.sim.timeline(id);
		assertThat(running.createdNanos()).isBetween(before, System.nanoTime());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.timeline(id).ended());
		TaskTimeline ended = this.sim.timeline(id);
		assertThat(ended.status()).isEqualTo(SimulatedTaskStatus.DONE);
		assertThat(ended.session()).isFalse();
		assertThat(ended.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(ended.endedNanos()).isLessThanOrEqualTo(System.nanoTime());
	}

	@Test
	void aRunningTaskHasNoEnd() {
		this.sim.onTask(TaskMatcher.textContains("long")).doneAfter(Duration.ofMinutes(5));
		String id = this.api.createTask("long");
		TaskTimeline timeline = this.sim.timeline(id);
		assertThat(timeline.ended()).isFalse();
		assertThat(timeline.endedNanos()).isEqualTo(-1);
		assertThat(timeline.duration()).isNull();
	}

	@Test
	void sessionActionTimingsCoverTheScriptedLatencyInPostOrder() {
		this.sim.onSessionAction("goto").latency(Duration.ofMillis(200));
		this.sim.onSessionAction("evaluate_js").latency(Duration.ZERO);
		String session = this.api.openSession();
		this.api.post("/task/" + session + "/event",
				Api.event("browser_action", "evt_1", Api.action("goto", Map.of("url", "https://example.com"))));
		this.api.post("/task/" + session + "/event",
				Api.event("browser_action", "evt_2", Api.action("evaluate_js", Map.of("js", "1"))));
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.sim.timeline(session).actions().stream().allMatch(SessionActionTiming::completed));
		TaskTimeline timeline = this.sim.timeline(session);
		assertThat(timeline.session()).isTrue();
		assertThat(timeline.actions()).extracting(SessionActionTiming::eventId).containsExactly("evt_1", "evt_2");
		assertThat(timeline.actions()).extracting(SessionActionTiming::action).containsExactly("goto", "evaluate_js");
		SessionActionTiming go = timeline.actions().get(0);
		assertThat(go.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		// the zero-latency action posted second is visible before the slow one
		assertThat(timeline.actions().get(1).completedNanos()).isLessThan(go.completedNanos());
	}

	@Test
	void unknownIdsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.sim.timeline("task_nope"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sim.requests("task_nope"));
	}

}
