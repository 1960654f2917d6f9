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

package sh.smooth.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.task.TaskResult;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Smooth's observations in a Boot application with Boot's own observation and metrics
 * auto-configuration: the default meter handler, {@code http.client.requests} on the
 * Smooth WebClient, and {@code management.observations.enable.smooth}.
 */
class SmoothBootObservabilityTests {

	private static final String KEY = "test-key-0123456789";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				WebClientAutoConfiguration.class, WebClientObservationAutoConfiguration.class,
				SmoothAutoConfiguration.class, SmoothObservationAutoConfiguration.class))
		.withPropertyValues("smooth.api-key=" + KEY, "smooth.base-url=" + wm.baseUrl() + "/api/v1",
				"smooth.polling.first-delay=20ms", "smooth.polling.max-interval=100ms",
				"smooth.retry.initial-backoff=20ms");

	@Test
	void aTaskGivesTimerCreditsPollsAndHttpClientRequests() {
		stubTask("t-77aa", 3);
		this.runner.run((context) -> {
			TaskResult result = context.getBean(SmoothOperations.class).run("open the billing page");
			assertThat(result.creditsUsed()).isEqualTo(3);
			MeterRegistry meters = context.getBean(MeterRegistry.class);

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(meters.find("smooth.credits.used").counter()).isNotNull());
			assertThat(meters.get("smooth.credits.used").counter().count()).isEqualTo(3);
			assertThat(meters.get("smooth.task").tag("smooth.task.status", "done").timer().count()).isEqualTo(1);
			assertThat(meters.get("smooth.poll.requests").tag("outcome", "terminal").counter().count()).isEqualTo(1);

			// Boot's observation of the Smooth WebClient, tagged with URI templates (base
			// path
			// included), never with ids or query values
			assertThat(
					meters.get("http.client.requests").tag("method", "POST").tag("uri", "/api/v1/task").timer().count())
				.isEqualTo(1);
			assertThat(meters.get("http.client.requests").tag("method", "GET").tag("uri", "/api/v1/task/{id}").timers())
				.isNotEmpty();
			assertThat(tagsOf(meters, "http.client.requests"))
				.allSatisfy((value) -> assertThat(value).doesNotContain(KEY, "t-77aa", "event_t", "apikey", "billing"));
			wm.verify(getRequestedFor(urlPathEqualTo("/api/v1/task/t-77aa")).withHeader("apikey",
					com.github.tomakehurst.wiremock.client.WireMock.equalTo(KEY)));
		});
	}

	@Test
	void bootsSwitchTurnsOffTheObservationsAndTheirCredits() {
		stubTask("t-88bb", 5);
		this.runner.withPropertyValues("management.observations.enable.smooth=false").run((context) -> {
			TaskResult result = context.getBean(SmoothOperations.class).run("open the billing page");
			assertThat(result.creditsUsed()).isEqualTo(5);
			MeterRegistry meters = context.getBean(MeterRegistry.class);

			// polling ended, so the task's observation would have stopped by now
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(meters.find("smooth.poll.requests").tag("outcome", "terminal").counter())
							.satisfies((counter) -> assertThat(counter.count()).isEqualTo(1)));
			assertThat(meters.find("smooth.task").meters()).isEmpty();
			assertThat(meters.find("smooth.task.active").meters()).isEmpty();
			assertThat(meters.find("smooth.credits.used").meters()).isEmpty();
			assertThat(meters.find("smooth.task.credits").meters()).isEmpty();
			// other observations are untouched
			assertThat(meters.find("http.client.requests").meters()).isNotEmpty();
		});
	}

	@Test
	void bootsMeterFilterDropsEverySmoothMeter() {
		stubTask("t-99cc", 2);
		this.runner.withPropertyValues("management.metrics.enable.smooth=false").run((context) -> {
			TaskResult result = context.getBean(SmoothOperations.class).run("open the billing page");
			assertThat(result.creditsUsed()).isEqualTo(2);
			MeterRegistry meters = context.getBean(MeterRegistry.class);

			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(
						() -> assertThat(context.getBean(sh.smooth.spring.polling.PollingEngine.class).livePollers())
							.isEmpty());
			assertThat(meters.getMeters()).extracting((meter) -> meter.getId().getName())
				.contains("http.client.requests")
				.noneMatch((name) -> name.startsWith("smooth."));
		});
	}

	private static List<String> tagsOf(MeterRegistry meters, String name) {
		List<String> values = new ArrayList<>();
		for (Meter meter : meters.find(name).meters()) {
			for (Tag tag : meter.getId().getTags()) {
				values.add(tag.getKey());
				values.add(tag.getValue());
			}
		}
		assertThat(values).isNotEmpty();
		return values;
	}

	private static void stubTask(String id, int credits) {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id)).inScenario(id)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"r\":{\"id\":\"" + id + "\",\"status\":\"running\"}}"))
			.willSetStateTo("ended"));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/" + id)).inScenario(id)
			.whenScenarioStateIs("ended")
			.willReturn(
					okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"done\",\"credits_used\":" + credits + "}}")));
	}

}
