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

import sh.smooth.spring.support.ExpectedLog;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
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
@ExpectedLog(logger = "sh.smooth.spring.tool.ToolCallRun", message = "Cancelled Smooth tool",
		why = "an instance dies while its tools run")
@ExpectedLog(logger = "sh.smooth.spring.tool.ToolDispatcher", message = "was claimed by an instance that stopped",
		why = "the heir answers the calls the dead instance was running")
@ExpectedLog(logger = "sh.smooth.spring.polling", why = "503s injected on polls")
@ExpectedLog(logger = "sh.smooth.spring.tool", message = "answer",
		why = "answers sent while 503s and dropped connections are injected")
@ExpectedLog(logger = "reactor.netty", why = "dropped connections injected")
@ExpectedLog(logger = "sh.smooth.spring.store", why = "take-overs while the instance dies")
class FleetTakeOverTests {

	private static final Duration BOUND = Duration.ofSeconds(60);

	@Test
	void twoInstancesOneDiesWhileItsToolsRunTheOtherFinishesEveryTask(SmoothSimulator sim) {
		int tasks = 20;
		threeSteps(sim);
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

	@Test
	void anotherLiveInstanceAttachesATaskOfTheStoreAndEachToolStillRunsOnce(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("order"))
			.runningAfter(Duration.ofMillis(10))
			.toolCall(Duration.ofMillis(300), "step", Map.of("n", 1))
			.toolCall(Duration.ofMillis(20), "step", Map.of("n", 2))
			.toolCall(Duration.ofMillis(20), "step", Map.of("n", 3))
			.doneAfter(Duration.ofMillis(20));
		try (FleetRig fleet = new FleetRig(sim)) {
			FleetRig.Member a = fleet.start("a");
			FleetRig.Member b = fleet.start("b");
			String id = a.smooth().submit(SmoothTask.builder("order attached").build()).id();

			// b follows a task that a created and still owns: both poll it, and the
			// claims
			// decide who runs each call
			TaskResult result = b.smooth().attach(id).await(BOUND);

			assertThat(result.status()).isEqualTo(TaskStatus.DONE);
			assertThat(fleet.ledger.invocationCount()).isEqualTo(3);
			assertThat(fleet.ledger.duplicates()).isEmpty();
			assertThat(sim.conflictingToolAnswers()).isEmpty();
			sim.assertNoUnansweredToolCalls();
			assertThat(sim.allToolAnswers(id)).extracting((answer) -> answer.code()).containsExactly(200, 200, 200);
		}
	}

	@Test
	void threeInstancesTwoHundredTasksWithFaultsOneDiesTheOthersShareItsTasks(SmoothSimulator sim) {
		int tasks = 200;
		threeSteps(sim);
		try (FleetRig fleet = new FleetRig(sim)) {
			String[] slower = { "smooth.polling.max-interval=500ms" };
			FleetRig.Member a = fleet.start("a", slower);
			FleetRig.Member b = fleet.start("b", slower);
			FleetRig.Member c = fleet.start("c", slower);
			sim.faults(Route.GET_TASK).statusRate(0.05, 503, 42);
			sim.faults(Route.SEND_EVENT).statusRate(0.05, 503, 43).dropConnectionRate(0.03, 44);
			long started = System.nanoTime();
			List<java.util.concurrent.CompletableFuture<TaskHandle>> submits = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				FleetRig.Member submitter = (i % 2 == 0) ? a : b;
				submits.add(submitter.smooth()
					.submitAsync(SmoothTask.builder("order " + i).correlationKey("order-" + i).build()));
			}
			List<String> ids = submits.stream().map((submit) -> submit.join().id()).toList();
			// a dies with a third of the tool calls done, its tasks at every stage
			await().atMost(BOUND).until(() -> fleet.ledger.invocationCount() >= tasks);
			a.kill();

			await().atMost(BOUND).until(() -> fleet.ledger.completions.keySet().containsAll(ids));
			long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

			assertThat(ids).allSatisfy((id) -> assertThat(sim.taskStatus(id)).isEqualTo(SimulatedTaskStatus.DONE));
			assertThat(fleet.ledger.duplicates()).isEmpty();
			assertThat(sim.conflictingToolAnswers()).isEmpty();
			sim.assertNoUnansweredToolCalls();
			int interrupted = 0;
			for (String id : ids) {
				Map<String, List<ToolAnswer>> answers = sim.toolAnswers(id);
				assertThat(answers).hasSize(3);
				for (Map.Entry<String, List<ToolAnswer>> call : answers.entrySet()) {
					ToolAnswer first = call.getValue().get(0);
					List<String> ranOn = fleet.ledger.invocations.getOrDefault(id + "/" + call.getKey(), List.of());
					if (first.code() == 200) {
						// answered with a result: the method ran exactly once, where the
						// answer says
						assertThat(ranOn).hasSize(1);
						assertThat(first.output().asString()).endsWith("by " + ranOn.get(0));
					}
					else {
						assertThat(first.output().asString()).isEqualTo("tool interrupted, try again");
						assertThat(ranOn).hasSizeLessThanOrEqualTo(1);
						interrupted++;
					}
				}
				assertThat(fleet.ledger.completions.get(id)).hasSize(1);
			}
			Set<String> finishers = fleet.ledger.completions.values()
				.stream()
				.map((events) -> events.get(0).instanceId())
				.collect(Collectors.toSet());
			long takenOver = fleet.ledger.completions.values()
				.stream()
				.filter((events) -> events.get(0).takenOver())
				.count();
			assertThat(takenOver).isPositive();
			System.out
				.println("FLEET threeInstances: tasks=" + tasks + " kills=1 toolCalls=" + 3 * tasks + " methodRuns="
						+ fleet.ledger.invocationCount() + " interruptedAnswers=" + interrupted + " takenOver="
						+ takenOver + " finishedBy=" + finishers + " duplicates=" + fleet.ledger.duplicates().size()
						+ " conflicting=" + sim.conflictingToolAnswers().size() + " repeated="
						+ sim.repeatedToolAnswers().size() + " losses=0 submitToLastResultMs=" + elapsedMillis);
		}
	}

	@Test
	void anInstanceThatDiesAfterRecordingAnAnswerButBeforeTheServerAcceptedItIsAnsweredWithThatAnswer(
			SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("refund"))
			.runningAfter(Duration.ofMillis(10))
			.toolCall("step", Map.of("n", 1))
			.doneAfter(Duration.ofMillis(20));
		try (FleetRig fleet = new FleetRig(sim)) {
			FleetRig.Member a = fleet.start("a");
			FleetRig.Member b = fleet.start("b");
			// every answer fails: a ran the tool and recorded its answer, the server
			// never got it
			sim.faults(Route.SEND_EVENT).statusRate(1.0, 503, 1);
			String id = a.smooth().submit(SmoothTask.builder("refund order 7").build()).id();
			javax.sql.DataSource database = a.context.getBean(javax.sql.DataSource.class);
			org.springframework.jdbc.core.simple.JdbcClient jdbc = org.springframework.jdbc.core.simple.JdbcClient
				.create(database);
			await().atMost(BOUND)
				.until(() -> jdbc.sql("SELECT count(*) FROM smooth_tool_call WHERE answer_output IS NOT NULL")
					.query(Long.class)
					.single() == 1);
			assertThat(sim.allToolAnswers(id)).isEmpty();
			a.kill();
			sim.faults(Route.SEND_EVENT).clear();

			await().atMost(BOUND).until(() -> fleet.ledger.completions.containsKey(id));
			assertThat(sim.taskStatus(id)).isEqualTo(SimulatedTaskStatus.DONE);
			// b sent a's recorded answer: the method ran once, on a
			assertThat(fleet.ledger.invocations.values()).containsExactly(List.of("a"));
			assertThat(sim.allToolAnswers(id)).extracting((answer) -> answer.code() + " " + answer.output().asString())
				.first()
				.isEqualTo("200 step 1 by a");
			assertThat(sim.conflictingToolAnswers()).isEmpty();
			assertThat(fleet.ledger.completions.get(id)).singleElement()
				.satisfies((event) -> assertThat(event.instanceId()).isEqualTo("b"));
		}
	}

	@Test
	void aSessionTakenOverFromAFrozenInstanceIsClosedByTheHeirAndItsOwnerCanStillCloseIt(SmoothSimulator sim) {
		try (FleetRig fleet = new FleetRig(sim)) {
			FleetRig.Member a = fleet.start("a");
			fleet.start("b");
			sh.smooth.spring.session.SmoothSession session = a.smooth().openSession();
			String id = session.id();
			// a stops renewing (a long pause) but its objects live on
			a.fleet().crash();

			await().atMost(BOUND).until(() -> fleet.ledger.completions.containsKey(id));
			// nobody could drive it any more from b: b closed it rather than let it bill
			assertThat(sim.taskStatus(id)).isEqualTo(SimulatedTaskStatus.CANCELLED);
			assertThat(fleet.ledger.completions.get(id)).singleElement().satisfies((event) -> {
				assertThat(event.takenOver()).isTrue();
				assertThat(event.instanceId()).isEqualTo("b");
			});
			// the owner wakes up and closes the session it holds: no error, no hang
			session.close();
			assertThat(sim.taskStatus(id)).isEqualTo(SimulatedTaskStatus.CANCELLED);
		}
	}

	/** Every "order" task calls the step tool three times, then ends. */
	private static void threeSteps(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("order"))
			.runningAfter(Duration.ofMillis(10))
			.toolCall("step", Map.of("n", 1))
			.toolCall(Duration.ofMillis(20), "step", Map.of("n", 2))
			.toolCall(Duration.ofMillis(20), "step", Map.of("n", 3))
			.doneAfter(Duration.ofMillis(20));
	}

}
