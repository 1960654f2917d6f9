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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import sh.smooth.spring.health.SmoothHealthIndicator;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link SmoothHealthContributorAutoConfiguration} registers the
 * {@link SmoothHealthIndicator}.
 */
class SmoothHealthContributorAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void registeredOnlyWhenEnabled() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(SmoothAutoConfiguration.class,
					SmoothHealthContributorAutoConfiguration.class))
			.withPropertyValues("smooth.api-key=test-key-0123456789", "smooth.base-url=" + wm.baseUrl() + "/api/v1");
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
