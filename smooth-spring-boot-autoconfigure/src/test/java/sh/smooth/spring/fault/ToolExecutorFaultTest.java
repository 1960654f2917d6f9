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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.test.ToolRoundTrip;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tool executor under pressure: one thread, held by a tool that ignores interrupts,
 * so the next call has to wait for it. The run timeout counts running time only; the wait
 * for a thread has its own bound, answered "busy"; and tool threads never keep the JVM
 * alive.
 */
@ExpectedLog(logger = "sh.smooth.spring.tool.ToolCallRun", message = "ran longer than",
		why = "a tool that ignores interrupts holds the only thread past its timeout")
@ExpectedLog(logger = "sh.smooth.spring.tool.ToolCallRun", message = "for a thread",
		why = "a call waits for the held thread past the queue bound")
@ExtendWith(SmoothSimulatorExtension.class)
class ToolExecutorFaultTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(1);

	@Test
	void theTimeoutCountsRunningTimeNotTheWaitForAThread(SmoothSimulator sim) {
		scriptHogAndQuick(sim);
		SimulatorRig.runner()
			.withUserConfiguration(ExecutorTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.tools.executor.threads=1",
					"smooth.tools.timeout=" + TOOL_TIMEOUT.toMillis() + "ms"))
			.run((context) -> {
				SmoothOperations smooth = context.getBean(SmoothOperations.class);
				ExecutorTools.Tools tools = context.getBean(ExecutorTools.Tools.class);
				TaskHandle hog = smooth.submit("A hog task");
				assertThat(tools.hogEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
				TaskHandle quick = smooth.submit("A quick task");

				// the quick call waits behind the hog for twice the tool timeout (an
				// answer while it waits, which a timeout counted from the queue gave,
				// ends the wait early)
				await().atMost(WAIT).until(() -> !sim.toolRoundTrips(quick.id()).isEmpty());
				ToolRoundTrip queued = sim.toolRoundTrips(quick.id()).get(0);
				await().atMost(WAIT)
					.until(() -> !sim.toolAnswers(quick.id()).isEmpty()
							|| System.nanoTime() - queued.emittedNanos() > 2 * TOOL_TIMEOUT.toNanos());
				tools.release.countDown();

				assertThat(quick.await(WAIT).status()).isEqualTo(TaskStatus.DONE);
				assertThat(answers(sim, quick)).singleElement().satisfies((answer) -> {
					assertThat(answer.code()).isEqualTo(200);
					assertThat(answer.output().asString()).isEqualTo("quick");
				});
				assertThat(tools.quickEvents).hasSize(1);
				// the hog itself ran longer than the timeout: answered with the
				// (non-essential) timeout error while it went on
				assertThat(hog.await(WAIT).status()).isEqualTo(TaskStatus.DONE);
				assertThat(answers(sim, hog)).singleElement().satisfies((answer) -> {
					assertThat(answer.code()).isEqualTo(400);
					assertThat(answer.output().asString())
						.isEqualTo("tool 'hog' did not finish within 1000 ms and was interrupted");
				});
			});
	}

	@Test
	void aCallThatWaitsTooLongForAThreadIsAnsweredBusyAndNeverRuns(SmoothSimulator sim) {
		scriptHogAndQuick(sim);
		SimulatorRig.runner()
			.withUserConfiguration(ExecutorTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.tools.executor.threads=1",
					"smooth.tools.timeout=60s", "smooth.tools.executor.queue-timeout=200ms"))
			.run((context) -> {
				SmoothOperations smooth = context.getBean(SmoothOperations.class);
				ExecutorTools.Tools tools = context.getBean(ExecutorTools.Tools.class);
				TaskHandle hog = smooth.submit("A hog task");
				assertThat(tools.hogEntered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
				TaskHandle quick = smooth.submit("A quick task");

				await().atMost(WAIT).until(() -> !sim.toolAnswers(quick.id()).isEmpty());
				assertThat(answers(sim, quick)).singleElement().satisfies((answer) -> {
					assertThat(answer.code()).isEqualTo(400);
					assertThat(answer.output().asString())
						.isEqualTo("tool 'quick' is busy: too many tool calls are waiting; try again later");
				});
				// a "busy" answer is not fatal: the agent goes on
				assertThat(quick.await(WAIT).status()).isEqualTo(TaskStatus.DONE);

				tools.release.countDown();
				assertThat(hog.await(WAIT).status()).isEqualTo(TaskStatus.DONE);
				assertThat(answers(sim, hog)).singleElement()
					.satisfies((answer) -> assertThat(answer.code()).isEqualTo(200));
				// the one thread is free and has gone past the queued call: a later call
				// runs, the one answered "busy" never did
				TaskHandle later = smooth.submit("Another quick task");
				assertThat(later.await(WAIT).status()).isEqualTo(TaskStatus.DONE);
				assertThat(tools.quickEvents).containsExactly(sim.toolRoundTrips(later.id()).get(0).toolCallId());
			});
	}

	@Test
	void toolThreadsNeverKeepTheJvmAliveAndEndWithTheContext(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).toolCall("clock", Map.of());
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				assertThat(context.getBean(SmoothOperations.class).run("What time is it?").status())
					.isEqualTo(TaskStatus.DONE);
				// the tool thread is still there, idle, after main would have returned
				assertThat(SimulatorRig.clientThreads()).anyMatch((name) -> name.startsWith("smooth-tool-"));
				assertThat(SimulatorRig.nonDaemonThreads()).extracting(Thread::getName)
					.noneMatch((name) -> name.startsWith("smooth-"));
			});
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(SimulatorRig.clientThreads())
				.noneMatch((name) -> name.startsWith("smooth-tool-")));
	}

	private static void scriptHogAndQuick(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("hog")).toolCall("hog", Map.of());
		sim.onTask(TaskMatcher.textContains("quick")).toolCall("quick", Map.of());
	}

	private static List<ToolAnswer> answers(SmoothSimulator sim, TaskHandle handle) {
		Map<String, List<ToolAnswer>> answers = sim.toolAnswers(handle.id());
		assertThat(answers).hasSize(1);
		return answers.values().iterator().next();
	}

	@Configuration(proxyBeanMethods = false)
	static class ExecutorTools {

		@Bean
		Tools executorTools() {
			return new Tools();
		}

		static class Tools {

			final CountDownLatch hogEntered = new CountDownLatch(1);

			final CountDownLatch release = new CountDownLatch(1);

			final List<String> quickEvents = new CopyOnWriteArrayList<>();

			@SmoothTool(description = "Holds its thread until the test releases it, whatever happens",
					essential = false)
			public String hog() {
				this.hogEntered.countDown();
				SimulatorRig.awaitIgnoringInterrupts(this.release, WAIT);
				return "hog";
			}

			@SmoothTool(description = "Answers at once")
			public String quick(SmoothToolContext context) {
				this.quickEvents.add(context.eventId());
				return "quick";
			}

		}

	}

}
