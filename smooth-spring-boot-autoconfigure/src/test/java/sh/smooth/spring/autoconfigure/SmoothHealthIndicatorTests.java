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

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
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
 * {@link SmoothHealthIndicator} against a test server, and when it is registered.
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
		ConnectionSettings connection = new ConnectionSettings(URI.create(wm.apiBaseUrl()), SmoothApiKey.of(null),
				Duration.ofSeconds(2), Duration.ofSeconds(5), DataSize.ofMegabytes(1));
		try (SmoothResources resources = new SmoothResources(1, 10)) {
			WebClient webClient = SmoothWebClients
				.configure(WebClient.builder(), connection, resources.connectionProvider())
				.build();
			SmoothApiClient api = new SmoothApiClient(webClient, JsonMapper.builder().build(),
					new RetrySettings(1, Duration.ofMillis(10), Duration.ofMillis(10)), resources.scheduler());

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
	void registeredOnlyWhenEnabled() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(SmoothAutoConfiguration.class, SmoothHealthAutoConfiguration.class))
			.withPropertyValues("smooth.api-key=test-key-0123456789", "smooth.base-url=" + wm.apiBaseUrl());
		runner.run((context) -> assertThat(context).doesNotHaveBean(HealthIndicator.class));
		runner.withPropertyValues("smooth.health.enabled=true", "smooth.health.cache-ttl=5m").run((context) -> {
			assertThat(context).hasSingleBean(SmoothHealthIndicator.class).hasBean("smoothHealthIndicator");
			wm.stubFor(get(urlPathEqualTo("/api/v1/task")).willReturn(okJson("{\"r\":[]}")));
			SmoothHealthIndicator indicator = context.getBean(SmoothHealthIndicator.class);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			wm.verify(1, getRequestedFor(urlEqualTo("/api/v1/task?l=1")));
		});
		runner.withPropertyValues("smooth.health.enabled=true", "management.health.smooth.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SmoothHealthIndicator.class));
		runner.withPropertyValues("smooth.health.enabled=true")
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SmoothHealthIndicator.class));
	}

}
