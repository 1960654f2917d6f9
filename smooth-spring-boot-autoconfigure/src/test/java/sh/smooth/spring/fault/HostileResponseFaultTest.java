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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ApplicationContext;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * Hostile or broken poll responses, one row each: the exact bytes a server (or a proxy in
 * front of it) answers {@code GET /task/{id}} with, on every poll, and what the user of a
 * {@link TaskHandle} must see. Every row ends in a typed error (a
 * {@link SmoothException}), in a final result, or in a task that keeps being polled; none
 * may end in an untyped exception or a hang.
 * <p>
 * The client retries nothing here ({@code smooth.retry.max-attempts=1},
 * {@code smooth.polling.failure-tolerance=0s}), so a failure reaches the waiter at the
 * first poll; how failures are tolerated is tested elsewhere.
 */
class HostileResponseFaultTest {

	/** Far longer than one poll should take: reaching it would mean a hang. */
	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final AtomicInteger counter = new AtomicInteger();

	@org.junit.jupiter.api.extension.RegisterExtension
	static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

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
	void aHostilePollResponseGivesATypedOutcome(String name, int status, String body, Outcome outcome) {
		String id = "hostile-" + counter.incrementAndGet();
		wm.stubFor(post("/api/v1/task").willReturn(okJson("{\"r\":{\"id\":\"" + id + "\",\"status\":\"waiting\"}}")));
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

	private static Arguments row(String name, int status, String body, Outcome outcome) {
		return Arguments.of(name, status, body, outcome);
	}

	/**
	 * The polls fail with this typed exception, promptly, and the task's poller is gone.
	 */
	static Outcome fails(Class<? extends SmoothException> type) {
		return new Outcome("fails with " + type.getSimpleName()) {
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
	static Outcome ends(TaskStatus status) {
		return new Outcome("ends " + status) {
			@Override
			void check(TaskHandle handle, ApplicationContext context, java.util.function.IntSupplier polls) {
				TaskResult result = handle.await(PATIENCE);
				assertThat(result.status()).isEqualTo(status);
				assertThat(handle.status()).isEqualTo(status);
			}
		};
	}

	/**
	 * Nothing breaks: the response is taken as far as it makes sense, the task stays in
	 * this status and is polled on; a bounded wait ends in a timeout, never in another
	 * exception.
	 */
	static Outcome keepsPolling(TaskStatus status) {
		return new Outcome("keeps polling, status " + status) {
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
	abstract static class Outcome {

		private final String description;

		Outcome(String description) {
			this.description = description;
		}

		abstract void check(TaskHandle handle, ApplicationContext context, java.util.function.IntSupplier polls);

		@Override
		public String toString() {
			return this.description;
		}

	}

}
