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
import io.micrometer.observation.tck.TestObservationRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.error.SmoothAuthenticationException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.polling.PollingSettings;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The {@code smooth.task} observation of real tasks polled from a test server.
 */
class SmoothTaskObservationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private SmoothTestClients clients;

	@AfterEach
	void tearDown() {
		if (this.clients != null) {
			this.clients.close();
		}
	}

	private SmoothTestClients clients() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1", this.registry);
		return this.clients;
	}

	@Test
	void finishedTaskIsStoppedWithItsStatusAndTags() {
		stubCreated("t-done");
		stubRunningThen(wm, "t-done", "{\"id\":\"t-done\",\"status\":\"done\",\"output\":\"ok\",\"credits_used\":3}");

		TaskResult result = clients().template()
			.submit(SmoothTask.builder("read the page")
				.browser((b) -> b.agent(Agent.SMOOTH_LITE).device(Device.MOBILE))
				.build())
			.await(Duration.ofSeconds(5));

		assertThat(result.status()).isEqualTo(TaskStatus.DONE);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
				.that()
				.hasBeenStarted()
				.hasBeenStopped()
				.hasContextualNameEqualTo("smooth task")
				.hasLowCardinalityKeyValue("smooth.task.status", "done")
				.hasLowCardinalityKeyValue("smooth.agent", "smooth-lite")
				.hasLowCardinalityKeyValue("smooth.device", "mobile")
				.hasLowCardinalityKeyValue("smooth.task.kind", "task")
				.hasLowCardinalityKeyValue("exception", "none")
				.hasHighCardinalityKeyValue("smooth.task.id", "t-done")
				.doesNotHaveError());
		SmoothTaskObservationContext context = onlyTaskContext();
		assertThat(context.getResponse()).isNotNull();
		assertThat(context.getRequest().task()).isEqualTo("read the page");
		assertThat(context.getCreditsUsed()).isEqualTo(3);
		// (no id map to forget the task in: the observation lives in the task's run)
	}

	@Test
	void failedTaskIsStoppedWithStatusFailed() {
		stubCreated("t-failed");
		stubRunningThen(wm, "t-failed",
				"{\"id\":\"t-failed\",\"status\":\"failed\",\"output\":\"blocked\",\"credits_used\":2}");

		TaskResult result = clients().template().submit("read the page").await(Duration.ofSeconds(5));

		assertThat(result.status()).isEqualTo(TaskStatus.FAILED);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("smooth.task.status", "failed")
				.hasLowCardinalityKeyValue("exception", "none"));
	}

	@Test
	void cancelledTaskIsStoppedWithStatusCancelled() {
		stubCreated("t-cancel");
		stubRunningThen(wm, "t-cancel", "{\"id\":\"t-cancel\",\"status\":\"cancelled\",\"credits_used\":1}");

		clients().template().submit("read the page").await(Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("smooth.task.status", "cancelled"));
	}

	@Test
	void pollingThatFailsStopsWithStatusErrorAndTheException() {
		stubCreated("t-broken");
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t-broken"))
			.willReturn(aResponse().withStatus(500).withBody("{\"detail\":\"boom\"}")));

		TaskHandle handle = clients().template().submit("read the page");

		assertThatExceptionOfType(SmoothServerException.class).isThrownBy(() -> handle.await(Duration.ofSeconds(5)));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("smooth.task.status", "error")
				.hasLowCardinalityKeyValue("exception", "SmoothServerException")
				.hasError());
	}

	@Test
	@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = ReadTimeoutException.class,
			why = "the poll is answered after the read timeout on purpose")
	void pollingThatTimesOutStopsWithStatusTimeout() {
		stubCreated("t-slow");
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t-slow"))
			.willReturn(okJson("{\"r\":{\"id\":\"t-slow\",\"status\":\"running\"}}").withFixedDelay(1000)));
		this.clients = SmoothTestClients.builder(wm.baseUrl() + "/api/v1")
			.retry(new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10)))
			.polling(new PollingSettings(Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofMillis(50), 1.5, 0,
					Duration.ZERO))
			.readTimeout(Duration.ofMillis(200))
			.observations(this.registry)
			.build();

		TaskHandle handle = this.clients.template().submit("read the page");

		assertThatExceptionOfType(SmoothTimeoutException.class).isThrownBy(() -> handle.await(Duration.ofSeconds(5)));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("smooth.task.status", "timeout")
				.hasLowCardinalityKeyValue("exception", "SmoothTimeoutException"));
	}

	@Test
	void taskTheServerRefusesIsRecordedAsAnError() {
		wm.stubFor(post("/api/v1/task")
			.willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid API key\"}")));

		assertThatExceptionOfType(SmoothAuthenticationException.class)
			.isThrownBy(() -> clients().template().submit("read the page"));

		assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("smooth.task.status", "error")
			.hasLowCardinalityKeyValue("exception", "SmoothAuthenticationException")
			.doesNotHaveHighCardinalityKeyValueWithKey("smooth.task.id");
	}

	@Test
	void sessionIsObservedAsKindSession() {
		stubCreated("s-1");
		stubRunningThen(wm, "s-1", "{\"id\":\"s-1\",\"status\":\"done\",\"credits_used\":4}");

		TaskRun session = clients().launcher()
			.launch(TaskKind.SESSION, null, BrowserOptions.defaults())
			.block(Duration.ofSeconds(20));
		// an idle session is not polled: a waiter for its end (as result() is) polls it
		session.awaitResponse(TaskResponse::isTerminal, "the end", Duration.ofSeconds(5));

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.registry).hasObservationWithNameEqualTo("smooth.task")
				.that()
				.hasBeenStopped()
				.hasContextualNameEqualTo("smooth session")
				.hasLowCardinalityKeyValue("smooth.task.kind", "session")
				.hasLowCardinalityKeyValue("smooth.task.status", "done"));
	}

	private SmoothTaskObservationContext onlyTaskContext() {
		List<SmoothTaskObservationContext> contexts = new java.util.ArrayList<>();
		assertThat(this.registry).hasHandledContextsThatSatisfy((handled) -> handled.stream()
			.filter(SmoothTaskObservationContext.class::isInstance)
			.map(SmoothTaskObservationContext.class::cast)
			.forEach(contexts::add));
		assertThat(contexts).hasSize(1);
		return contexts.get(0);
	}

	static void stubCreated(String id) {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}")));
	}

	static void stubRunningThen(WireMockExtension server, String id, String terminal) {
		server.stubFor(get(urlPathEqualTo("/api/v1/task/" + id)).inScenario(id)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\",\"credits_used\":1}}"))
			.willSetStateTo("ended"));
		server.stubFor(get(urlPathEqualTo("/api/v1/task/" + id)).inScenario(id)
			.whenScenarioStateIs("ended")
			.willReturn(okJson("{\"r\":" + terminal + "}")));
	}

}
