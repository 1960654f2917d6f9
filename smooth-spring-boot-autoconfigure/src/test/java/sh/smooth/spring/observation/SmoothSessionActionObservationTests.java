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

package sh.smooth.spring.observation;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.SmoothTask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code smooth.session.action} observations of a real session, and the credits of
 * its actions.
 */
class SmoothSessionActionObservationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SessionActionObservations observer = new SessionActionObservations(this.registry, null);

	private SmoothTestClients clients;

	@BeforeEach
	void setUp() {
		this.registry.observationConfig().observationHandler(new SmoothCreditsObservationHandler(this.meters));
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1", this.registry);
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@Test
	void sessionWithThreeActions() {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"s-1\",\"status\":\"waiting\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/s-1")).inScenario("session")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"r\":{\"id\":\"s-1\",\"status\":\"running\",\"credits_used\":0}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/s-1")).inScenario("session")
			.whenScenarioStateIs("closed")
			.willReturn(okJson("{\"r\":{\"id\":\"s-1\",\"status\":\"done\",\"credits_used\":10}}")));
		TaskRun session = this.clients.launcher()
			.launch(TaskKind.SESSION, null, BrowserOptions.defaults())
			.block(Duration.ofSeconds(20));

		this.observer.start("s-1", "goto", session.observation()).stop(SessionActionOutcome.SUCCESS, 0, null);
		this.observer.start("s-1", "extract", session.observation()).stop(SessionActionOutcome.SUCCESS, 2, null);
		this.observer.start("s-1", "run_task", session.observation())
			.stop(SessionActionOutcome.FAILED, 5, new SmoothException("the agent gave up"));

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("smooth.session.action", 3)
			.forAllObservationsWithNameEqualTo("smooth.session.action",
					(action) -> action.hasHighCardinalityKeyValue("smooth.task.id", "s-1")
						.hasParentObservationContextMatching(SmoothTaskObservationContext.class::isInstance));
		assertThat(this.registry).hasAnObservation((action) -> action.hasNameEqualTo("smooth.session.action")
			.hasContextualNameEqualTo("smooth session goto")
			.hasLowCardinalityKeyValue("smooth.action", "goto")
			.hasLowCardinalityKeyValue("smooth.action.outcome", "success")
			.hasLowCardinalityKeyValue("exception", "none"));
		assertThat(this.registry).hasAnObservation((action) -> action.hasNameEqualTo("smooth.session.action")
			.hasLowCardinalityKeyValue("smooth.action", "run_task")
			.hasLowCardinalityKeyValue("smooth.action.outcome", "failed")
			.hasLowCardinalityKeyValue("exception", "SmoothException")
			.hasError());
		// actions are counted as they end, under their session's tags
		assertThat(credits("running")).isEqualTo(7);

		wm.setScenarioState("session", "closed");
		// an idle session is not polled: a waiter for its end (as result() is) polls it
		session.awaitResponse(TaskResponse::isTerminal, "the end", Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
				.that()
				.hasBeenStopped());
		// the session's total already holds its actions: only the rest is added
		assertThat(credits("running")).isEqualTo(7);
		assertThat(credits("done")).isEqualTo(3);
		assertThat(this.meters.get("smooth.credits.used").counters())
			.allSatisfy((counter) -> assertThat(counter.getId())
				.satisfies((id) -> assertThat(id.getTag("smooth.task.kind")).isEqualTo("session")));
		DistributionSummary perSession = this.meters.get("smooth.task.credits").summary();
		assertThat(perSession.count()).isEqualTo(1);
		assertThat(perSession.totalAmount()).isEqualTo(10);
	}

	@Test
	void actionsOfAnUnobservedSessionKeepTheSameTagKeys() {
		this.observer.start("s-elsewhere", "extract", Observation.NOOP).stop(SessionActionOutcome.SUCCESS, 4, null);
		// an action name outside the known five is tagged "other" (outcomes are an enum)
		this.observer.start("s-elsewhere", "hover", Observation.NOOP).stop(SessionActionOutcome.CLOSED, 0, null);

		Counter counter = this.meters.get("smooth.credits.used").counter();
		assertThat(counter.count()).isEqualTo(4);
		assertThat(counter.getId().getTags()).extracting("key")
			.containsExactlyInAnyOrder("smooth.task.status", "smooth.agent", "smooth.device", "smooth.task.kind",
					"origin", "exception");
		assertThat(this.registry).hasAnObservation((action) -> action.hasNameEqualTo("smooth.session.action")
			.hasLowCardinalityKeyValue("smooth.action", "other")
			.hasLowCardinalityKeyValue("smooth.action.outcome", "closed")
			.doesNotHaveParentObservation());
	}

	@Test
	void stoppingTwiceCountsOnce() {
		SessionActionObservations.Stoppable action = this.observer.start("s-2", "extract", Observation.NOOP);
		action.stop(SessionActionOutcome.SUCCESS, 3, null);
		action.stop(SessionActionOutcome.SUCCESS, 3, null);

		assertThat(this.meters.get("smooth.credits.used").counter().count()).isEqualTo(3);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("smooth.session.action", 1);
	}

	private double credits(String status) {
		return this.meters.find("smooth.credits.used")
			.tag("smooth.task.status", status)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

}
