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
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The answer POST of a tool call under faults. The method runs once; its answer is sent,
 * with the same event id, until the server accepts it or the task ends, whatever
 * {@code smooth.retry.max-attempts} says; it is answered at least once, so a 5xx after
 * the server handled it means a second answer; and an answer still unaccepted when the
 * task ends is counted and logged.
 */
@ExtendWith({ SmoothSimulatorExtension.class, OutputCaptureExtension.class })
class ToolAnswerDeliveryFaultTest {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** Quick client retries, so a test waits for the answer's own re-sends only. */
	private static final String[] QUICK_RETRIES = { "smooth.retry.initial-backoff=10ms",
			"smooth.retry.max-backoff=50ms" };

	@Test
	void anAnswerRefusedMoreOftenThanMaxAttemptsIsSentUntilAccepted(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).toolCall("clock", Map.of());
		// max-attempts is 4 (the default): five 429s in a row outlast the client's
		// retries
		for (int call = 1; call <= 5; call++) {
			sim.faults(Route.SEND_EVENT).statusOnCall(call, 429);
		}
		SimulatorRig.runner()
			.withUserConfiguration(CountingClock.class)
			.withPropertyValues(SimulatorRig.properties(sim, QUICK_RETRIES))
			.run((context) -> {
				TaskHandle handle = context.getBean(SmoothOperations.class).submit("What time is it?");

				assertThat(handle.await(WAIT).status()).isEqualTo(TaskStatus.DONE);
				assertThat(context.getBean(CountingClock.Clock.class).runs).hasValue(1);
				List<RecordedRequest> sends = sim.requests(Route.SEND_EVENT);
				assertThat(sends).hasSize(6);
				String callId = sim.toolRoundTrips(handle.id()).get(0).toolCallId();
				assertThat(sends).allSatisfy((send) -> assertThat(send.body().get("id").asString()).isEqualTo(callId));
				assertThat(sim.toolAnswers(handle.id()).get(callId)).singleElement()
					.satisfies((answer) -> assertThat(answer.code()).isEqualTo(200));
			});
	}

	@Test
	void aNewSendWaitsForRetryAfter(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).toolCall("clock", Map.of());
		sim.faults(Route.SEND_EVENT).retryAfter429OnCall(1, Duration.ofSeconds(3));
		SimulatorRig.runner()
			.withUserConfiguration(CountingClock.class)
			// no client retries at all: only the answer's own re-sends
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.retry.max-attempts=1"))
			.run((context) -> {
				TaskHandle handle = context.getBean(SmoothOperations.class).submit("What time is it?");

				assertThat(handle.await(WAIT).status()).isEqualTo(TaskStatus.DONE);
				List<RecordedRequest> sends = sim.requests(Route.SEND_EVENT);
				assertThat(sends).hasSize(2);
				// a re-send would come after 1 to 2 s without the header; 100 ms spare
				// for the clock
				assertThat(Duration.between(sends.get(0).receivedAt(), sends.get(1).receivedAt()))
					.isGreaterThanOrEqualTo(Duration.ofMillis(2900));
				assertThat(context.getBean(CountingClock.Clock.class).runs).hasValue(1);
			});
	}

	@Test
	void anAnswerStillRefusedWhenTheTaskEndsIsCountedAndLogged(SmoothSimulator sim, CapturedOutput output) {
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(5)).toolCall("clock", Map.of());
		sim.faults(Route.SEND_EVENT).statusRate(1.0, 503, 1);
		SimulatorRig.runner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withUserConfiguration(CountingClock.class)
			.withPropertyValues(SimulatorRig.properties(sim, QUICK_RETRIES))
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				TaskHandle handle = context.getBean(SmoothOperations.class).submit("What time is it?");
				// sent past max-attempts (4): the client's retries, then the answer's own
				await().atMost(WAIT).until(() -> sim.requestCount(Route.SEND_EVENT) > 4);
				assertThat(meters.find("smooth.tool.answers.lost").counter()).isNull();

				handle.cancel();
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(
							meters.find("smooth.tool.answers.lost").tag("smooth.tool.name", "clock").counter())
						.extracting(Counter::count)
						.isEqualTo(1.0));
				String callId = sim.toolRoundTrips(handle.id()).get(0).toolCallId();
				assertThat(output).contains("WARN",
						"The answer to Smooth tool call 'clock' (event " + callId + ") of task " + handle.id()
								+ " was lost: the task ended with status cancelled before the server accepted it");
				assertThat(sim.toolAnswers(handle.id())).isEmpty();
				assertThat(context.getBean(CountingClock.Clock.class).runs).hasValue(1);
			});
	}

	@Test
	void aServerErrorAfterTheAnswerWasHandledMeansTwoAnswersWithOneEventIdAndOneRun(SmoothSimulator sim) {
		// the task goes on long enough after the answer for the repeat to reach it
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofSeconds(1)).toolCall("clock", Map.of());
		sim.faults(Route.SEND_EVENT).statusAfterHandlingOnCall(1, 503);
		SimulatorRig.runner()
			.withUserConfiguration(CountingClock.class)
			.withPropertyValues(SimulatorRig.properties(sim, QUICK_RETRIES))
			.run((context) -> {
				TaskHandle handle = context.getBean(SmoothOperations.class).submit("What time is it?");

				assertThat(handle.await(WAIT).status()).isEqualTo(TaskStatus.DONE);
				assertThat(context.getBean(CountingClock.Clock.class).runs).hasValue(1);
				String callId = sim.toolRoundTrips(handle.id()).get(0).toolCallId();
				Map<String, List<ToolAnswer>> answers = sim.toolAnswers(handle.id());
				assertThat(answers).containsOnlyKeys(callId);
				assertThat(answers.get(callId)).hasSize(2).allSatisfy((answer) -> {
					assertThat(answer.code()).isEqualTo(200);
					assertThat(answer.output().asString()).isEqualTo("12:00");
				});
				assertThat(sim.requests(Route.SEND_EVENT)).hasSize(2)
					.allSatisfy((send) -> assertThat(send.body().get("id").asString()).isEqualTo(callId));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingClock {

		@Bean
		Clock countingClock() {
			return new Clock();
		}

		static class Clock {

			final AtomicInteger runs = new AtomicInteger();

			@SmoothTool(description = "The time")
			public String clock() {
				this.runs.incrementAndGet();
				return "12:00";
			}

		}

	}

}
