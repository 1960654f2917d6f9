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
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a 429 with {@code Retry-After} pauses, and for how long: only the calls of its own
 * endpoint that are retried, for at most {@code smooth.retry.max-retry-after}. A refused
 * submit (not retried) pauses nothing, so the polls and tool answers of healthy tasks go
 * on. The wait bounds here are far above what the client needs and far below the
 * advertised {@code Retry-After}, so only a pause that should not happen reaches them.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class RateLimitScopeFaultTest {

	@Test
	void aRefusedSubmitPausesNeitherPollsNorToolAnswers(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("busy"))
			.toolCall(Duration.ofSeconds(1), "clock", Map.of())
			.doneAfter(Duration.ofMillis(10));
		// "concurrent session limit": the second submit is refused for 30 s
		sim.faults(Route.CREATE_TASK).retryAfter429OnCall(2, Duration.ofSeconds(30));
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.tools.attach=none"))
			.run((context) -> {
				SmoothOperations smooth = context.getBean(SmoothOperations.class);
				TaskHandle busy = smooth
					.submit(SmoothTask.builder("busy task").browser((b) -> b.tools("clock")).build());

				SmoothRateLimitException refused = catchThrowableOfType(SmoothRateLimitException.class,
						() -> smooth.submit("second task"));

				assertThat(refused.retryAfter()).contains(Duration.ofSeconds(30));
				// the busy task is still polled, its tool call answered, and it ends
				TaskResult result = busy.await(Duration.ofSeconds(15));
				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				assertThat(sim.toolAnswers(busy.id())).isNotEmpty();
				// a refused submit is never repeated
				assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(2);
			});
	}

	@Test
	void aRetryAfterOnAPollPausesPollingForAtMostMaxRetryAfter(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofSeconds(2));
		int limitedCall = 3;
		// the server asks for an hour
		sim.faults(Route.GET_TASK).retryAfter429OnCall(limitedCall, Duration.ofHours(1));
		SimulatorRig.runner()
			.withPropertyValues(
					SimulatorRig.properties(sim, "smooth.retry.max-retry-after=1s", "smooth.polling.max-interval=100ms",
							"smooth.retry.initial-backoff=10ms", "smooth.retry.max-backoff=200ms"))
			.run((context) -> {
				TaskResult result = context.getBean(SmoothOperations.class)
					.submit("Polled task")
					.await(Duration.ofSeconds(20));
				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
			});
		List<RecordedRequest> polls = sim.requests(Route.GET_TASK);
		Instant limited = polls.get(limitedCall - 1).receivedAt();
		Instant next = polls.get(limitedCall).receivedAt();
		// the pause happened (the client read the 429 after the server received the
		// poll, and waited the whole second from then), and was cut to a second: the
		// task ended within the await bound instead of an hour later
		assertThat(Duration.between(limited, next)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void theDefaultBoundOfARetryAfterPauseIsSixtySeconds(SmoothSimulator sim) {
		SimulatorRig.runner().withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			Duration bound = context.getBean(SmoothApiClient.class).retrySettings().maxRetryAfter();
			assertThat(bound).isEqualTo(Duration.ofSeconds(60)).isEqualTo(RetrySettings.DEFAULT_MAX_RETRY_AFTER);
		});
	}

}
