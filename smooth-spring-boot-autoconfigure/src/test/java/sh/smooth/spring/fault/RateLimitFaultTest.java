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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
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
 * The client's shared limits on polling, measured from the simulator's own timestamps:
 * {@code smooth.polling.max-requests-per-second} caps the polls of all tasks together
 * (tasks with tools go first), and a 429 with {@code Retry-After} pauses every poller at
 * once.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class RateLimitFaultTest {

	private static final int CAP = 50;

	@Test
	void theRateCapHoldsWithAThousandTasksAndAllComplete(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofSeconds(1));
		SimulatorRig.runner()
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.max-requests-per-second=" + CAP))
			.run((context) -> {
				SmoothTemplate smooth = context.getBean(SmoothTemplate.class);
				List<CompletableFuture<TaskResult>> results = submit(smooth, 1000, "Quick task");
				// 1,000 tasks need at least 1,000 polls: 20 s at 50 per second
				CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
				assertThat(results)
					.allSatisfy((result) -> assertThat(result.getNow(null).status()).isEqualTo(TaskStatus.DONE));
			});
		List<Instant> polls = sim.requests(Route.GET_TASK).stream().map(RecordedRequest::receivedAt).toList();
		assertThat(polls).hasSizeGreaterThanOrEqualTo(1000);
		// a token bucket of one second: at most the cap plus the burst in any second;
		// 10% more for the time between sending and arriving
		assertThat(busiestSecond(polls)).isLessThanOrEqualTo((int) (2 * CAP * 1.1));
		// and over the whole run, the cap
		Duration span = Duration.between(polls.get(0), polls.get(polls.size() - 1));
		assertThat(polls.size() / (span.toMillis() / 1000.0)).isLessThanOrEqualTo(CAP * 1.1);
	}

	@Test
	void tasksWithToolsArePolledFirstUnderTheCap(SmoothSimulator sim) {
		// 200 plain tasks keep the cap of 20 polls per second saturated: each is polled
		// about every 10 s
		sim.onTask(TaskMatcher.textContains("plain")).doneAfter(Duration.ofMinutes(1));
		sim.onTask(TaskMatcher.textContains("tool"))
			.toolCall(Duration.ofSeconds(1), "clock", Map.of())
			.doneAfter(Duration.ofMillis(10));
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.max-requests-per-second=20",
					"smooth.tools.attach=none"))
			.run((context) -> {
				SmoothTemplate smooth = context.getBean(SmoothTemplate.class);
				submit(smooth, 200, "plain task");
				// queue up: the plain tasks' polls wait for the cap
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(PollingEngine.class).pollsWaitingForRateCap() > 100);
				TaskHandle withTool = smooth.submitAsync(SmoothTask.builder("tool task").tools("clock").build())
					.get(10, TimeUnit.SECONDS);
				long start = System.nanoTime();
				TaskResult result = withTool.await(Duration.ofSeconds(8));
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				// in a plain FIFO it would wait behind 100+ polls (5 s or more) per turn
				assertThat(took).isLessThan(Duration.ofMillis(3500));
				List<ToolRoundTrip> trips = sim.toolRoundTrips(withTool.id());
				assertThat(trips).singleElement()
					.satisfies((trip) -> assertThat(trip.roundTrip()).isLessThan(Duration.ofMillis(1500)));
			});
	}

	@Test
	void aRetryAfterOnOnePollPausesEveryPoller(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofSeconds(3));
		int limitedCall = 150;
		sim.faults(Route.GET_TASK).retryAfter429OnCall(limitedCall, Duration.ofSeconds(1));
		SimulatorRig.runner()
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.max-interval=100ms",
					"smooth.retry.initial-backoff=10ms", "smooth.retry.max-backoff=200ms"))
			.run((context) -> {
				List<CompletableFuture<TaskResult>> results = submit(context.getBean(SmoothTemplate.class), 50,
						"Polled task");
				CompletableFuture.allOf(results.toArray(new CompletableFuture<?>[0])).get(30, TimeUnit.SECONDS);
				assertThat(results)
					.allSatisfy((result) -> assertThat(result.getNow(null).status()).isEqualTo(TaskStatus.DONE));
			});
		List<RecordedRequest> polls = sim.requests(Route.GET_TASK);
		Instant limited = polls.stream()
			.filter((poll) -> poll.call() == limitedCall)
			.findFirst()
			.orElseThrow()
			.receivedAt();
		// busy before: 50 tasks polled every 100 ms or faster
		assertThat(polls).filteredOn((poll) -> within(poll, limited.minusMillis(500), limited)).hasSizeGreaterThan(50);
		// silent after: polls already on the wire when the client read the 429 may
		// land just after it (250 ms allowed, for a loaded machine), then none until
		// Retry-After has passed
		assertThat(polls).filteredOn((poll) -> within(poll, limited.plusMillis(250), limited.plusMillis(950)))
			.isEmpty();
		// and polling resumed
		assertThat(polls).filteredOn((poll) -> poll.receivedAt().isAfter(limited.plusMillis(950))).isNotEmpty();
	}

	private static boolean within(RecordedRequest request, Instant from, Instant to) {
		return request.receivedAt().isAfter(from) && request.receivedAt().isBefore(to);
	}

	private static List<CompletableFuture<TaskResult>> submit(SmoothTemplate smooth, int count, String text)
			throws Exception {
		List<CompletableFuture<TaskHandle>> submits = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			submits.add(smooth.submitAsync(SmoothTask.builder(text + " " + i).build()));
		}
		List<CompletableFuture<TaskResult>> results = new ArrayList<>();
		for (CompletableFuture<TaskHandle> submit : submits) {
			results.add(submit.get(30, TimeUnit.SECONDS).toFuture());
		}
		return results;
	}

	/**
	 * The most requests within any one second.
	 */
	private static int busiestSecond(List<Instant> times) {
		List<Instant> sorted = times.stream().sorted().toList();
		int best = 0;
		int first = 0;
		for (int last = 0; last < sorted.size(); last++) {
			while (Duration.between(sorted.get(first), sorted.get(last)).compareTo(Duration.ofSeconds(1)) >= 0) {
				first++;
			}
			best = Math.max(best, last - first + 1);
		}
		return best;
	}

}
