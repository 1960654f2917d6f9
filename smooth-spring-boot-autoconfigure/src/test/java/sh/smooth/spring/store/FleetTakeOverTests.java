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

package sh.smooth.spring.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SimulatedTaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances die while their tasks run and call tools; the others take the tasks over.
 * Each test is a fleet of real application contexts in this JVM sharing one real
 * PostgreSQL database and one simulator. Every task must end, every tool call must run
 * exactly once fleet-wide (no duplicate method runs, no conflicting answers) and every
 * result must reach an {@code @EventListener}.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class FleetTakeOverTests {

	private static final Duration BOUND = Duration.ofSeconds(60);

	@Test
	void twoInstancesOneDiesWhileItsToolsRunTheOtherFinishesEveryTask(SmoothSimulator sim) {
		int tasks = 20;
		sim.onTask(TaskMatcher.textContains("order"))
			.runningAfter(Duration.ofMillis(10))
			.toolCall("step", Map.of("n", 1))
			.toolCall(Duration.ofMillis(20), "step", Map.of("n", 2))
			.toolCall(Duration.ofMillis(20), "step", Map.of("n", 3))
			.doneAfter(Duration.ofMillis(20));
		try (FleetRig fleet = new FleetRig(sim)) {
			FleetRig.Member a = fleet.start("a");
			FleetRig.Member b = fleet.start("b");
			assertThat(a.fleet().store()).isInstanceOf(JdbcTaskStore.class);
			// step 2 never finishes on a: a dies in the middle of it
			fleet.ledger.blocks = (instance, step) -> "a".equals(instance) && step == 2;
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				TaskHandle handle = a.smooth()
					.submit(SmoothTask.builder("order " + i).correlationKey("order-" + i).build());
				ids.add(handle.id());
			}
			await().atMost(BOUND).until(() -> fleet.ledger.blocked.get() == tasks);
			long killed = System.nanoTime();
			a.kill();

			await().atMost(BOUND).until(() -> fleet.ledger.completions.keySet().containsAll(ids));
			long takeOverMillis = (System.nanoTime() - killed) / 1_000_000;

			assertThat(ids).allSatisfy((id) -> assertThat(sim.taskStatus(id)).isEqualTo(SimulatedTaskStatus.DONE));
			assertThat(fleet.ledger.duplicates()).isEmpty();
			// steps 1 and 2 ran on a, step 3 on b; step 2 was never run again
			assertThat(fleet.ledger.invocationCount()).isEqualTo(3 * tasks);
			assertThat(sim.conflictingToolAnswers()).isEmpty();
			sim.assertNoUnansweredToolCalls();
			for (String id : ids) {
				List<ToolAnswer> answers = sim.allToolAnswers(id);
				assertThat(answers).extracting((answer) -> answer.code() + " " + answer.output().asString())
					.containsExactly("200 step 1 by a", "400 tool interrupted, try again", "200 step 3 by b");
				List<SmoothTaskCompletedEvent> events = fleet.ledger.completions.get(id);
				assertThat(events).singleElement().satisfies((event) -> {
					assertThat(event.takenOver()).isTrue();
					assertThat(event.instanceId()).isEqualTo("b");
					assertThat(event.result().status()).isEqualTo(TaskStatus.DONE);
					assertThat(event.correlationKey()).startsWith("order-");
				});
			}
			assertThat(ids.stream().map((id) -> fleet.ledger.completions.get(id).get(0).correlationKey()))
				.containsExactlyInAnyOrderElementsOf(IntStream.range(0, tasks).mapToObj((i) -> "order-" + i).toList());
			System.out.println("FLEET twoInstances: tasks=" + tasks + " kills=1 toolCalls=" + 3 * tasks + " methodRuns="
					+ fleet.ledger.invocationCount() + " duplicates=" + fleet.ledger.duplicates().size()
					+ " conflicting=" + sim.conflictingToolAnswers().size() + " repeated="
					+ sim.repeatedToolAnswers().size() + " losses=0 killToLastResultMs=" + takeOverMillis);
		}
	}

}
