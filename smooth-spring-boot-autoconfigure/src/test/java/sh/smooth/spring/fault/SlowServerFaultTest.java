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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolRoundTrip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poll that takes long is either held by a long-polling server until news, or answered
 * by a slow one. A hold that ends with events is followed by the next poll at once; a
 * slow answer with nothing new is followed by the usual backoff.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SlowServerFaultTest {

	private static final Duration LATENCY = Duration.ofMillis(1200);

	private static final Duration FIRST_DELAY = Duration.ofMillis(500);

	@Test
	void aSlowServerWithNothingNewIsPolledWithBackoffNotBackToBack(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(1));
		sim.faults(Route.GET_TASK).latency(LATENCY);
		SimulatorRig.runner()
			.withPropertyValues(
					SimulatorRig.properties(sim, "smooth.polling.first-delay=" + FIRST_DELAY.toMillis() + "ms",
							"smooth.polling.max-interval=5s", "smooth.polling.active-max-interval=5s"))
			.run((context) -> {
				context.getBean(SmoothOperations.class).submit("Read the news");

				await().atMost(Duration.ofSeconds(30)).until(() -> sim.requestCount(Route.GET_TASK) >= 4);

				// each poll waits out the latency, then at least the first delay: a poll
				// taken for a held one would follow at once, 1.2 s after the one before
				List<RecordedRequest> polls = sim.requests(Route.GET_TASK);
				List<Duration> gaps = new ArrayList<>();
				for (int i = 1; i < 4; i++) {
					gaps.add(Duration.between(polls.get(i - 1).receivedAt(), polls.get(i).receivedAt()));
				}
				assertThat(gaps).allSatisfy(
						(gap) -> assertThat(gap).isGreaterThanOrEqualTo(LATENCY.plus(FIRST_DELAY).minusMillis(100)));
			});
	}

	@Test
	void aLongPollingServerIsPolledAgainAtOnceAfterAHoldThatBroughtEvents(SmoothSimulator sim) {
		sim.longPoll(Duration.ofSeconds(10));
		sim.onTask(TaskMatcher.any())
			.toolCall(Duration.ofMillis(1500), "clock", Map.of())
			.toolCall(Duration.ofMillis(1500), "clock", Map.of())
			.toolCall(Duration.ofMillis(1500), "clock", Map.of());
		// without holds, a call would wait up to the 6 s steady interval of a task with
		// tools: 4.5 s after the 1.5 s of the call. The bound below sits between that and
		// the few milliseconds of a held poll, far from both, so a busy machine's late
		// timers cannot cross it
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.first-delay=1s",
					"smooth.polling.max-interval=6s", "smooth.polling.active-max-interval=6s"))
			.run((context) -> {
				TaskResult result = context.getBean(SmoothOperations.class)
					.submit("What time is it")
					.await(Duration.ofSeconds(30));

				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				List<ToolRoundTrip> trips = sim.toolRoundTrips(result.id());
				assertThat(trips).hasSize(3);
				// the second call ended a held poll, which taught the client that the
				// server holds polls; the poll after it was sent at once and held until
				// the third call
				assertThat(trips.get(2).roundTrip()).isLessThan(Duration.ofMillis(2500));
			});
	}

}
