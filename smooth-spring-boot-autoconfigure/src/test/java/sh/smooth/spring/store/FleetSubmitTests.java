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

package sh.smooth.spring.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Submits across a fleet of real application contexts sharing one PostgreSQL database and
 * one simulator: the fleet-wide concurrency limit and its queue, and idempotency keys.
 */
@ExtendWith(SmoothSimulatorExtension.class)
@ExpectedLog(logger = "sh.smooth.spring.autoconfigure", message = "read-timeout", why = "short timeouts on purpose")
class FleetSubmitTests {

	private static final Duration BOUND = Duration.ofSeconds(60);

	@Test
	void theLimitHoldsAcrossInstancesAndSubmitsBeyondItWaitInOrder(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("limited"))
			.runningAfter(Duration.ofMillis(10))
			.doneAfter(Duration.ofMillis(300));
		try (FleetRig fleet = new FleetRig(sim)) {
			String limit = "smooth.fleet.max-concurrent-tasks=3";
			FleetRig.Member a = fleet.start("a", limit);
			FleetRig.Member b = fleet.start("b", limit);
			long started = System.nanoTime();
			List<CompletableFuture<TaskResult>> runs = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				runs.add(a.smooth().runAsync(SmoothTask.builder("limited a" + i).build()));
				runs.add(b.smooth().runAsync(SmoothTask.builder("limited b" + i).build()));
			}
			await().atMost(BOUND)
				.until(() -> a.fleet().queued() > 0 || b.fleet().queued() > 0 || sim.taskIds().size() == 16);
			List<TaskResult> results = runs.stream().map(CompletableFuture::join).toList();
			long millis = (System.nanoTime() - started) / 1_000_000;

			assertThat(results).hasSize(16).allSatisfy((result) -> assertThat(result.isDone()).isTrue());
			assertThat(sim.peakConcurrentTasks()).isLessThanOrEqualTo(3);
			// nobody was refused: every create was sent once
			assertThat(sim.requests(Route.CREATE_TASK)).hasSize(16);
			await().atMost(BOUND).until(() -> a.fleet().store().queued() == 0);
			System.out.println("FLEET limit: tasks=16 instances=2 limit=3 peakAtSimulator=" + sim.peakConcurrentTasks()
					+ " ms=" + millis);
		}
	}

	@Test
	void aConcurrentSessionLimitRefusalPutsTheSubmitBackInTheQueue(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("plan"))
			.runningAfter(Duration.ofMillis(10))
			.doneAfter(Duration.ofMillis(200));
		// the account allows fewer than the fleet was told
		sim.maxConcurrentTasks(2);
		try (FleetRig fleet = new FleetRig(sim)) {
			FleetRig.Member a = fleet.start("a", "smooth.fleet.max-concurrent-tasks=4");
			List<CompletableFuture<TaskResult>> runs = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				runs.add(a.smooth().runAsync(SmoothTask.builder("plan " + i).build()));
			}
			List<TaskResult> results = runs.stream().map(CompletableFuture::join).toList();

			assertThat(results).allSatisfy((result) -> assertThat(result.isDone()).isTrue());
			assertThat(sim.taskIds()).hasSize(6);
			// some creates were refused with 429 and sent again later
			assertThat(sim.requests(Route.CREATE_TASK).size()).isGreaterThan(6);
			assertThat(sim.peakConcurrentTasks()).isLessThanOrEqualTo(2);
		}
	}

	@Test
	void aBlockingSubmitThatTimesOutInTheQueueLeavesItAndHoldsNoSlot(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("long"))
			.runningAfter(Duration.ofMillis(10))
			.doneAfter(Duration.ofSeconds(5));
		sim.onTask(TaskMatcher.textContains("short"))
			.runningAfter(Duration.ofMillis(10))
			.doneAfter(Duration.ofMillis(50));
		try (FleetRig fleet = new FleetRig(sim)) {
			// the submit's bound is twice the connect and read timeouts: 4 s
			FleetRig.Member a = fleet.start("a", "smooth.fleet.max-concurrent-tasks=1", "smooth.read-timeout=1s",
					"smooth.connect-timeout=1s");
			TaskHandle running = a.smooth().submit(SmoothTask.builder("long").build());

			assertThatExceptionOfType(SmoothException.class)
				.isThrownBy(() -> a.smooth().submit(SmoothTask.builder("short, never created").build()))
				.withMessageContaining("Timed out");
			await().atMost(BOUND).until(() -> a.fleet().store().queued() == 0);
			running.await(BOUND);
			// the slot is free at once: the submit that gave up holds none
			TaskResult next = a.smooth().run(SmoothTask.builder("short").build());

			assertThat(next.isDone()).isTrue();
			assertThat(sim.taskIds()).hasSize(2);
			assertThat(sim.requests(Route.CREATE_TASK)).hasSize(2);
		}
	}

	@Test
	void anIdempotencyKeyHoldsUnderConcurrentSubmitsFromTwoInstances(SmoothSimulator sim) throws Exception {
		sim.onTask(TaskMatcher.textContains("order 42"))
			.runningAfter(Duration.ofMillis(10))
			.doneAfter(Duration.ofMillis(300));
		try (FleetRig fleet = new FleetRig(sim)) {
			FleetRig.Member a = fleet.start("a");
			FleetRig.Member b = fleet.start("b");
			List<Callable<String>> submits = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				FleetRig.Member member = (i % 2 == 0) ? a : b;
				submits.add(() -> member.smooth()
					.submit(SmoothTask.builder("Ship order 42").idempotencyKey("order-42").correlationKey("42").build())
					.id());
			}
			ExecutorService threads = Executors.newFixedThreadPool(16);
			List<String> ids = new ArrayList<>();
			try {
				for (Future<String> id : threads.invokeAll(submits)) {
					ids.add(id.get());
				}
			}
			finally {
				threads.shutdownNow();
			}

			assertThat(sim.requests(Route.CREATE_TASK)).hasSize(1);
			assertThat(ids).hasSize(16).containsOnly(sim.taskIds().get(0));
			await().atMost(BOUND).until(() -> fleet.ledger.completions.containsKey(ids.get(0)));
			assertThat(fleet.ledger.completions.get(ids.get(0))).singleElement()
				.satisfies((event) -> assertThat(event.correlationKey()).isEqualTo("42"));
			// a submit after the end still finds the task: nothing new is billed
			assertThat(b.smooth().submit(SmoothTask.builder("Ship order 42").idempotencyKey("order-42").build()).id())
				.isEqualTo(ids.get(0));
			assertThat(sim.requests(Route.CREATE_TASK)).hasSize(1);
		}
	}

	@Test
	void keysAreCheckedBeforeAnyRequest() {
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> SmoothTask.builder("x").idempotencyKey(" "))
			.withMessageContaining("idempotencyKey");
		assertThatExceptionOfType(SmoothValidationException.class)
			.isThrownBy(() -> SmoothTask.builder("x").correlationKey("k".repeat(256)))
			.withMessageContaining("correlationKey")
			.withMessageContaining("255");
		assertThat(SmoothTask.builder("x").idempotencyKey("order-42").build().keys().idempotencyKey())
			.isEqualTo("order-42");
	}

	@Test
	void theKeysAreNeverSentToSmooth(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("quiet")).doneAfter(Duration.ofMillis(10));
		try (FleetRig fleet = new FleetRig(sim)) {
			fleet.start("a")
				.smooth()
				.run(SmoothTask.builder("quiet").idempotencyKey("secret-key-1").correlationKey("secret-key-2").build());
			String body = sim.requests(Route.CREATE_TASK).get(0).body().toString();
			assertThat(body).doesNotContain("secret-key-1").doesNotContain("secret-key-2");
		}
	}

}
