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

package sh.smooth.spring.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.ToolAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A session action whose caller gave up still runs on the server, and its agent may still
 * call the session's tools: the session keeps being polled until the server reports the
 * action's result, then pauses as an idle session does.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class TimedOutActionFaultTest {

	@Test
	void aRunTaskThatTimedOutOnTheClientStillHasItsToolCallsAnswered(SmoothSimulator sim) {
		// the agent calls a tool 800 ms into the run, after the caller's 300 ms
		sim.onSessionAction("run_task").toolCall(Duration.ofMillis(800), "clock", Map.of());
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				try (SmoothSession session = context.getBean(SmoothOperations.class).openSession()) {
					Throwable thrown = catchThrowable(() -> session.runTask(
							SessionTask.builder("What time is it").build(), (o) -> o.timeout(Duration.ofMillis(300))));
					assertThat(thrown).isInstanceOf(SmoothTimeoutException.class);

					await().atMost(Duration.ofSeconds(10)).until(() -> !sim.toolAnswers(session.id()).isEmpty());
					List<List<ToolAnswer>> answers = List.copyOf(sim.toolAnswers(session.id()).values());
					assertThat(answers).singleElement().satisfies((once) -> assertThat(once).hasSize(1));
					assertThat(answers.get(0).get(0).code()).isEqualTo(200);

					// the run's result follows the answer; then nothing is pending and
					// the
					// session pauses, as an idle session does (the active cadence is 100
					// ms)
					await().atMost(Duration.ofSeconds(10)).until(() -> lastPollAgo(sim).toMillis() > 800);
					int polls = sim.requestCount(Route.GET_TASK);
					await().during(Duration.ofSeconds(1))
						.atMost(Duration.ofSeconds(5))
						.until(() -> sim.requestCount(Route.GET_TASK) == polls);
				}
			});
	}

	private static Duration lastPollAgo(SmoothSimulator sim) {
		List<RecordedRequest> polls = sim.requests(Route.GET_TASK);
		return Duration.between(polls.get(polls.size() - 1).receivedAt(), Instant.now());
	}

}
