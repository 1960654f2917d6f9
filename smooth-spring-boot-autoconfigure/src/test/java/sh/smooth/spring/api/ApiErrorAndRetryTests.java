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

package sh.smooth.spring.api;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import sh.smooth.spring.error.SmoothAuthenticationException;
import sh.smooth.spring.error.SmoothBadRequestException;
import sh.smooth.spring.error.SmoothConflictException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothUnprocessableEntityException;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.support.SmoothWireMock;
import sh.smooth.spring.task.SmoothTask;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Error mapping per status, and the rule that a task is never created twice by a retry.
 */
class ApiErrorAndRetryTests {

	@RegisterExtension
	static SmoothWireMock wm = new SmoothWireMock();

	@Test
	void submitIsNotRetriedAfterAServerError() {
		wm.stubFor(
				post("/api/v1/task").willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"overloaded\"}")));

		assertThatThrownBy(() -> wm.template().submit("book a flight"))
			.isInstanceOfSatisfying(SmoothServerException.class, (ex) -> assertThat(ex.status()).isEqualTo(503));
		// a retry could create a second task and burn credits
		wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/task")));
	}

	@Test
	@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = IOException.class,
			why = "WireMock resets the connection on purpose")
	void submitIsNotRetriedAfterAConnectionReset() {
		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatThrownBy(() -> wm.template().submit("book a flight")).isInstanceOf(SmoothNetworkException.class);
		wm.verify(1, postRequestedFor(urlEqualTo("/api/v1/task")));
	}

	@Test
	void onlyRefusedConnectionsMakeANonIdempotentCallRetryable() {
		SmoothNetworkException refused = new SmoothNetworkException("refused", null,
				new WebClientRequestException(new ConnectException("Connection refused"),
						org.springframework.http.HttpMethod.POST, java.net.URI.create("http://x"),
						new org.springframework.http.HttpHeaders()));
		SmoothNetworkException reset = new SmoothNetworkException("reset", null, new java.io.IOException("reset"));
		SmoothServerException server = new SmoothServerException(503, "x", null, null);

		assertThat(RetryPolicy.isRetryable(refused, CallSafety.NOT_IDEMPOTENT)).isTrue();
		assertThat(RetryPolicy.isRetryable(reset, CallSafety.NOT_IDEMPOTENT)).isFalse();
		assertThat(RetryPolicy.isRetryable(server, CallSafety.NOT_IDEMPOTENT)).isFalse();
		assertThat(RetryPolicy.isRetryable(reset, CallSafety.IDEMPOTENT)).isTrue();
		assertThat(RetryPolicy.isRetryable(server, CallSafety.IDEMPOTENT)).isTrue();
		assertThat(RetryPolicy.isRetryable(new SmoothBadRequestException(400, "x", null, null), CallSafety.IDEMPOTENT))
			.isFalse();
	}

	@Test
	void unprocessableEntityParsesTheFieldErrors() {
		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withStatus(422)
			.withBody(
					"""
							{"detail":[{"loc":["body","max_steps"],"msg":"Input should be less than or equal to 128","type":"less_than_equal"},
							           {"loc":["body","device"],"msg":"Input should be 'desktop' or 'mobile'","type":"enum"}]}
							""")));

		assertThatThrownBy(() -> wm.template().submit("x"))
			.isInstanceOfSatisfying(SmoothUnprocessableEntityException.class, (ex) -> {
				assertThat(ex.status()).isEqualTo(422);
				assertThat(ex.fieldErrors()).extracting("location").containsExactly("body.max_steps", "body.device");
				assertThat(ex.fieldErrors().get(0).type()).isEqualTo("less_than_equal");
				assertThat(ex.detail()).contains("body.max_steps: Input should be less than or equal to 128");
			});
	}

	@Test
	void validationErrorsEchoingTheInputDoNotCarryItOnTheException() {
		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withStatus(422)
			.withBody("{\"detail\":[{\"loc\":[\"body\"],\"msg\":\"Invalid body\",\"type\":\"model_attributes_type\","
					+ "\"input\":{\"task\":\"x\",\"proxy_password\":\"hunter2-secret\"}}]}")));

		assertThatThrownBy(() -> wm.template().submit("x"))
			.isInstanceOfSatisfying(SmoothUnprocessableEntityException.class, (ex) -> {
				assertThat(ex.rawBody()).contains("Invalid body").doesNotContain("hunter2-secret");
				assertThat(ex.getMessage()).doesNotContain("hunter2-secret");
				assertThat(ex.fieldErrors()).singleElement()
					.satisfies((error) -> assertThat(error.toString()).doesNotContain("hunter2-secret"));
			});
	}

	@Test
	void authenticationConflictAndBadRequestHaveTheirOwnTypes() {
		wm.stubFor(post("/api/v1/task")
			.willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid API key\"}")));
		assertThatThrownBy(() -> wm.template().submit("x")).isInstanceOf(SmoothAuthenticationException.class)
			.hasMessageContaining("Invalid API key")
			.hasMessageNotContaining(SmoothTestClients.API_KEY);

		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withStatus(403).withBody("{\"detail\":\"Upgrade\"}")));
		assertThatThrownBy(() -> wm.template().submit("x")).isInstanceOf(SmoothAuthenticationException.class);

		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withStatus(409).withBody("{\"detail\":\"exists\"}")));
		assertThatThrownBy(() -> wm.template().submit("x")).isInstanceOf(SmoothConflictException.class);

		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withStatus(400).withBody("not json at all")));
		assertThatThrownBy(() -> wm.template().submit("x")).isInstanceOfSatisfying(SmoothBadRequestException.class,
				(ex) -> assertThat(ex.detail()).isEqualTo("HTTP 400 error, non-JSON body: not json at all"));

		wm.stubFor(post("/api/v1/task").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"weird\"}")));
		assertThatThrownBy(() -> wm.template().submit("x")).isInstanceOfSatisfying(SmoothBadRequestException.class,
				(ex) -> assertThat(ex.detail()).contains("weird"));
	}

	@Test
	void retryAfterParsesSecondsAndDates() {
		assertThat(ErrorMapper.parseRetryAfter("7")).isEqualTo(Duration.ofSeconds(7));
		assertThat(ErrorMapper.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
		assertThat(ErrorMapper.parseRetryAfter("soon")).isNull();
		assertThat(ErrorMapper.parseRetryAfter(null)).isNull();
	}

	@Test
	void missingApiKeyFailsTheFirstCallWithAClearMessageAndNoRequest() {
		SmoothTask task = SmoothTask.builder("x").build();
		try (SmoothTestClients noKey = SmoothTestClients.createWithoutKey(wm.apiBaseUrl())) {
			assertThatThrownBy(() -> noKey.template().submit(task))
				.isInstanceOf(sh.smooth.spring.error.SmoothMissingApiKeyException.class)
				.hasMessageContaining("smooth.api-key")
				.hasMessageContaining("SMOOTH_API_KEY");
		}
		wm.verify(0, postRequestedFor(urlEqualTo("/api/v1/task")));
	}

}
