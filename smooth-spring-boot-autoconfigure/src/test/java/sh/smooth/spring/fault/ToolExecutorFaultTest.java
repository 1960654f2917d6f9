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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tool executor: tool threads never keep the JVM alive.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class ToolExecutorFaultTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

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

}
