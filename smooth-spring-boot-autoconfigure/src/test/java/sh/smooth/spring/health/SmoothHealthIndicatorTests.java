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

package sh.smooth.spring.health;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.SmoothApiKey;
import sh.smooth.spring.api.SmoothResources;
import sh.smooth.spring.api.SmoothWebClients;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.support.SmoothWireMock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SmoothHealthIndicator} against a test server.
 */
class SmoothHealthIndicatorTests {

	@RegisterExtension
	static SmoothWireMock wm = new SmoothWireMock();

	private final AtomicLong nanos = new AtomicLong();

	private SmoothHealthIndicator indicator(Duration ttl) {
		return new SmoothHealthIndicator(wm.api(), ttl, Duration.ofSeconds(5), this.nanos::get);
	}

	@Test
	void upWhenTheKeyIsAccepted() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task")).willReturn(okJson("{\"r\":[]}")));

		Health health = indicator(Duration.ofSeconds(60)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).isEmpty();
		// listing one task costs no credits
		wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/task?l=1")).withHeader("apikey",
				equalTo(SmoothTestClients.API_KEY)));
	}

	@Test
	void downWhenTheKeyIsRejected() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task"))
			.willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid API key\"}")));

		Health health = indicator(Duration.ofSeconds(60)).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 401)
			.containsEntry("reason", "the API key was rejected")
			.containsEntry("error", "SmoothAuthenticationException");
		assertThat(health.getDetails().toString()).doesNotContain(SmoothTestClients.API_KEY, wm.baseUrl(), "Invalid");
	}

	@Test
	void downWhenTheApiFails() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task")).willReturn(aResponse().withStatus(503)));

		Health health = indicator(Duration.ofSeconds(60)).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("status", 503)
			.containsEntry("reason", "the API answered with an error");
		// a probe does not retry
		wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/task")));
	}

	@Test
	void downWhenNoKeyIsConfigured() {
		try (SmoothResources resources = new SmoothResources(1, 10)) {
			SmoothApiClient api = client(wm.apiBaseUrl(), null, resources,
					new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10)), new AtomicInteger());

			Health health = new SmoothHealthIndicator(api, Duration.ZERO, Duration.ofSeconds(5)).health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason",
					"no API key is configured (smooth.api-key or SMOOTH_API_KEY)");
			wm.verify(0, anyRequestedFor(anyUrl()));
		}
	}

	@Test
	void theResultIsCachedForTheTtl() {
		wm.stubFor(get(urlPathEqualTo("/api/v1/task")).willReturn(okJson("{\"r\":[]}")));
		SmoothHealthIndicator indicator = indicator(Duration.ofSeconds(60));

		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		this.nanos.addAndGet(Duration.ofSeconds(59).toNanos());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/task")));

		wm.stubFor(get(urlPathEqualTo("/api/v1/task")).willReturn(aResponse().withStatus(401)));
		this.nanos.addAndGet(Duration.ofSeconds(2).toNanos());
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		wm.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/task")));
	}

	@Test
	void aRefusedConnectionIsNotRetried() throws Exception {
		// the documented rule: a probe does not retry, not even when nothing reached the
		// server (other calls that are not idempotent are retried then)
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		AtomicInteger attempts = new AtomicInteger();
		try (SmoothResources resources = new SmoothResources(1, 10)) {
			SmoothApiClient api = client("http://127.0.0.1:" + closedPort + "/api/v1", SmoothTestClients.API_KEY,
					resources, new RetrySettings(4, Duration.ofMillis(10), Duration.ofMillis(10)), attempts);

			Health health = new SmoothHealthIndicator(api, Duration.ZERO, Duration.ofSeconds(5)).health();

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "the API is not reachable")
				.containsEntry("error", "SmoothNetworkException");
			assertThat(attempts).hasValue(1);
		}
	}

	private static SmoothApiClient client(String baseUrl, @Nullable String key, SmoothResources resources,
			RetrySettings retry, AtomicInteger attempts) {
		ConnectionSettings connection = new ConnectionSettings(URI.create(baseUrl), SmoothApiKey.of(key),
				Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(1));
		WebClient webClient = SmoothWebClients
			.configure(WebClient.builder(), connection, resources.connectionProvider())
			.filter((request, next) -> {
				attempts.incrementAndGet();
				return next.exchange(request);
			})
			.build();
		return new SmoothApiClient(webClient, JsonMapper.builder().build(), retry, resources.scheduler());
	}

}
