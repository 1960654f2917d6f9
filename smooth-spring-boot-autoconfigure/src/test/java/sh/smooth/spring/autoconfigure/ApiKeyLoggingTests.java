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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.LogCapture;
import sh.smooth.spring.task.TaskHandle;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key never reaches a log line, under each logging switch of Spring and Reactor
 * Netty that a user can turn on with properties alone. Each case proves that the switch
 * really produced the detailed lines it promises, so it cannot pass because nothing was
 * logged; and the key still goes to the Smooth API, and only there.
 */
class ApiKeyLoggingTests {

	@RegisterExtension
	static WireMockExtension smooth = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	/** Another host: serves the downloads archive. */
	@RegisterExtension
	static WireMockExtension storage = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String KEY = "cmzr-log-canary-5f1e2d3c4b";

	private static final String APP_HEADER_VALUE = "app-header-shown-9a8b";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
				WebClientAutoConfiguration.class, SmoothAutoConfiguration.class));

	@TempDir
	Path dir;

	@AfterEach
	void reset() {
		smooth.resetAll();
		storage.resetAll();
	}

	static Stream<Switch> switches() {
		return Stream.of(
				// Spring's exchange logging prints request headers at TRACE when request
				// details are on; the proof is a header of the application's own client,
				// printed in clear
				new Switch("spring.http.codecs.log-request-details + ExchangeFunctions TRACE",
						List.of("spring.http.codecs.log-request-details=true"),
						List.of("org.springframework.web.reactive.function.client"),
						"org.springframework.web.reactive.function.client.ExchangeFunctions", APP_HEADER_VALUE),
				// Reactor Netty logs each exchange, with its URL, at DEBUG and TRACE
				new Switch("reactor.netty TRACE", List.of(), List.of("reactor.netty"), "reactor.netty.http.client",
						"/api/v1/task"),
				new Switch("every switch at once", List.of("spring.http.codecs.log-request-details=true"),
						List.of("org.springframework", "reactor", "io.netty", "sh.smooth"),
						"org.springframework.web.reactive.function.client.ExchangeFunctions", APP_HEADER_VALUE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("switches")
	void theKeyIsNeverLogged(Switch logging) throws Exception {
		smooth.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"running\"}}")));
		smooth.stubFor(get(urlPathEqualTo("/api/v1/task/t1"))
			.willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"output\":\"ok\"}}")));
		// the more specific stub last: WireMock tries the newest first
		smooth.stubFor(get(urlPathEqualTo("/api/v1/task/t1")).withQueryParam("downloads", equalTo("true"))
			.willReturn(okJson("{\"r\":{\"id\":\"t1\",\"status\":\"done\",\"downloads_url\":\"" + storage.baseUrl()
					+ "/t1.zip?sig=abc\"}}")));
		smooth.stubFor(delete("/api/v1/task/t1").willReturn(okJson("{\"r\":true}")));
		storage.stubFor(get(anyUrl()).willReturn(aResponse().withBody(new byte[] { 'P', 'K', 3, 4 })));
		try (LogCapture logs = LogCapture.of(Level.TRACE, logging.loggers().toArray(new String[0]))) {
			this.runner.withPropertyValues("smooth.api-key=" + KEY, "smooth.base-url=" + smooth.baseUrl() + "/api/v1")
				.withPropertyValues(logging.properties().toArray(new String[0]))
				.run((context) -> {
					TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");
					handle.await(Duration.ofSeconds(10));
					handle.cancel();
					assertThat(handle.downloads().saveTo(this.dir, Duration.ofSeconds(10))).isPresent();
					// the application's own client, built from Boot's builder
					context.getBean(WebClient.Builder.class)
						.build()
						.get()
						.uri(storage.baseUrl() + "/app")
						.header("X-App", APP_HEADER_VALUE)
						.retrieve()
						.toBodilessEntity()
						.block(Duration.ofSeconds(10));
				});
			// the switch was on: the detailed lines it promises are there
			assertThat(logs.events()).hasSizeGreaterThan(10);
			assertThat(logs.events(logging.proofLogger()))
				.anySatisfy((event) -> assertThat(event.getFormattedMessage()).contains(logging.proofText()));
			assertThat(logs.text()).doesNotContain(KEY);
		}
		// and the key went to Smooth, never to the storage host
		List<LoggedRequest> toSmooth = smooth.findAll(anyRequestedFor(anyUrl()));
		assertThat(toSmooth).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.getHeader("apikey")).isEqualTo(KEY));
		List<LoggedRequest> toStorage = storage.findAll(anyRequestedFor(anyUrl()));
		assertThat(toStorage).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.containsHeader("apikey")).isFalse());
		assertThat(Files.size(this.dir.resolve("t1-downloads.zip"))).isEqualTo(4);
	}

	record Switch(String name, List<String> properties, List<String> loggers, String proofLogger, String proofText) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
