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
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Responses a proxy or a broken connection produce: an HTML 502 page, or JSON cut in
 * half. A poll that gets one is retried; when every attempt gets one (and failed polls
 * are not tolerated), the waiter sees a typed error at once. Nothing hangs: each wait is
 * measured against a bound far below the {@code await} bound.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class MalformedResponseFaultTest {

	/** Far longer than three fast attempts: reaching it would mean a hang. */
	private static final Duration AWAIT = Duration.ofSeconds(20);

	private static final Duration PROMPT = Duration.ofSeconds(5);

	@Test
	void oneHtml502PollIsRetried(SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).htmlBodyOnCall(1, 502);
		completesDespiteFault(sim);
	}

	@Test
	void oneTruncatedPollIsRetried(SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).truncatedJsonOnCall(1);
		completesDespiteFault(sim);
	}

	@Test
	void html502OnEveryPollFailsTheWaiterWithAServerError(SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).htmlBody(502);
		run(sim, (context) -> {
			TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");
			assertThat(assertFailsPromptly(() -> handle.await(AWAIT), SmoothServerException.class))
				.hasMessageContaining("502")
				.hasMessageContaining("Bad Gateway");
			assertThat(sim.requestCount(Route.GET_TASK)).isEqualTo(3);
			assertThat(context.getBean(PollingEngine.class).livePollers()).isEmpty();
		});
	}

	@Test
	void truncatedJsonOnEveryPollFailsTheWaiterWithANetworkError(SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).truncatedJson();
		run(sim, (context) -> {
			TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");
			assertThat(assertFailsPromptly(() -> handle.await(AWAIT), SmoothNetworkException.class))
				.hasMessageContaining("Unreadable JSON");
			assertThat(sim.requestCount(Route.GET_TASK)).isEqualTo(3);
			assertThat(context.getBean(PollingEngine.class).livePollers()).isEmpty();
		});
	}

	@Test
	void html502OnSubmitIsATypedErrorAndIsNotRepeated(SmoothSimulator sim) {
		sim.faults(Route.CREATE_TASK).htmlBody(502);
		run(sim, (context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			assertFailsPromptly(() -> smooth.submit("Read the news"), SmoothServerException.class);
			// a repeated POST /task could start, and bill, a second task
			assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(1);
		});
	}

	@Test
	void truncatedJsonOnSubmitIsATypedErrorAndIsNotRepeated(SmoothSimulator sim) {
		sim.faults(Route.CREATE_TASK).truncatedJson();
		run(sim, (context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			assertFailsPromptly(() -> smooth.submit("Read the news"), SmoothNetworkException.class);
			assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(1);
		});
	}

	@Test
	void malformedToolAnswerResponsesAreRetriedWithTheSameEventId(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).toolCall("clock", Map.of());
		sim.faults(Route.SEND_EVENT).htmlBodyOnCall(1, 502).truncatedJsonOnCall(2);
		run(sim, (context) -> {
			TaskResult result = context.getBean(SmoothOperations.class).submit("What time is it").await(AWAIT);
			assertThat(result.status()).isEqualTo(TaskStatus.DONE);
			// the truncated answer was handled by the server: the retry is a duplicate
			// with the same id, which the real service ignores. The task may end (and
			// the waiter return) before the retry is sent: it follows the truncated
			// response after a backoff, while the end is seen by the next poll
			await().atMost(PROMPT).until(() -> sim.requests(Route.SEND_EVENT).size() >= 3);
			assertThat(sim.requests(Route.SEND_EVENT)).hasSize(3)
				.extracting((request) -> request.body().get("id").asString())
				.containsOnly(sim.requests(Route.SEND_EVENT).get(0).body().get("id").asString());
		});
	}

	private void completesDespiteFault(SmoothSimulator sim) {
		run(sim, (context) -> {
			long start = System.nanoTime();
			TaskResult result = context.getBean(SmoothOperations.class).submit("Read the news").await(AWAIT);
			assertThat(result.status()).isEqualTo(TaskStatus.DONE);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
			assertThat(sim.requestCount(Route.GET_TASK)).isGreaterThan(1);
		});
	}

	private static <T extends Throwable> T assertFailsPromptly(Runnable call, Class<T> type) {
		long start = System.nanoTime();
		Throwable thrown = catchThrowable(call::run);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPT);
		assertThat(thrown).isInstanceOf(type);
		return type.cast(thrown);
	}

	private static void run(SmoothSimulator sim, ContextConsumer<AssertableApplicationContext> test) {
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			// failed polls are not tolerated here (failure-tolerance 0), so a failure
			// reaches
			// the waiter at once; PollFailureToleranceFaultTest covers the tolerance
			.withPropertyValues(
					SimulatorRig.properties(sim, "smooth.retry.max-attempts=3", "smooth.retry.initial-backoff=10ms",
							"smooth.retry.max-backoff=50ms", "smooth.polling.failure-tolerance=0s"))
			.run(test);
	}

}
