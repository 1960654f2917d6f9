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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.PrematureCloseException;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 tasks with two tool calls each, against a server that fails a fifth of the polls
 * with 503, drops 5% of the connections (polls and tool answers) and answers one tool
 * answer with 429 and {@code Retry-After}: every task completes, every tool runs exactly
 * once and is answered exactly once, and every {@code await} returns within its bound.
 */
@ExtendWith(SmoothSimulatorExtension.class)
@ExpectedLog(logger = "reactor.netty.http.client.HttpClientConnect", cause = PrematureCloseException.class,
		why = "the simulator closes 5% of the connections without a response")
class ToolCallFaultTest {

	private static final int TASKS = 200;

	private static final Duration AWAIT_BOUND = Duration.ofSeconds(45);

	@Test
	void everyToolRunsAndIsAnsweredExactlyOnceUnderFaults(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("order"))
			.runningAfter(Duration.ofMillis(10))
			.toolCall("lookupOrder", Map.of("orderNumber", "A-1"))
			.toolCall(Duration.ofMillis(20), "shipOrder", Map.of("orderNumber", "A-1"))
			.doneAfter(Duration.ofMillis(20));
		// polls: 20% answered 503, 5% of the connections closed without a response
		sim.faults(Route.GET_TASK).statusRate(0.2, 503, 8).dropConnectionRate(0.05, 80);
		// tool answers: 5% dropped, and one 429 with Retry-After that slows every call
		// for a second. Submits are not faulted: POST /task is never repeated (it could
		// start a second, billed task), so a dropped submit fails the submit by design.
		sim.faults(Route.SEND_EVENT).dropConnectionRate(0.05, 88).retryAfter429OnCall(25, Duration.ofSeconds(1));
		SimulatorRig.runner()
			.withUserConfiguration(OrderTools.class)
			// a call fails after max-attempts failures in a row; a failed poll is
			// 503 or drop with p = 0.24, so 12 attempts make giving up one chance in
			// 27 million per poll (8 would be one in 90,000, too close for ~4,000
			// polls). Short backoffs keep the run short; the Retry-After of the 429 is
			// honoured up to max-backoff, then by the shared gate.
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.retry.max-attempts=12",
					"smooth.retry.initial-backoff=10ms", "smooth.retry.max-backoff=200ms"))
			.run((context) -> {
				SmoothTemplate smooth = context.getBean(SmoothTemplate.class);
				OrderTools.Tools tools = context.getBean(OrderTools.Tools.class);
				List<CompletableFuture<TaskHandle>> submits = new ArrayList<>();
				for (int i = 0; i < TASKS; i++) {
					submits.add(smooth.submitAsync(SmoothTask.builder("Ship order " + i).build()));
				}
				List<TaskHandle> handles = new ArrayList<>();
				for (CompletableFuture<TaskHandle> submit : submits) {
					handles.add(submit.get(30, TimeUnit.SECONDS));
				}
				for (TaskHandle handle : handles) {
					long start = System.nanoTime();
					TaskResult result = handle.await(AWAIT_BOUND);
					// await returned (did not throw): within its bound by construction;
					// measured anyway, so a bound that is not honoured shows up here
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(AWAIT_BOUND);
					assertThat(result.status()).as(handle.id()).isEqualTo(TaskStatus.DONE);
				}

				// every tool ran exactly once per task and tool-call event
				assertThat(tools.runs).hasSize(TASKS * 2);
				assertThat(tools.runs).allSatisfy((call, runs) -> assertThat(runs.get()).as(call).isEqualTo(1));
				// ... and was answered exactly once, with success
				for (TaskHandle handle : handles) {
					Map<String, List<ToolAnswer>> answers = sim.toolAnswers(handle.id());
					assertThat(answers).as(handle.id()).hasSize(2);
					assertThat(answers.values()).allSatisfy((list) -> assertThat(list).singleElement()
						.satisfies((answer) -> assertThat(answer.code()).isEqualTo(200)));
					assertThat(answers.keySet())
						.allSatisfy((callId) -> assertThat(tools.runs).containsKey(handle.id() + "/" + callId));
				}
				assertThat(sim.duplicateToolAnswers()).isEmpty();
				sim.assertNoUnansweredToolCalls();
				// the faults did happen
				assertThat(sim.requests(Route.SEND_EVENT)).hasSizeGreaterThan(TASKS * 2);
				assertThat(sim.requestCount(Route.GET_TASK)).isGreaterThan(TASKS * 3);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderTools {

		@Bean
		Tools orderTools() {
			return new Tools();
		}

		static class Tools {

			/** Runs per {@code taskId/eventId}. */
			final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

			@SmoothTool(description = "Looks an order up")
			public Map<String, Object> lookupOrder(String orderNumber, SmoothToolContext context) {
				count(context);
				return Map.of("orderNumber", orderNumber, "status", "packed");
			}

			@SmoothTool(description = "Ships an order")
			public String shipOrder(String orderNumber, SmoothToolContext context) {
				count(context);
				return "shipped " + orderNumber;
			}

			private void count(SmoothToolContext context) {
				this.runs.computeIfAbsent(context.taskId() + "/" + context.eventId(), (key) -> new AtomicInteger())
					.incrementAndGet();
			}

		}

	}

}
