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
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.SmoothTask;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The meters of real tasks: {@code smooth.credits.used}, {@code smooth.task.credits},
 * {@code smooth.poll.requests}, and the {@code smooth.task} timer that Micrometer's
 * default handler derives from the observation. None of them carries an id, a task text,
 * a URL or the key.
 */
class SmoothCreditsMetricsTests {

	private static final String SECRET_TEXT = "find the secret pricing page";

	private static final String URL = "https://private.example.com/admin";

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private SmoothTestClients clients;

	@AfterEach
	void tearDown() {
		if (this.clients != null) {
			this.clients.close();
		}
	}

	@Test
	void twoTasksOfThreeAndFiveCreditsCountEight() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		runTwoTasks(meters);

		assertThat(meters.get("smooth.credits.used").counter().count()).isEqualTo(8);
		assertThat(meters.get("smooth.credits.used").counter().getId().getBaseUnit()).isEqualTo("credits");
		assertThat(meters.get("smooth.credits.used").counter().getId().getTags()).containsExactlyInAnyOrder(
				Tag.of("smooth.task.status", "done"), Tag.of("smooth.agent", "smooth"),
				Tag.of("smooth.device", "desktop"), Tag.of("smooth.task.kind", "task"), Tag.of("origin", "application"),
				Tag.of("exception", "none"));
		assertThat(meters.get("smooth.task.credits").summary().count()).isEqualTo(2);
		assertThat(meters.get("smooth.task.credits").summary().totalAmount()).isEqualTo(8);
		assertThat(meters.get("smooth.task.credits").summary().max()).isEqualTo(5);
		assertThat(meters.get("smooth.task").timer().count()).isEqualTo(2);
		assertThat(meters.get("smooth.poll.requests").tag("outcome", "terminal").counter().count()).isEqualTo(2);
	}

	@Test
	void noMeterCarriesTheTaskIdTextUrlOrKey() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = runTwoTasks(meters);
		new SessionActionObservations(observations, null).start("t-3f9a-secret", "goto", Observation.NOOP)
			.stop(SessionActionOutcome.SUCCESS, 0, null);
		new ToolCallObservations(observations, null)
			.start("t-3f9a-secret", "ev-77", SECRET_TEXT, Observation.NOOP, java.util.Set.of())
			.stop(ToolCallOutcome.UNKNOWN_TOOL, null);

		List<String> words = new ArrayList<>();
		for (Meter meter : meters.getMeters()) {
			words.add(meter.getId().getName());
			for (Tag tag : meter.getId().getTags()) {
				words.add(tag.getKey());
				words.add(tag.getValue());
			}
		}
		assertThat(words).contains("smooth.task", "smooth.credits.used", "smooth.session.action", "smooth.tool.call");
		assertThat(words).allSatisfy((word) -> assertThat(word).doesNotContain("t-3f9a", "t-5b2c", "ev-77", "secret",
				"private.example.com", SmoothTestClients.API_KEY));
	}

	@Test
	void prometheusNames() {
		PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
		runTwoTasks(prometheus);

		String scrape = prometheus.scrape();

		assertThat(scrape).contains("smooth_credits_used_credits_total{exception=\"none\",origin=\"application\","
				+ "smooth_agent=\"smooth\",smooth_device=\"desktop\",smooth_task_kind=\"task\",smooth_task_status=\"done\"} 8.0");
		// a name that ends with its unit does not get it twice
		assertThat(scrape).contains("smooth_task_credits_count{", "smooth_task_credits_sum{",
				"smooth_task_credits_max{", "smooth_task_seconds_count{", "smooth_task_active_seconds_count{",
				"smooth_poll_requests_total{outcome=\"terminal\"} 2.0");
		assertThat(scrape).doesNotContain("t-3f9a", "t-5b2c", "secret", SmoothTestClients.API_KEY);
	}

	private ObservationRegistry runTwoTasks(MeterRegistry meters) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(meters))
			.observationHandler(new SmoothCreditsObservationHandler(meters));
		SmoothPollMetrics polls = new SmoothPollMetrics();
		polls.bindTo(meters);
		this.clients = SmoothTestClients.builder(wm.baseUrl() + "/api/v1")
			.observations(observations)
			.pollRecorder(polls)
			.build();
		runTask("t-3f9a-secret", 3);
		runTask("t-5b2c-secret", 5);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(meters.find("smooth.task.credits").summary()).satisfies(
					(summary) -> assertThat(summary).isNotNull().satisfies((s) -> assertThat(s.count()).isEqualTo(2))));
		return observations;
	}

	private void runTask(String id, int credits) {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}")));
		SmoothTaskObservationTests.stubRunningThen(wm, id, "{\"id\":\"" + id + "\",\"status\":\"done\",\"output\":\""
				+ SECRET_TEXT + "\",\"credits_used\":" + credits + ",\"live_url\":\"" + URL + "\"}");
		this.clients.template().submit(SmoothTask.builder(SECRET_TEXT).url(URL).build()).await(Duration.ofSeconds(5));
	}

}
