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
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.api.ConnectionSettings;
import sh.smooth.spring.error.SmoothNotFoundException;
import sh.smooth.spring.support.ExpectedLog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Boot's conventions, each with a real {@link SpringApplication}: the starter's
 * {@code spring.factories} entries are what is tested, as a user's application runs them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SmoothBootConventionsTests {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void onSpringBoot3TheApplicationFailsWithAMessageThatSaysSo() {
		// Boot 3 lacks org.springframework.boot.EnvironmentPostProcessor (it has
		// boot.env.EnvironmentPostProcessor); hiding it from the context's class loader
		// is what the check sees on Boot 3, where it runs before any auto-configuration
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application
			.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader(SmoothBootVersionCheck.BOOT_4_CLASS)));
		assertThatIllegalStateException().isThrownBy(application::run)
			.withMessageStartingWith("smooth-spring-boot-starter requires Spring Boot 4.0 or later");
	}

	@Test
	void onSpringBoot4TheCheckPasses() {
		SmoothBootVersionCheck.check(getClass().getClassLoader());
	}

	@Test
	@ExpectedLog(logger = "org.springframework.context",
			message = "Exception encountered during context initialization",
			why = "the context must fail on an invalid property")
	void anInvalidValueIsReportedByAFailureAnalyzerInAFewLines(CapturedOutput output) {
		assertThatThrownBy(() -> smoothApplication().properties("smooth.task.max-steps=500").run()).rootCause()
			.hasMessageStartingWith("smooth.task.max-steps = 500 is invalid");
		String report = output.getOut().substring(output.getOut().indexOf("APPLICATION FAILED TO START"));
		assertThat(report).contains("Invalid value for the Smooth property 'smooth.task.max-steps':")
			.contains("smooth.task.max-steps = 500 is invalid")
			.contains("Origin: \"smooth.task.max-steps\" from property source \"defaultProperties\"")
			.contains("Action:")
			.contains("Change 'smooth.task.max-steps' in your configuration")
			.doesNotContain("\tat ")
			.doesNotContain("BeanCreationException");
		assertThat(report.lines().count()).isLessThan(20);
	}

	@Test
	void smoothBaseUrlIsReadAsTheSdksReadIt() {
		// the SDKs' value is the base before the version segment: /v1 is added
		assertThat(baseUrl(Map.of("SMOOTH_BASE_URL", "http://localhost:1/sdk/api/")))
			.hasToString("http://localhost:1/sdk/api/v1");
		assertThat(baseUrl(Map.of("SMOOTH_BASE_URL", "http://localhost:1/sdk/api/v2")))
			.hasToString("http://localhost:1/sdk/api/v2");
	}

	@Test
	void theSmoothBaseUrlPropertyWinsOverTheVariableWhereverItIsSet() {
		Map<String, Object> variable = Map.of("SMOOTH_BASE_URL", "http://localhost:1/sdk/api/");
		String file = "--spring.config.location=classpath:/sh/smooth/spring/autoconfigure/base-url.properties";
		assertThat(baseUrl(variable, file)).hasToString("http://localhost:1/from-properties/api/v1");
		assertThat(baseUrl(variable, file, "--smooth.base-url=http://localhost:1/from-argument/api/v1"))
			.hasToString("http://localhost:1/from-argument/api/v1");
		assertThat(baseUrl(Map.of("SMOOTH_BASE_URL", "http://localhost:1/sdk/api/", "SMOOTH_BASEURL",
				"http://localhost:1/relaxed/api/v1")))
			.hasToString("http://localhost:1/relaxed/api/v1");
	}

	@Test
	void withoutEitherTheDefaultApplies() {
		assertThat(baseUrl(Map.of())).hasToString("https://api.smooth.sh/api/v1");
	}

	private static URI baseUrl(Map<String, Object> variables, String... args) {
		try (ConfigurableApplicationContext context = smoothApplication().environment(withVariables(variables))
			.run(args)) {
			return context.getBean(ConnectionSettings.class).baseUrl();
		}
	}

	@Test
	void a404FromABaseUrlWithoutApiV1NamesTheUrlAndSuggestsIt() {
		wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Not Found\"}")));
		try (ConfigurableApplicationContext context = smoothApplication()
			.properties("smooth.base-url=" + wm.baseUrl(), "smooth.api-key=k")
			.run()) {
			assertThatThrownBy(() -> context.getBean(SmoothOperations.class).run("hello"))
				.isInstanceOf(SmoothNotFoundException.class)
				.hasMessage("Smooth API error 404: Not Found. The URL called was " + wm.baseUrl()
						+ "/task, whose path has no /api/v1: smooth.base-url must include "
						+ "the version segment, such as https://api.smooth.sh/api/v1")
				.satisfies((ex) -> assertThat(((SmoothNotFoundException) ex).detail()).isEqualTo("Not Found"));
		}
	}

	@Test
	void a404WithApiV1StillNamesTheUrlButSuggestsNothing() {
		wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"detail\":\"Task not found\"}")));
		try (ConfigurableApplicationContext context = smoothApplication()
			.properties("smooth.base-url=" + wm.baseUrl() + "/api/v1", "smooth.api-key=k")
			.run()) {
			assertThatThrownBy(() -> context.getBean(SmoothOperations.class).run("hello"))
				.isInstanceOf(SmoothNotFoundException.class)
				.hasMessage(
						"Smooth API error 404: Task not found. The URL called was " + wm.baseUrl() + "/api/v1/task");
		}
	}

	private static SpringApplicationBuilder smoothApplication() {
		return new SpringApplicationBuilder(SmoothApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "smooth.api-key=k");
	}

	private static StandardEnvironment withVariables(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		// the process's real variables are replaced, so a SMOOTH_BASE_URL set on the
		// machine cannot change the outcome
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
			WebClientAutoConfiguration.class, SmoothAutoConfiguration.class })
	static class SmoothApplication {

	}

}
