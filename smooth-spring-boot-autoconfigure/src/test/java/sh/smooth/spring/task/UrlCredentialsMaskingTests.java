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

package sh.smooth.spring.task;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.autoconfigure.SmoothAutoConfiguration;
import sh.smooth.spring.autoconfigure.SmoothProperties;
import sh.smooth.spring.error.SmoothValidationException;
import sh.smooth.spring.runtime.TaskDefaults;
import sh.smooth.spring.runtime.TaskRequestMapper;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.SessionTask;
import sh.smooth.spring.support.ExpectedLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Credentials in the user-info part of a URL ({@code http://user:pw@proxy:8080}) are
 * masked wherever the starter prints the URL: {@code toString} of tasks, sessions and
 * requests, validation messages, and the configuration properties. The rest of the URL
 * stays readable.
 */
@ExpectedLog(logger = "org.springframework.context", message = "Exception encountered during context initialization",
		why = "a context with an invalid smooth.base-url must fail to start")
class UrlCredentialsMaskingTests {

	private static final String SECRET = "s3cr3t-pw-77";

	private static final String PROXY = "http://proxy-user:" + SECRET + "@proxy.example:8080";

	private static final String START = "https://shop-user:" + SECRET + "@shop.example/login";

	@Test
	void taskAndRequestToStringMaskTheUserInfo() {
		SmoothTask task = SmoothTask.builder("Check the order").url(START).browser((b) -> b.proxy(PROXY)).build();
		TaskRequest request = new TaskRequestMapper(TaskDefaults.standard(), new SmoothSchemaGenerator(),
				JsonMapper.builder().build())
			.request(task.instruction(), task.browser(), List.of());

		assertMasked(task.toString(), request.toString());
		assertThat(task.toString()).contains("http://******@proxy.example:8080", "https://******@shop.example/login");
		// the wire keeps the URL as given
		assertThat(request.proxyServer()).isEqualTo(PROXY);
	}

	@Test
	void aProxyWithAnAtSignInItsPasswordIsMaskedUpToTheHost() {
		SmoothTask task = SmoothTask.builder("x")
			.browser((b) -> b.proxy("socks5://user:p@ss" + SECRET + "@proxy.example:1080"))
			.build();

		assertMasked(task.toString());
		assertThat(task.toString()).contains("socks5://******@proxy.example:1080");
	}

	@Test
	void browserOptionsAndSessionTaskToStringMaskTheUserInfo() {
		BrowserOptions spec = BrowserOptions.builder().proxy(PROXY, "proxy-user", "other-password").build();
		SessionTask step = SessionTask.builder("Log in").url(START).build();

		assertMasked(spec.toString(), step.toString());
		assertThat(spec.toString()).contains("proxy.example:8080");
		assertThat(step.toString()).contains("shop.example/login");
	}

	@Test
	void validationMessagesAndValuesMaskTheUserInfo() {
		SmoothValidationException badScheme = catchThrowableOfType(SmoothValidationException.class,
				() -> BrowserOptions.builder().proxy("ftp://proxy-user:" + SECRET + "@proxy.example:21"));
		SmoothValidationException noHost = catchThrowableOfType(SmoothValidationException.class,
				() -> SmoothTask.builder("x").url("https://shop-user:" + SECRET + "@"));

		for (SmoothValidationException ex : List.of(badScheme, noHost)) {
			assertMasked(ex.getMessage(), String.valueOf(ex.value()), ex.toString());
		}
		assertThat(badScheme.getMessage()).contains("proxyServer", "ftp://******@proxy.example:21");
		assertThat(noHost.getMessage()).contains("url");
	}

	@Test
	void propertiesToStringAndBaseUrlValidationMaskTheUserInfo() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CodecsAutoConfiguration.class,
					WebClientAutoConfiguration.class, SmoothAutoConfiguration.class));

		runner
			.withPropertyValues("smooth.api-key=k", "smooth.base-url=https://gw-user:" + SECRET + "@gw.example/api/v1")
			.run((context) -> {
				String text = context.getBean(SmoothProperties.class).toString();
				assertMasked(text);
				assertThat(text).contains("https://******@gw.example/api/v1");
			});
		runner.withPropertyValues("smooth.api-key=k", "smooth.base-url=ftp://gw-user:" + SECRET + "@gw.example/api")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				for (Throwable t = failure; t != null; t = t.getCause()) {
					assertMasked(String.valueOf(t.getMessage()));
				}
				assertThat(failure).rootCause().hasMessageContaining("smooth.base-url");
			});
	}

	private static void assertMasked(String... texts) {
		for (String text : texts) {
			assertThat(text).doesNotContain(SECRET).doesNotContain("user:");
		}
	}

}
