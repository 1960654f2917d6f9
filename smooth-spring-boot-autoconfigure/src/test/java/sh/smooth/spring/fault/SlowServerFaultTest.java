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
		// the first call comes 5 s after the submit. The first poll goes out at once
		// (await() wants the result) and is held until that call: a hold of seconds that
		// brought events teaches the client that the server holds polls. Sent as late as
		// the 3 s first delay, it would still be held 2 s. (A script whose first hold was
		// shorter left the lesson to how the answer's wake-up and the re-read of the
		// newest millisecond interleave: about one run in five missed it.)
		// running from the start: a first poll that came while the task was still
		// waiting would be ended by the change to running, not by the call (seen in a
		// full build: the poll came 3 ms after the submit)
		sim.onTask(TaskMatcher.any())
			.runningAfter(Duration.ZERO)
			.toolCall(Duration.ofSeconds(5), "clock", Map.of())
			.toolCall(Duration.ofMillis(300), "clock", Map.of())
			.toolCall(Duration.ofMillis(300), "clock", Map.of());
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.first-delay=3s",
					"smooth.polling.max-interval=6s", "smooth.polling.active-max-interval=6s"))
			.run((context) -> {
				TaskResult result = context.getBean(SmoothOperations.class)
					.submit("What time is it")
					.await(Duration.ofSeconds(30));

				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				List<ToolRoundTrip> trips = sim.toolRoundTrips(result.id());
				assertThat(trips).hasSize(3);
				// once holds are known, the poll after each call's events is sent at
				// once and held until the next call: a round trip of milliseconds. The
				// wake-up after each accepted answer sends such a poll too, so either
				// alone passes (checked by turning each off); a client with neither
				// would back off and poll 3 s later, 2.7 s after the call. The bound
				// sits between the two, far from both, so late timers cannot cross it
				assertThat(trips.subList(1, 3))
					.as("tool round trips; requests since the submit: %s", timeline(sim, result.id()))
					.allSatisfy((trip) -> assertThat(trip.roundTrip()).isLessThan(Duration.ofMillis(2000)));
			});
	}

	/**
	 * What was sent when, for a failure message: a failed run cannot be repeated at will,
	 * so it must say which poll was in flight when each call came.
	 */
	private static String timeline(SmoothSimulator sim, String taskId) {
		List<RecordedRequest> requests = sim.requests();
		long start = requests.get(0).receivedNanos();
		StringBuilder timeline = new StringBuilder();
		for (RecordedRequest request : requests) {
			timeline.append("%n  +%d ms %s %s %s".formatted((request.receivedNanos() - start) / 1_000_000,
					request.method(), request.route(), request.query()));
		}
		for (ToolRoundTrip trip : sim.toolRoundTrips(taskId)) {
			timeline.append("%n  call emitted +%d ms, answered +%d ms"
				.formatted((trip.emittedNanos() - start) / 1_000_000, (trip.answeredNanos() - start) / 1_000_000));
		}
		return timeline.toString();
	}

}
