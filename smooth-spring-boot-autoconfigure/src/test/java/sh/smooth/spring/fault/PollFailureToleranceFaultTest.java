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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.http.client.PrematureCloseException;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothApiException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Polls that fail for a while: the remote task keeps running (and billing), so the client
 * keeps polling, backing off, for {@code smooth.polling.failure-tolerance} before its
 * waiters fail, and answers the tool calls it finds once polling recovers.
 */
@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = PrematureCloseException.class,
		why = "the simulator resets the connections of the polls on purpose")
@ExtendWith(SmoothSimulatorExtension.class)
class PollFailureToleranceFaultTest {

	/** Far longer than the outage and the backoffs: reaching it would mean a hang. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Test
	void connectionResetsBeyondTheRetriesAreOutlastedAndTheToolCallIsAnswered(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).toolCall("clock", Map.of());
		// two polls' worth of resets: 4 attempts each; the first four alone used to
		// fail every waiter after about 2.6 s
		for (int call = 1; call <= 8; call++) {
			sim.faults(Route.GET_TASK).dropConnectionOnCall(call);
		}
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.retry.max-attempts=4",
					"smooth.retry.initial-backoff=100ms", "smooth.retry.max-backoff=400ms"))
			.run((context) -> {
				TaskResult result = context.getBean(SmoothOperations.class).submit("What time is it").await(PATIENCE);

				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				assertThat(sim.toolAnswers(result.id()).values()).singleElement()
					.satisfies((answers) -> assertThat(answers).hasSize(1));
				assertThat(sim.requestCount(Route.GET_TASK)).isGreaterThan(8);
			});
	}

	@Test
	void whenTheToleranceIsSpentTheWaiterGetsTheTypedError(SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).statusRate(1.0, 503, 1);
		SimulatorRig.runner()
			.withPropertyValues(
					SimulatorRig.properties(sim, "smooth.retry.max-attempts=1", "smooth.polling.failure-tolerance=3s"))
			.run((context) -> {
				long start = System.nanoTime();
				TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");

				Throwable thrown = catchThrowable(() -> handle.await(PATIENCE));

				assertThat(thrown).isInstanceOfSatisfying(SmoothServerException.class,
						(ex) -> assertThat(ex.status()).isEqualTo(503));
				// not before the tolerance is spent (timers never fire early); polls
				// backed off: 1 s, then 2 s, not one per retry delay
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
				assertThat(sim.requestCount(Route.GET_TASK)).isBetween(3, 4);
				assertThat(context.getBean(PollingEngine.class).livePollers()).isEmpty();
			});
	}

	@ParameterizedTest(name = "HTTP {0}")
	@ValueSource(ints = { 404, 401, 403 })
	void failuresThatCannotPassFailTheWaiterAtOnceWhateverTheTolerance(int status, SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).statusRate(1.0, status, 1);
		// the default tolerance of a minute
		SimulatorRig.runner().withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			long start = System.nanoTime();
			TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");

			Throwable thrown = catchThrowable(() -> handle.await(PATIENCE));

			assertThat(thrown).isInstanceOfSatisfying(SmoothApiException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(status));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(sim.requestCount(Route.GET_TASK)).isEqualTo(1);
		});
	}

}
