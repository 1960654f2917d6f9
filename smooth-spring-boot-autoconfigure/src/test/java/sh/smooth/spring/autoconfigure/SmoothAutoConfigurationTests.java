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
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.SmoothWebClientCustomizer;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.browser.Agent;
import sh.smooth.spring.browser.Device;
import sh.smooth.spring.error.SmoothMissingApiKeyException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.support.ExpectedLog;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

@ExtendWith(OutputCaptureExtension.class)
@ExpectedLog(logger = "sh.smooth.spring.autoconfigure.SmoothAutoConfiguration",
		message = "No Smooth API key is configured", why = "tests that need no key start without one")
class SmoothAutoConfigurationTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String KEY = "cmzr-super-secret-key-4711";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, SmoothAutoConfiguration.class));

	@Test
	void registersTheDefaultBeans() {
		this.runner.withPropertyValues("smooth.api-key=" + KEY).run((context) -> {
			assertThat(context).hasSingleBean(SmoothTemplate.class);
			assertThat(context).hasSingleBean(SmoothOperations.class);
			assertThat(context).hasSingleBean(SmoothApiClient.class);
			assertThat(context).hasSingleBean(PollingEngine.class);
			assertThat(context.getBean(SmoothProperties.class).baseUrl().toString())
				.isEqualTo("https://api.smooth.sh/api/v1");
		});
	}

	@Test
	void backsOffWhenTheUserDefinesOperations() {
		this.runner.withUserConfiguration(UserOperations.class).run((context) -> {
			assertThat(context).hasSingleBean(SmoothOperations.class);
			assertThat(context).doesNotHaveBean(SmoothTemplate.class);
			assertThat(context.getBean(SmoothOperations.class)).isSameAs(context.getBean("myOperations"));
		});
	}

	@Test
	void bindsEveryPropertyGroup() {
		this.runner.withPropertyValues("smooth.base-url=http://localhost:1/api/v2", "smooth.read-timeout=75s",
				"smooth.polling.first-delay=50ms", "smooth.polling.max-interval=3s", "smooth.polling.backoff-factor=2",
				"smooth.retry.max-attempts=2", "smooth.task.agent=smooth-lite", "smooth.task.device=desktop-lg",
				"smooth.task.max-steps=64", "smooth.task.use-stealth=false", "smooth.task.show-cursor=true",
				"smooth.tools.attach=none", "smooth.session.action-timeout=1m", "smooth.health.enabled=true")
			.run((context) -> {
				SmoothProperties properties = context.getBean(SmoothProperties.class);
				assertThat(properties.baseUrl().toString()).isEqualTo("http://localhost:1/api/v2");
				assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(75));
				assertThat(properties.polling().firstDelay()).isEqualTo(Duration.ofMillis(50));
				assertThat(properties.polling().maxInterval()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.polling().backoffFactor()).isEqualTo(2.0);
				assertThat(properties.retry().maxAttempts()).isEqualTo(2);
				assertThat(properties.task().agent()).isEqualTo(Agent.SMOOTH_LITE);
				assertThat(properties.task().device()).isEqualTo(Device.DESKTOP_LG);
				assertThat(properties.task().maxSteps()).isEqualTo(64);
				assertThat(properties.task().useStealth()).isFalse();
				assertThat(properties.task().showCursor()).isTrue();
				assertThat(properties.tools().attach()).isEqualTo(SmoothProperties.Tools.Attach.NONE);
				assertThat(properties.session().actionTimeout()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.health().enabled()).isTrue();
			});
	}

	@Test
	@ExpectedLog(logger = "org.springframework.context",
			message = "Exception encountered during context initialization", why = "the context must fail")
	void invalidDefaultsFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("smooth.task.max-steps=500").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("smooth.task.max-steps")
				.hasMessageContaining("500");
		});
	}

	@Test
	void taskDefaultsFromPropertiesReachTheWire() {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"t9\",\"status\":\"running\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t9"))
			.willReturn(okJson("{\"r\":{\"id\":\"t9\",\"status\":\"done\"}}")));
		this.runner
			.withPropertyValues("smooth.api-key=" + KEY, "smooth.base-url=" + wm.baseUrl() + "/api/v1",
					"smooth.task.device=mobile", "smooth.task.max-steps=50", "smooth.task.enable-recording=false")
			.run((context) -> {
				SmoothOperations smooth = context.getBean(SmoothOperations.class);
				smooth.submit(sh.smooth.spring.task.SmoothTask.builder("x").maxSteps(20).build())
					.await(Duration.ofSeconds(10));
				LoggedRequest request = wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task"))).get(0);
				assertThat(request.getBodyAsString()).contains("\"device\":\"mobile\"")
					.contains("\"max_steps\":20")
					.contains("\"enable_recording\":false");
				assertThat(request.getHeader("apikey")).isEqualTo(KEY);
			});
		wm.resetAll();
	}

	@Test
	void fallsBackToTheEnvironmentVariablesInOrder() {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"t9\",\"status\":\"done\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t9"))
			.willReturn(okJson("{\"r\":{\"id\":\"t9\",\"status\":\"done\"}}")));
		this.runner
			.withPropertyValues("smooth.base-url=" + wm.baseUrl() + "/api/v1", "SMOOTH_API_KEY=from-smooth-var",
					"CIRCLEMIND_API_KEY=from-circlemind-var")
			.run((context) -> {
				context.getBean(SmoothOperations.class).submit("x").await(Duration.ofSeconds(10));
				assertThat(wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task"))).get(0).getHeader("apikey"))
					.isEqualTo("from-smooth-var");
			});
		wm.resetRequests();
		this.runner
			.withPropertyValues("smooth.base-url=" + wm.baseUrl() + "/api/v1", "CIRCLEMIND_API_KEY=from-circlemind-var")
			.run((context) -> {
				context.getBean(SmoothOperations.class).submit("x").await(Duration.ofSeconds(10));
				assertThat(wm.findAll(postRequestedFor(urlEqualTo("/api/v1/task"))).get(0).getHeader("apikey"))
					.isEqualTo("from-circlemind-var");
			});
		wm.resetAll();
	}

	@Test
	void startsWithoutAKeyAndTheFirstCallSaysHowToSetOne() {
		this.runner.withPropertyValues("smooth.base-url=" + wm.baseUrl() + "/api/v1").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThatThrownBy(() -> context.getBean(SmoothOperations.class).submit("x"))
				.isInstanceOf(SmoothMissingApiKeyException.class)
				.hasMessageContaining("smooth.api-key")
				.hasMessageContaining("SMOOTH_API_KEY");
		});
		wm.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void customizersApplyToSmoothOnlyAndTheKeyStaysOnSmoothsClient() {
		wm.stubFor(get(anyUrl()).willReturn(okJson("{\"r\":{\"id\":\"t9\",\"status\":\"done\"}}")));
		this.runner.withUserConfiguration(Customizing.class)
			.withPropertyValues("smooth.api-key=" + KEY, "smooth.base-url=" + wm.baseUrl() + "/api/v1")
			.run((context) -> {
				context.getBean(SmoothOperations.class).attach("t9").await(Duration.ofSeconds(10));
				WebClient appClient = context.getBean(WebClient.Builder.class).baseUrl(wm.baseUrl()).build();
				appClient.get().uri("/other").retrieve().toBodilessEntity().block(Duration.ofSeconds(5));
			});
		LoggedRequest smoothCall = wm.findAll(anyRequestedFor(urlPathEqualTo("/api/v1/task/t9"))).get(0);
		assertThat(smoothCall.getHeader("X-Smooth-Custom")).isEqualTo("yes");
		assertThat(smoothCall.getHeader("apikey")).isEqualTo(KEY);
		assertThat(smoothCall.getHeader("User-Agent")).startsWith("smooth-spring-boot-starter/");
		LoggedRequest appCall = wm.findAll(anyRequestedFor(urlEqualTo("/other"))).get(0);
		assertThat(appCall.containsHeader("X-Smooth-Custom")).isFalse();
		assertThat(appCall.containsHeader("apikey")).isFalse();
		assertThat(appCall.getHeader("User-Agent")).doesNotStartWith("smooth-spring-boot-starter");
		wm.resetAll();
	}

	@Test
	void theKeyNeverAppearsInLogsAtAnyLevel(CapturedOutput output) {
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"t9\",\"status\":\"running\"}}")));
		wm.stubFor(get(urlPathEqualTo("/api/v1/task/t9"))
			.willReturn(okJson("{\"r\":{\"id\":\"t9\",\"status\":\"done\"}}")));
		this.runner
			.withPropertyValues("smooth.api-key=" + KEY, "smooth.base-url=" + wm.baseUrl() + "/api/v1",
					"logging.level.root=TRACE")
			.run((context) -> {
				try (LogLevel trace = LogLevel.traceEverything()) {
					context.getBean(SmoothOperations.class).submit("x").await(Duration.ofSeconds(10));
					assertThat(context.getBean(SmoothProperties.class).toString()).doesNotContain(KEY);
				}
			});
		assertThat(output.getAll()).isNotEmpty().doesNotContain(KEY);
		wm.resetAll();
	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperations {

		@Bean
		SmoothOperations myOperations() {
			return mock(SmoothOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizing {

		@Bean
		SmoothWebClientCustomizer customHeader() {
			return (builder) -> builder.defaultHeader("X-Smooth-Custom", "yes");
		}

	}

	/**
	 * Turns every logger to TRACE for the duration of a block, to show that no level
	 * leaks the key.
	 */
	static final class LogLevel implements AutoCloseable {

		private final ch.qos.logback.classic.Level previous;

		private LogLevel(ch.qos.logback.classic.Level previous) {
			this.previous = previous;
		}

		static LogLevel traceEverything() {
			ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
				.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
			LogLevel level = new LogLevel(root.getLevel());
			root.setLevel(ch.qos.logback.classic.Level.TRACE);
			return level;
		}

		@Override
		public void close() {
			((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
				.setLevel(this.previous);
		}

	}

}
