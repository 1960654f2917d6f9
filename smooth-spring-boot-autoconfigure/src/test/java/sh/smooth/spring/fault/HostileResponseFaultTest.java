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

package sh.smooth.spring.fault;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import sh.smooth.spring.error.SmoothProtocolException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.support.SmoothTestClients;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Hostile or broken responses, in one table: each row is the exact response WireMock
 * serves, the call that meets it, and the typed exception (or outcome) it must give. None
 * may surface as an untyped exception ({@code NullPointerException},
 * {@code ArithmeticException}, ...), a handle without an id, or a hang.
 * <p>
 * Rows are self-contained, so a row can be added without touching the others.
 */
class HostileResponseFaultTest {

	@RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private static final String TASK = "/api/v1/task";

	private static final Call SUBMIT = (clients) -> clients.template().submit("Read the news");

	private SmoothTestClients clients;

	static Stream<Row> rows() {
		return Stream.of(
				// ---- POST /task answered 2xx without a usable task
				new Row("submit: 200 with an empty body", post(TASK).willReturn(aResponse().withStatus(200)), SUBMIT,
						fails(SmoothProtocolException.class, (ex) -> {
							assertThat(ex.status()).isEqualTo(200);
							assertThat(ex.taskId()).isNull();
							assertThat(ex.detail()).contains("empty body");
						})),
				new Row("submit: 200 with {\"r\":null}", post(TASK).willReturn(json(200, "{\"r\":null}")), SUBMIT,
						fails(SmoothProtocolException.class, (ex) -> {
							assertThat(ex.status()).isEqualTo(200);
							assertThat(ex.rawBody()).isEqualTo("{\"r\":null}");
						})),
				new Row("submit: 200 with {} (no envelope)", post(TASK).willReturn(json(200, "{}")), SUBMIT,
						fails(SmoothProtocolException.class, (ex) -> assertThat(ex.detail()).contains("no task"))),
				new Row("submit: 200 with {\"r\":{}} (no id)", post(TASK).willReturn(json(200, "{\"r\":{}}")), SUBMIT,
						fails(SmoothProtocolException.class, (ex) -> {
							assertThat(ex.detail()).contains("no id");
							// never polled as GET /task/ (an empty id)
							wm.verify(0, getRequestedFor(urlPathMatching("/api/v1/task.*")));
						})),
				new Row("submit: 201 with a blank id", post(TASK).willReturn(json(201, "{\"r\":{\"id\":\" \"}}")),
						SUBMIT, fails(SmoothProtocolException.class, (ex) -> assertThat(ex.status()).isEqualTo(201))),
				new Row("submit: 200 with \"r\" an array", post(TASK).willReturn(json(200, "{\"r\":[]}")), SUBMIT,
						fails(SmoothProtocolException.class, (ex) -> assertThat(ex.detail()).contains("array"))),
				new Row("submit: 200 with \"r\" a string", post(TASK).willReturn(json(200, "{\"r\":\"task_1\"}")),
						SUBMIT,
						fails(SmoothProtocolException.class, (ex) -> assertThat(ex.detail()).contains("string"))),
				// ---- Retry-After out of any sane range: bounded, never an overflow; a
				// refused submit is not repeated
				new Row("submit: 429 with Retry-After: 99999999999", post(TASK).willReturn(limited("99999999999")),
						SUBMIT,
						fails(SmoothRateLimitException.class,
								(ex) -> assertThat(ex.retryAfter())
									.contains(SmoothRateLimitException.LONGEST_RETRY_AFTER))),
				new Row("submit: 429 with Retry-After beyond a long",
						post(TASK).willReturn(limited("99999999999999999999999999")), SUBMIT,
						fails(SmoothRateLimitException.class,
								(ex) -> assertThat(ex.retryAfter())
									.contains(SmoothRateLimitException.LONGEST_RETRY_AFTER))),
				new Row("submit: 429 with Retry-After in the year 9999",
						post(TASK).willReturn(limited("Fri, 31 Dec 9999 23:59:59 GMT")), SUBMIT,
						fails(SmoothRateLimitException.class,
								(ex) -> assertThat(ex.retryAfter())
									.contains(SmoothRateLimitException.LONGEST_RETRY_AFTER))),
				new Row("submit: 429 with a negative Retry-After", post(TASK).willReturn(limited("-5")), SUBMIT,
						fails(SmoothRateLimitException.class,
								(ex) -> assertThat(ex.retryAfter()).contains(Duration.ZERO))),
				new Row("submit: 429 with an unreadable Retry-After", post(TASK).willReturn(limited("soon")), SUBMIT,
						fails(SmoothRateLimitException.class, (ex) -> assertThat(ex.retryAfter()).isEmpty())));
	}

	@BeforeEach
	void setUp() {
		this.clients = SmoothTestClients.create(wm.baseUrl() + "/api/v1");
	}

	@AfterEach
	void tearDown() {
		this.clients.close();
		wm.resetAll();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void eachHostileResponseGivesItsTypedOutcome(Row row) {
		wm.stubFor(row.stub());
		Throwable thrown = catchThrowable(() -> row.call().run(this.clients));
		row.outcome().check(thrown);
	}

	private static ResponseDefinitionBuilder json(int status, String body) {
		return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
	}

	private static ResponseDefinitionBuilder limited(String retryAfter) {
		return json(429, "{\"detail\":\"Concurrent session limit reached\"}").withHeader("Retry-After", retryAfter);
	}

	/**
	 * The call fails with the given type (never a subclass of something untyped) and
	 * passes the further checks; a POST /task is sent exactly once.
	 */
	private static <T extends Throwable> Outcome fails(Class<T> type, Consumer<T> checks) {
		return (thrown) -> {
			assertThat(thrown).isInstanceOf(type);
			checks.accept(type.cast(thrown));
			wm.verify(1, postRequestedFor(urlEqualTo(TASK)));
		};
	}

	/**
	 * One hostile response and what it must give.
	 *
	 * @param name what the server does, shown as the test name
	 * @param stub the response, as WireMock serves it
	 * @param call the client call that meets it
	 * @param outcome the checks on what the call threw ({@code null} if nothing)
	 */
	record Row(String name, MappingBuilder stub, Call call, Outcome outcome) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** A call of the client. */
	@FunctionalInterface
	interface Call {

		Object run(SmoothTestClients clients) throws Exception;

	}

	/** The checks of one row. */
	@FunctionalInterface
	interface Outcome {

		void check(@Nullable Throwable thrown);

	}

}
