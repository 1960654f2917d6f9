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

package sh.smooth.spring.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Waiting for a response that meets a condition ({@code liveUrl()}, a session's
 * {@code result()}): the check and the registration of a waiter are one step with respect
 * to response handling, and a waiter that gives up is gone at once, so it no longer keeps
 * the task at the active cadence.
 */
class ResponseWaiterTests {

	/** Far longer than these tests should take: a wait this long means a hang. */
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private static final AtomicInteger counter = new AtomicInteger();

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private SmoothTestClients clients;

	private SmoothSimulator sim;

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
		this.sim = SmoothSimulator.start();
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
		this.sim.close();
	}

	@Test
	void aWaiterWhoseCheckOverlapsTheFinalResponseIsCompletedWithIt() throws Exception {
		String id = "task-" + counter.incrementAndGet();
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id)).inScenario(id)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(
					aResponse().withStatus(202).withBody("{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id)).inScenario(id)
			.whenScenarioStateIs("ended")
			.willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":\"ok\"}}")));
		TaskRun poller = this.clients.launcher()
			.launch(TaskKind.TASK, SmoothTask.builder("x").build().instruction(), BrowserOptions.defaults())
			.block(PATIENCE);
		await().atMost(PATIENCE)
			.until(() -> wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id))).size() >= 2);

		// a check that takes a moment: while it runs on a non-final response, the
		// server
		// turns final and the poller handles that response
		AtomicBoolean first = new AtomicBoolean(true);
		Predicate<TaskResponse> slowIsTerminal = (response) -> {
			if (first.compareAndSet(true, false)) {
				wm.setScenarioState(id, "ended");
				try {
					// returns as soon as the poller is done, or after 2 s if it waits
					// for this check to finish first (as it must)
					poller.completion().get(2, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					// the poller waited for the check: what an atomic check does
				}
			}
			return response.isTerminal();
		};
		CompletableFuture<TaskResponse> met = poller.awaitResponse(slowIsTerminal, "the end", null);

		assertThat(met.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).isTerminal()).isTrue();
		assertThat(poller.completion().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).output().asString())
			.isEqualTo("ok");
	}

	@Test
	void resultRacingTheFinalStatusOfManySessionsAlwaysGetsIt() {
		SimulatorRig.runner().withPropertyValues(SimulatorRig.properties(this.sim)).run((context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			List<String> wrong = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				SmoothSession session = smooth.openSession();
				// the force close and the final poll run on other threads while result()
				// checks and registers its waiter
				session.reactive().close().subscribe();
				TaskStatus status = session.result().status();
				if (status != TaskStatus.CANCELLED) {
					wrong.add(session.id() + ": " + status);
				}
			}
			assertThat(wrong).isEmpty();
		});
	}

	@Test
	void aTimedOutLiveUrlWaitLetsAPlainTaskBackOffToItsIdleCadence() {
		// waiting for 60 s: no browser, no live URL
		this.sim.onTask(sh.smooth.spring.test.TaskMatcher.any()).runningAfter(Duration.ofSeconds(60));
		SimulatorRig.runner().withPropertyValues(idleCadence()).run((context) -> {
			TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");

			assertThat(catchThrowable(() -> handle.liveUrl((o) -> o.timeout(Duration.ofMillis(300)))))
				.isInstanceOf(SmoothTimeoutException.class);

			// the idle cadence grows to 1.5 s; with the waiter left behind the task
			// stays at the 100 ms active cadence for good
			await().atMost(PATIENCE).until(() -> lastGap(this.sim).compareTo(Duration.ofSeconds(1)) >= 0);
		});
	}

	@Test
	void aTimedOutLiveUrlWaitLetsAnIdleSessionPause() {
		// the session stays waiting: no browser, no live URL
		this.sim.sessionStartDelay(Duration.ofSeconds(60));
		SimulatorRig.runner().withPropertyValues(idleCadence()).run((context) -> {
			try (SmoothSession session = context.getBean(SmoothOperations.class).openSession()) {
				assertThat(catchThrowable(() -> session.liveUrl((o) -> o.timeout(Duration.ofMillis(300)))))
					.isInstanceOf(SmoothTimeoutException.class);
				int polls = this.sim.requestCount(Route.GET_TASK);

				// at most the poll in flight when the wait gave up; a waiter left behind
				// would poll every 100 ms
				await().during(Duration.ofSeconds(1))
					.atMost(PATIENCE)
					.until(() -> this.sim.requestCount(Route.GET_TASK) <= polls + 1);
			}
		});
	}

	private String[] idleCadence() {
		return SimulatorRig.properties(this.sim, "smooth.polling.first-delay=50ms",
				"smooth.polling.max-interval=1500ms", "smooth.polling.active-max-interval=100ms",
				"smooth.polling.backoff-factor=3");
	}

	/** The time between the last two polls the simulator received. */
	private static Duration lastGap(SmoothSimulator sim) {
		List<RecordedRequest> polls = sim.requests(Route.GET_TASK);
		if (polls.size() < 2) {
			return Duration.ZERO;
		}
		Instant last = polls.get(polls.size() - 1).receivedAt();
		Instant before = polls.get(polls.size() - 2).receivedAt();
		return Duration.between(before, last);
	}

}
