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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.task.TaskTimeouts;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.task.TaskTimeouts;
import sh.smooth.spring.support.LogCapture;
import sh.smooth.spring.task.TaskTimeouts;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskTimeouts;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.SimulatedTaskStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A caller that gives up while {@code POST /task} is on its way (its wait times out, its
 * thread is interrupted, or it cancels the future) leaves no orphan: the server still
 * creates the task, and as soon as its id arrives the client cancels it ({@code DELETE
 * /task/{id}}) and logs the id at WARN. The caller's exception says that this will
 * happen.
 */
@ExpectedLog(logger = "sh.smooth.spring.task.Creation", message = "was created after its caller had given up",
		why = "each test gives up on a submit whose id arrives late, on purpose")
@ExtendWith(SmoothSimulatorExtension.class)
class OrphanSubmitFaultTest {

	/** How long the server takes to answer the submit: longer than the caller waits. */
	private static final Duration SLOW_CREATE = Duration.ofMillis(1500);

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	@Test
	void anInterruptedSubmitCancelsTheTaskWhenItsIdArrives(SmoothSimulator sim) throws Exception {
		slowCreationOfALongTask(sim);
		try (LogCapture logs = LogCapture.of(Level.WARN, "sh.smooth.spring")) {
			SimulatorRig.runner().withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
				SmoothOperations smooth = context.getBean(SmoothOperations.class);
				AtomicReference<Throwable> thrown = new AtomicReference<>();
				Thread caller = new Thread(() -> {
					try {
						smooth.submit("Book a flight");
					}
					catch (Throwable ex) {
						thrown.set(ex);
					}
				}, "submitting-caller");
				caller.start();
				// the request is on its way: the server has it, the answer is delayed
				await().atMost(PATIENCE).until(() -> sim.requestCount(Route.CREATE_TASK) == 1);
				caller.interrupt();
				caller.join(PATIENCE.toMillis());

				assertThat(thrown.get()).isInstanceOf(SmoothException.class)
					.hasMessageContaining("Interrupted")
					.hasMessageContaining("cancelled as soon as its id arrives");
				assertCancelledAndLogged(sim, logs);
			});
		}
	}

	@Test
	void aSubmitWhoseWaitTimesOutCancelsTheTaskWhenItsIdArrives(SmoothSimulator sim) {
		slowCreationOfALongTask(sim);
		try (LogCapture logs = LogCapture.of(Level.WARN, "sh.smooth.spring");
				SmoothTestClients clients = SmoothTestClients.create(sim.baseUrl(), shortCallTimeout())) {
			Throwable thrown = catchThrowable(() -> clients.template().submit("Book a flight"));

			assertThat(thrown).isInstanceOf(SmoothTimeoutException.class)
				.hasMessageContaining("Timed out")
				.hasMessageContaining("cancelled as soon as its id arrives");
			assertCancelledAndLogged(sim, logs);
		}
	}

	@Test
	void aSubmitAsyncCancelledBeforeTheIdArrivesCancelsTheTask(SmoothSimulator sim) {
		slowCreationOfALongTask(sim);
		try (LogCapture logs = LogCapture.of(Level.WARN, "sh.smooth.spring");
				SmoothTestClients clients = SmoothTestClients.create(sim.baseUrl())) {
			CompletableFuture<TaskHandle> submitted = clients.template()
				.submitAsync(SmoothTask.builder("Book a flight").build());
			await().atMost(PATIENCE).until(() -> sim.requestCount(Route.CREATE_TASK) == 1);

			submitted.cancel(true);

			assertCancelledAndLogged(sim, logs);
		}
	}

	@Test
	void aSessionWhoseOpeningTimesOutIsClosedWhenItsIdArrives(SmoothSimulator sim) {
		slowCreationOfALongTask(sim);
		try (LogCapture logs = LogCapture.of(Level.WARN, "sh.smooth.spring");
				SmoothTestClients clients = SmoothTestClients.create(sim.baseUrl(), shortCallTimeout())) {
			Throwable thrown = catchThrowable(() -> clients.template().openSession());

			assertThat(thrown).isInstanceOf(SmoothTimeoutException.class)
				.hasMessageContaining("session")
				.hasMessageContaining("cancelled as soon as its id arrives");
			assertCancelledAndLogged(sim, logs);
		}
	}

	/** The task would run for a minute, so only a cancel ends it within the test. */
	private static void slowCreationOfALongTask(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(1));
		sim.faults(Route.CREATE_TASK).latencyOnCall(1, SLOW_CREATE);
	}

	private static TaskTimeouts shortCallTimeout() {
		return new TaskTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofMillis(300));
	}

	/**
	 * The one task the server created is cancelled with a DELETE of its id, ends
	 * cancelled, and a WARN line names it.
	 */
	private static void assertCancelledAndLogged(SmoothSimulator sim, LogCapture logs) {
		await().atMost(PATIENCE).until(() -> !sim.requests(Route.CANCEL_TASK).isEmpty());
		assertThat(sim.taskIds()).hasSize(1);
		String id = sim.taskIds().get(0);
		List<RecordedRequest> cancels = sim.requests(Route.CANCEL_TASK);
		assertThat(cancels).extracting(RecordedRequest::path).containsExactly("/api/v1/task/" + id);
		assertThat(sim.taskStatus(id)).isEqualTo(SimulatedTaskStatus.CANCELLED);
		assertThat(logs.events()).filteredOn((event) -> event.getLevel() == Level.WARN)
			.extracting(ILoggingEvent::getFormattedMessage)
			.anySatisfy((message) -> assertThat(message).contains(id).contains("cancelling it"));
		// no second task: nothing was submitted again
		assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(1);
	}

}
