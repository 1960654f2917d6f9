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
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.error.SmoothException;
import sh.smooth.spring.browser.BrowserActions;
import sh.smooth.spring.session.SessionBrowserActions;
import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.tool.SmoothTool;
import sh.smooth.spring.tool.SmoothToolContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ctx.actions()} from a custom tool: the browser-action handle of a task lives as
 * long as the task, and a tool still running after its task ended gets a clear error
 * instead of a handle that nothing would ever remove.
 */
@ExpectedLog(logger = "sh.smooth.spring.tool.ToolCallRun", message = "Cancelled Smooth tool",
		why = "a tool still runs when its task is cancelled, on purpose")
@ExtendWith(SmoothSimulatorExtension.class)
class ToolBrowserActionsFaultTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Test
	void aToolOfATaskThatHasEndedGetsAClearErrorAndLeavesNothingBehind(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("late")).doneAfter(Duration.ofMinutes(5)).toolCall("lateBrowser", Map.of());
		SimulatorRig.runner()
			.withUserConfiguration(BrowserTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				BrowserTools.Tools tools = context.getBean(BrowserTools.Tools.class);
				TaskHandle handle = context.getBean(SmoothOperations.class).submit("A late tool");
				assertThat(tools.entered.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

				// the task ends while its tool runs; the tool ignores the interrupt
				handle.cancel();
				TaskResult result = handle.await(WAIT);
				assertThat(result.status()).isEqualTo(TaskStatus.CANCELLED);
				tools.release.countDown();

				await().atMost(WAIT).until(() -> tools.outcome.get() != null);
				assertThat(tools.outcome.get()).isInstanceOfSatisfying(SmoothException.class,
						(error) -> assertThat(error).hasMessage("No browser actions for task " + handle.id()
								+ ": it has already ended with status cancelled"));
				assertThat(context.getBean(SessionBrowserActions.class).taskActionIds()).isEmpty();
			});
	}

	@Test
	void aToolOfARunningTaskKeepsItsActionsUntilTheTaskEnds(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("browse")).doneAfter(Duration.ofMinutes(5)).toolCall("browse", Map.of());
		SimulatorRig.runner()
			.withUserConfiguration(BrowserTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				BrowserTools.Tools tools = context.getBean(BrowserTools.Tools.class);
				SessionBrowserActions sessions = context.getBean(SessionBrowserActions.class);
				TaskHandle handle = context.getBean(SmoothOperations.class).submit("Browse a little");

				await().atMost(WAIT).until(() -> tools.outcome.get() != null);
				assertThat(tools.outcome.get()).isInstanceOf(BrowserActions.class);
				assertThat(sessions.taskActionIds()).containsExactly(handle.id());

				handle.cancel();
				await().atMost(WAIT).untilAsserted(() -> assertThat(sessions.taskActionIds()).isEmpty());
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class BrowserTools {

		@Bean
		Tools browserTools() {
			return new Tools();
		}

		static class Tools {

			final CountDownLatch entered = new CountDownLatch(1);

			final CountDownLatch release = new CountDownLatch(1);

			/** What {@code ctx.actions()} gave: the actions or the exception. */
			final AtomicReference<Object> outcome = new AtomicReference<>();

			@SmoothTool(description = "Waits for its task to end, then asks for the browser")
			public String lateBrowser(SmoothToolContext context) {
				this.entered.countDown();
				SimulatorRig.awaitIgnoringInterrupts(this.release, WAIT);
				return browse(context);
			}

			@SmoothTool(description = "Asks for the browser")
			public String browse(SmoothToolContext context) {
				try {
					this.outcome.set(context.actions());
				}
				catch (RuntimeException ex) {
					this.outcome.set(ex);
				}
				return "done";
			}

		}

	}

}
