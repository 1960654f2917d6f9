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
import java.util.Set;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * A server that stops answering: every response takes 5 s, the read timeout is 1 s. The
 * timeouts fire as {@link SmoothTimeoutException}s, the pollers are gone afterwards, and
 * no thread is left behind once the context closes.
 */
@ExtendWith(SmoothSimulatorExtension.class)
@ExpectedLog(logger = "sh.smooth.spring.autoconfigure.SmoothAutoConfiguration", message = "smooth.read-timeout is PT1S",
		why = "the tests shorten the read timeout to 1 s on purpose")
@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = ReadTimeoutException.class,
		why = "the server answers after 5 s, the read timeout is 1 s")
class UnresponsiveServerFaultTest {

	private static final Duration SERVER_LATENCY = Duration.ofSeconds(5);

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	@Test
	void pollsTimeOutAndThePollerIsGone(SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).latency(SERVER_LATENCY);
		withoutLeaks(sim, (context) -> {
			TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");
			long start = System.nanoTime();
			Throwable thrown = catchThrowable(() -> handle.await(Duration.ofSeconds(30)));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			// two attempts of 1 s each and a short backoff (about 2.1 s), not the 5 s of
			// the server: a read timeout never fires early (the 100 ms below 2 s allow
			// for the first poll, sent before await was called), and any wait for the
			// server's answer would take its 5 s, which leaves 2.9 s for a loaded machine
			assertThat(thrown).isInstanceOf(SmoothTimeoutException.class)
				.hasMessageContaining("read timeout")
				.hasMessageContaining(handle.id());
			assertThat(took).isBetween(Duration.ofMillis(1900), SERVER_LATENCY);
			assertThat(sim.requestCount(Route.GET_TASK)).isEqualTo(2);
			assertThat(context.getBean(PollingEngine.class).livePollers()).isEmpty();
		});
	}

	@Test
	void aSubmitTimesOutOnceAndIsNotRepeated(SmoothSimulator sim) {
		sim.faults(Route.CREATE_TASK).latency(SERVER_LATENCY);
		withoutLeaks(sim, (context) -> {
			long start = System.nanoTime();
			Throwable thrown = catchThrowable(() -> context.getBean(SmoothOperations.class).submit("Read the news"));
			// one attempt of 1 s; waiting for the server's answer would take its 5 s
			assertThat(thrown).isInstanceOf(SmoothTimeoutException.class);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900), SERVER_LATENCY);
			// the server may have created it: a repeat could start a second task
			assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(1);
			assertThat(context.getBean(PollingEngine.class).livePollers()).isEmpty();
		});
	}

	@Test
	void aWaitShorterThanTheReadTimeoutFiresOnItsOwnAndPollingStaysBounded(SmoothSimulator sim) {
		sim.faults(Route.GET_TASK).latency(SERVER_LATENCY);
		withoutLeaks(sim, (context) -> {
			TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");
			long start = System.nanoTime();
			Throwable thrown = catchThrowable(() -> handle.await(Duration.ofMillis(300)));
			// the wait's own timer fired (its bound is in the message), not the poll's
			// read timeout; and it fired before that read timeout could have: 0.3 s,
			// with 0.7 s for a loaded machine to wake the waiting thread
			assertThat(thrown).isInstanceOf(SmoothTimeoutException.class).hasMessageContaining("PT0.3S");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(READ_TIMEOUT);
			// the poller gives up by itself after its attempts
			await().atMost(Duration.ofSeconds(5))
				.until(() -> context.getBean(PollingEngine.class).livePollers().isEmpty());
		});
	}

	@Test
	@ExpectedLog(logger = "sh.smooth.spring.session.SessionRegistry", message = "Could not close Smooth session",
			why = "the server does not answer the DELETEs that close the sessions")
	void shutdownWithOpenSessionsStaysBoundedWhenTheServerStopsAnswering(SmoothSimulator sim) {
		withoutLeaks(sim, (context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			PollingEngine engine = context.getBean(PollingEngine.class);
			List<String> sessions = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				sessions.add(smooth.openSession().id());
			}
			// from now on nothing is answered in time: not the DELETEs that close the
			// sessions, not the polls that would see them end
			sim.faults(Route.CANCEL_TASK).latency(SERVER_LATENCY);
			sim.faults(Route.GET_TASK).latency(SERVER_LATENCY);
			long start = System.nanoTime();
			context.close();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			List<RecordedRequest> deletes = sim.requests(Route.CANCEL_TASK);
			assertThat(deletes).extracting(RecordedRequest::path)
				.allMatch((path) -> sessions.stream().anyMatch(path::endsWith))
				.hasSize(2 * sessions.size());
			// the closes ran in parallel: every session's first DELETE arrived before
			// any could have timed out (a close that waited for another would come at
			// least one read timeout later)
			List<Instant> firstAttempts = sessions.stream()
				.map((id) -> deletes.stream().filter((delete) -> delete.path().endsWith(id)).findFirst().orElseThrow())
				.map(RecordedRequest::receivedAt)
				.sorted()
				.toList();
			assertThat(Duration.between(firstAttempts.get(0), firstAttempts.get(firstAttempts.size() - 1)))
				.isLessThan(READ_TIMEOUT);
			// two attempts of 1 s for each DELETE, about 2 s in all; waiting out the 10 s
			// the session registry allows would mean a close hung
			assertThat(took).isLessThan(Duration.ofSeconds(10));
			assertThat(engine.livePollers()).isEmpty();
		});
	}

	private static void withoutLeaks(SmoothSimulator sim, ContextConsumer<AssertableApplicationContext> test) {
		Set<Thread> before = SimulatorRig.nonDaemonThreads();
		SimulatorRig.runner()
			// a poll that times out after its retries is not tolerated here: these tests
			// are
			// about the read timeout, not about outlasting an outage
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.read-timeout=" + READ_TIMEOUT.toMillis() + "ms",
					"smooth.retry.max-attempts=2", "smooth.retry.initial-backoff=10ms", "smooth.retry.max-backoff=50ms",
					"smooth.polling.failure-tolerance=0s"))
			.run(test);
		// the context is closed: no thread of the client survives it (polled on this
		// thread, so Awaitility adds no thread of its own)
		await().pollInSameThread().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(SimulatorRig.clientThreads()).isEmpty();
			Set<Thread> after = SimulatorRig.nonDaemonThreads();
			after.removeAll(before);
			assertThat(after).isEmpty();
		});
	}

}
