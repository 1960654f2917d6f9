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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.NullNode;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothProtocolException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

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

	/**
	 * A {@code tool_call} whose {@code input} is not an object. A tool always gets a JSON
	 * object: a missing or null input is {@code {}}, a string holding a JSON object is
	 * that object, and anything else is answered with code 400 that tells the agent what
	 * to send, before any tool runs. Each row goes to a {@code @SmoothTool} method and to
	 * a {@link SmoothToolCallback} bean, both taking an optional {@code city}.
	 */
	@Nested
	@ExtendWith(SmoothSimulatorExtension.class)
	class ToolCallInput {

		private static final Duration WAIT = Duration.ofSeconds(20);

		private static final String NOT_AN_OBJECT = "Invalid arguments for tool '%s': the input must be a JSON "
				+ "object of named arguments, got %s. Expected: city (optional).";

		static Stream<Arguments> rows() {
			return Stream.of(
					// input on the wire -> code, and what the tool got (200) or the start
					// of the message (400)
					Arguments.of("a string", "Paris", 400, "string"),
					Arguments.of("an array", List.of("Paris", "Lyon"), 400, "array"),
					Arguments.of("a number", 42, 400, "number"), Arguments.of("a boolean", true, 400, "boolean"),
					Arguments.of("null", NullNode.getInstance(), 200, "{}"),
					Arguments.of("no input member", MissingNode.getInstance(), 200, "{}"), Arguments
						.of("a string holding a JSON object", "{\"city\":\"Paris\"}", 200, "{\"city\":\"Paris\"}"));
		}

		@ParameterizedTest(name = "input is {0} -> {2}")
		@MethodSource("rows")
		void eachToolGetsAnObjectOrTheAgentGetsA400(String description, Object input, int code, String expected,
				SmoothSimulator sim) {
			sim.onTask(TaskMatcher.any()).toolCall("cityMethod", input).toolCall("cityCallback", input);
			SimulatorRig.runner()
				.withUserConfiguration(CityTools.class)
				.withPropertyValues(SimulatorRig.properties(sim))
				.run((context) -> {
					TaskHandle handle = context.getBean(SmoothOperations.class).submit("Where am I?");
					// a 400 is not fatal: the agent goes on to the next call
					assertThat(handle.await(WAIT).status()).isEqualTo(TaskStatus.DONE);

					List<ToolAnswer> answers = sim.allToolAnswers(handle.id());
					assertThat(answers).hasSize(2);
					CityTools.Recorder recorder = context.getBean(CityTools.Recorder.class);
					if (code == 200) {
						assertThat(answers).allSatisfy((answer) -> {
							assertThat(answer.code()).isEqualTo(200);
							assertThat(answer.output().toString()).isEqualTo(expected);
						});
						assertThat(recorder.inputs).hasSize(2).allSatisfy((got) -> assertThat(got.isObject()).isTrue());
					}
					else {
						assertThat(answers).extracting(ToolAnswer::code).containsOnly(400);
						assertThat(answers).extracting((answer) -> answer.output().asString())
							.containsExactly(NOT_AN_OBJECT.formatted("cityMethod", expected),
									NOT_AN_OBJECT.formatted("cityCallback", expected));
						assertThat(recorder.inputs).isEmpty();
					}
				});
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CityTools {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		@Bean
		Recorder cityRecorder() {
			return new Recorder();
		}

		@Bean
		Methods cityMethods(Recorder recorder) {
			return new Methods(recorder);
		}

		@Bean
		SmoothToolCallback cityCallback(Recorder recorder) {
			JsonNode inputs = JSON.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
			ToolSignature signature = new ToolSignature("cityCallback", "Echoes its input", inputs, "the input");
			return new SmoothToolCallback() {

				@Override
				public ToolSignature signature() {
					return signature;
				}

				@Override
				public Object call(JsonNode input, SmoothToolContext context) {
					recorder.inputs.add(input);
					return input;
				}

			};
		}

		/** What the tools were called with. */
		static class Recorder {

			final List<JsonNode> inputs = new CopyOnWriteArrayList<>();

		}

		static class Methods {

			private final Recorder recorder;

			Methods(Recorder recorder) {
				this.recorder = recorder;
			}

			@SmoothTool(description = "Echoes the city it was given")
			public Map<String, String> cityMethod(Optional<String> city) {
				Map<String, String> got = city.map((name) -> Map.of("city", name)).orElse(Map.of());
				this.recorder.inputs.add(JSON.valueToTree(got));
				return got;
			}

		}

	}

	/**
	 * Hostile or broken poll responses, one row each: the exact bytes a server (or a
	 * proxy in front of it) answers {@code GET /task/{id}} with, on every poll, and what
	 * the user of a {@link TaskHandle} must see. Every row ends in a typed error (a
	 * {@link SmoothException}), in a final result, or in a task that keeps being polled;
	 * none may end in an untyped exception or a hang.
	 * <p>
	 * The client retries nothing here ({@code smooth.retry.max-attempts=1},
	 * {@code smooth.polling.failure-tolerance=0s}), so a failure reaches the waiter at
	 * the first poll; how failures are tolerated is tested elsewhere.
	 */
	@Nested
	class PollResponses {

		/** Far longer than one poll should take: reaching it would mean a hang. */
		private static final Duration PATIENCE = Duration.ofSeconds(10);

		private static final AtomicInteger counter = new AtomicInteger();

		static Stream<Arguments> pollResponses() {
			return Stream.of(row("202 with an empty body", 202, "", fails(SmoothNetworkException.class)),
					row("202 without an r member", 202, "{}", fails(SmoothNetworkException.class)),
					row("202 with r: null", 202, "{\"r\":null}", fails(SmoothNetworkException.class)),
					row("202 with r as an array", 202, "{\"r\":[]}", fails(SmoothNetworkException.class)),
					row("202 without status", 202, "{\"r\":{\"id\":\"$ID\"}}", fails(SmoothNetworkException.class)),
					row("202 with status: null", 202, "{\"r\":{\"id\":\"$ID\",\"status\":null}}",
							fails(SmoothNetworkException.class)),
					row("202 with events as an object", 202,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"running\",\"events\":{}}}",
							fails(SmoothNetworkException.class)),
					row("202 with an event timestamp that is not a number", 202,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"running\",\"events\":[{\"name\":\"tool_call\","
									+ "\"id\":\"e1\",\"payload\":{},\"timestamp\":\"soon\"}]}}",
							fails(SmoothNetworkException.class)),
					row("200 with credits_used that is not a number", 200,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"done\",\"credits_used\":\"many\"}}",
							fails(SmoothNetworkException.class)),
					row("200 with a body that is not JSON", 200, "OK", fails(SmoothNetworkException.class)),
					row("202 whose events hold a null", 202,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"running\",\"events\":[null]}}",
							keepsPolling(TaskStatus.RUNNING)),
					row("202 with a tool_call event without payload", 202,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"running\",\"events\":[{\"name\":\"tool_call\","
									+ "\"id\":\"e1\",\"timestamp\":5}]}}",
							keepsPolling(TaskStatus.RUNNING)),
					row("202 with an event without id or name", 202,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"running\",\"events\":[{\"payload\":{},\"timestamp\":5}]}}",
							keepsPolling(TaskStatus.RUNNING)),
					row("200 done whose events hold a null", 200,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"done\",\"output\":\"ok\",\"events\":[null]}}",
							ends(TaskStatus.DONE)),
					row("200 with status DONE in capitals", 200,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"DONE\",\"output\":\"ok\"}}", ends(TaskStatus.DONE)),
					row("200 with status ' Failed ' in mixed case and blanks", 200,
							"{\"r\":{\"id\":\"$ID\",\"status\":\" Failed \",\"output\":\"boom\"}}",
							ends(TaskStatus.FAILED)),
					row("202 with an unknown status (paused): not terminal", 202,
							"{\"r\":{\"id\":\"$ID\",\"status\":\"paused\"}}", keepsPolling(TaskStatus.UNKNOWN)));
		}

		@ParameterizedTest(name = "{0}")
		@MethodSource("pollResponses")
		void aHostilePollResponseGivesATypedOutcome(String name, int status, String body, PollOutcome outcome) {
			String id = "hostile-" + counter.incrementAndGet();
			wm.stubFor(
					post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}")));
			wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/api/v1/task/" + id))
				.willReturn(aResponse().withStatus(status)
					.withHeader("Content-Type", "application/json")
					.withBody(body.replace("$ID", id))));
			SimulatorRig.runner()
				.withPropertyValues("smooth.base-url=" + wm.baseUrl() + "/api/v1", "smooth.api-key=test-key-0123456789",
						"smooth.polling.first-delay=20ms", "smooth.polling.max-interval=100ms",
						"smooth.polling.active-max-interval=50ms", "smooth.retry.max-attempts=1",
						"smooth.polling.failure-tolerance=0s")
				.run((context) -> {
					TaskHandle handle = context.getBean(SmoothOperations.class).submit("Read the news");
					outcome.check(handle, context,
							() -> wm.findAll(getRequestedFor(urlPathEqualTo("/api/v1/task/" + id))).size());
				});
		}

		private static Arguments row(String name, int status, String body, PollOutcome outcome) {
			return Arguments.of(name, status, body, outcome);
		}

		/**
		 * The polls fail with this typed exception, promptly, and the task's poller is
		 * gone.
		 */
		static PollOutcome fails(Class<? extends SmoothException> type) {
			return new PollOutcome("fails with " + type.getSimpleName()) {
				@Override
				void check(TaskHandle handle, ApplicationContext context, java.util.function.IntSupplier polls) {
					Throwable thrown = catchThrowable(() -> handle.await(PATIENCE));
					assertThat(thrown).isInstanceOf(type).hasMessageContaining(handle.id());
					assertThat(context.getBean(PollingEngine.class).livePollers()).isEmpty();
				}
			};
		}

		/**
		 * The task ends with this status, and {@code status()} and {@code await()} agree.
		 */
		static PollOutcome ends(TaskStatus status) {
			return new PollOutcome("ends " + status) {
				@Override
				void check(TaskHandle handle, ApplicationContext context, java.util.function.IntSupplier polls) {
					TaskResult result = handle.await(PATIENCE);
					assertThat(result.status()).isEqualTo(status);
					assertThat(handle.status()).isEqualTo(status);
				}
			};
		}

		/**
		 * Nothing breaks: the response is taken as far as it makes sense, the task stays
		 * in this status and is polled on; a bounded wait ends in a timeout, never in
		 * another exception.
		 */
		static PollOutcome keepsPolling(TaskStatus status) {
			return new PollOutcome("keeps polling, status " + status) {
				@Override
				void check(TaskHandle handle, ApplicationContext context, java.util.function.IntSupplier polls) {
					await().atMost(PATIENCE).until(() -> polls.getAsInt() >= 3);
					assertThat(catchThrowable(() -> handle.await(Duration.ofMillis(300))))
						.isInstanceOf(SmoothTimeoutException.class);
					assertThat(handle.status()).isEqualTo(status);
					assertThat(context.getBean(PollingEngine.class).livePollers()).hasSize(1);
				}
			};
		}

		/**
		 * What a row must give.
		 */
		abstract static class PollOutcome {

			private final String description;

			PollOutcome(String description) {
				this.description = description;
			}

			abstract void check(TaskHandle handle, ApplicationContext context, java.util.function.IntSupplier polls);

			@Override
			public String toString() {
				return this.description;
			}

		}

	}

}
