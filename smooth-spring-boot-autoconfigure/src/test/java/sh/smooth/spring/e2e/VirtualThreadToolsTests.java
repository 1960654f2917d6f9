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

package sh.smooth.spring.e2e;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.tool.SmoothTool;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tool methods run on virtual threads when the application turns them on with Boot's
 * {@code spring.threads.virtual.enabled}, and on platform threads otherwise. The
 * virtual-thread test needs Java 21: {@code .ci/run} runs this class on Java 25 as well.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class VirtualThreadToolsTests {

	private final ApplicationContextRunner runner = SimulatorRig.runner().withUserConfiguration(Tools.class);

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "virtual threads need Java 21; .ci/run runs it on 25")
	void withVirtualThreadsEnabledToolsRunOnVirtualThreads(SmoothSimulator sim) {
		ToolThreads threads = runTaskWithToolCall(sim, "spring.threads.virtual.enabled=true");
		assertThat(threads.seen).singleElement().satisfies((thread) -> {
			assertThat(isVirtual(thread)).as("virtual").isTrue();
			assertThat(thread.getName()).startsWith("smooth-tool-");
		});
	}

	@Test
	void withoutThemToolsRunOnDaemonPlatformThreads(SmoothSimulator sim) {
		ToolThreads threads = runTaskWithToolCall(sim, "spring.threads.virtual.enabled=false");
		assertThat(threads.seen).singleElement().satisfies((thread) -> {
			assertThat(isVirtual(thread)).as("virtual").isFalse();
			assertThat(thread.isDaemon()).isTrue();
			assertThat(thread.getName()).startsWith("smooth-tool-");
		});
	}

	private ToolThreads runTaskWithToolCall(SmoothSimulator sim, String property) {
		sim.onTask(TaskMatcher.textContains("where"))
			.runningAfter(Duration.ZERO)
			.toolCall("whereAmI", Map.of())
			.doneAfter(Duration.ZERO);
		ToolThreads[] result = new ToolThreads[1];
		this.runner.withPropertyValues(SimulatorRig.properties(sim, property)).run((context) -> {
			assertThat(context.getBean(SmoothOperations.class).run("where does the tool run?").status())
				.isEqualTo(TaskStatus.DONE);
			result[0] = context.getBean(ToolThreads.class);
		});
		return result[0];
	}

	// Thread.isVirtual() is Java 21 API; the tests compile for 17
	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Tools {

		@Bean
		ToolThreads toolThreads() {
			return new ToolThreads();
		}

	}

	static class ToolThreads {

		final CopyOnWriteArrayList<Thread> seen = new CopyOnWriteArrayList<>();

		@SmoothTool(description = "Reports where it runs")
		public String whereAmI() {
			this.seen.add(Thread.currentThread());
			return "here";
		}

	}

}
