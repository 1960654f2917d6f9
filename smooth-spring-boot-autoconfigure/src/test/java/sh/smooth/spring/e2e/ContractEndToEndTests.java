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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import sh.smooth.spring.ReactiveSmoothOperations;
import sh.smooth.spring.ReactiveSmoothTemplate;
import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.SmoothTemplate;
import sh.smooth.spring.api.RetrySettings;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.polling.PollingSettings;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.task.TaskUpdate;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;
import sh.smooth.spring.tool.SmoothToolCallback;
import sh.smooth.spring.tool.SmoothToolContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The public contract of issue 12 against the simulator: reading and cancelling by id
 * without a poller, the reactive twin and its updates, blocking waits refused on
 * non-blocking threads, the two templates replaceable one at a time, a user's own
 * {@code SmoothOperations} next to tools that drive the browser, the builder without
 * Boot, and results made for users' own tests.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class ContractEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = SimulatorRig.runner();

	@Test
	void getReadsATaskOnceWithoutAPoller(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofMinutes(5));
		String[] id = new String[1];
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			id[0] = context.getBean(SmoothOperations.class).submit("Keep running").id();
		});
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			int before = sim.requestCount(Route.GET_TASK);
			TaskResult now = context.getBean(SmoothOperations.class).get(id[0]);

			assertThat(now.id()).isEqualTo(id[0]);
			assertThat(now.status()).isIn(TaskStatus.WAITING, TaskStatus.RUNNING);
			// one GET, and no poller behind it
			await().during(Duration.ofMillis(500))
				.atMost(WAIT)
				.until(() -> sim.requestCount(Route.GET_TASK) == before + 1);
			StepVerifier.create(context.getBean(ReactiveSmoothOperations.class).get(id[0]))
				.assertNext((result) -> assertThat(result.id()).isEqualTo(id[0]))
				.verifyComplete();
		});
	}

	@Test
	void cancelByIdIsTrueOnceAndFalseForAnEndedOrUnknownTask(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofMinutes(5));
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			TaskHandle handle = smooth.submit("Cancel me");

			assertThat(smooth.cancel(handle.id())).isTrue();
			assertThat(handle.await(WAIT).status()).isEqualTo(TaskStatus.CANCELLED);
			assertThat(smooth.cancel(handle.id())).isFalse();
			StepVerifier.create(context.getBean(ReactiveSmoothOperations.class).cancel("no-such-task"))
				.expectNext(false)
				.verifyComplete();
		});
	}

	@Test
	void theReactiveTwinRunsTasksAndStreamsTheirUpdatesFromTheOnePoller(SmoothSimulator sim) {
		// the tool call comes well after the subscription: a late subscriber gets the
		// current status, not past events
		sim.onTask(TaskMatcher.textContains("clock"))
			.runningAfter(Duration.ofMillis(500))
			.toolCall("clock", Map.of())
			.doneAfter(Duration.ofMillis(300))
			.output("noon");
		this.runner.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				ReactiveSmoothOperations smooth = context.getBean(ReactiveSmoothOperations.class);
				StepVerifier
					.create(smooth.submit("What does the clock say")
						.flatMapMany((handle) -> handle.updates()
							.filter((update) -> update instanceof TaskUpdate.EventReceived
									|| ((TaskUpdate.StatusChanged) update).status().isTerminal())))
					.assertNext((update) -> assertThat(update).isInstanceOfSatisfying(TaskUpdate.EventReceived.class,
							(event) -> assertThat(event.name()).isEqualTo("tool_call")))
					.assertNext((update) -> assertThat(update).isInstanceOfSatisfying(TaskUpdate.StatusChanged.class,
							(status) -> assertThat(status.status()).isEqualTo(TaskStatus.DONE)))
					.expectComplete()
					.verify(WAIT);
				String taskId = sim.taskIds().get(0);
				assertThat(sim.allToolAnswers(taskId).stream().map(ToolAnswer::code)).containsExactly(200);
				StepVerifier.create(smooth.run("What is the weather"))
					.assertNext((result) -> assertThat(result.status()).isEqualTo(TaskStatus.DONE))
					.expectComplete()
					.verify(WAIT);
			});
	}

	@Test
	void blockingWaitsOnANonBlockingThreadFailFast(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).runningAfter(Duration.ZERO).doneAfter(Duration.ofMinutes(5));
		this.runner.withPropertyValues(SimulatorRig.properties(sim)).run((context) -> {
			SmoothOperations smooth = context.getBean(SmoothOperations.class);
			TaskHandle handle = smooth.submit("Keep running");
			int creates = sim.requestCount(Route.CREATE_TASK);

			assertThatIllegalStateException()
				.isThrownBy(() -> Mono.fromCallable(handle::await).subscribeOn(Schedulers.parallel()).block(WAIT))
				.withMessageContaining("parallel");
			assertThatIllegalStateException()
				.isThrownBy(
						() -> Mono.fromCallable(() -> smooth.run("x")).subscribeOn(Schedulers.parallel()).block(WAIT))
				.withMessageContaining("non-blocking");
			// refused before any request
			assertThat(sim.requestCount(Route.CREATE_TASK)).isEqualTo(creates);
			handle.cancel();
		});
	}

	@Test
	void eachTemplateBacksOffOnItsOwnInterface(SmoothSimulator sim) {
		ReactiveSmoothOperations reactive = mock(ReactiveSmoothOperations.class);
		SmoothOperations blocking = mock(SmoothOperations.class);
		this.runner.withPropertyValues(SimulatorRig.properties(sim))
			.withBean(ReactiveSmoothOperations.class, () -> reactive)
			.run((context) -> {
				assertThat(context.getBean(ReactiveSmoothOperations.class)).isSameAs(reactive);
				assertThat(context).hasSingleBean(SmoothTemplate.class);
			});
		this.runner.withPropertyValues(SimulatorRig.properties(sim))
			.withBean(SmoothOperations.class, () -> blocking)
			.run((context) -> {
				assertThat(context.getBean(SmoothOperations.class)).isSameAs(blocking);
				assertThat(context).hasSingleBean(ReactiveSmoothTemplate.class);
			});
	}

	@Test
	void aUserSmoothOperationsBreaksNothing(SmoothSimulator sim) {
		// a tool that drives the browser of its task: the browser actions reach the tool
		// dispatcher by constructor, not through a lookup of the SmoothOperations bean
		sim.onTask(TaskMatcher.textContains("title"))
			.runningAfter(Duration.ZERO)
			.toolCall("pageTitle", Map.of())
			.doneAfter(Duration.ofMillis(100));
		sim.onSessionAction("evaluate_js").respond("Checkout - Shop", 0);
		SmoothOperations mine = mock(SmoothOperations.class);
		given(mine.run("anything")).willReturn(TaskResult.builder("t-mine").status(TaskStatus.DONE).build());
		this.runner.withUserConfiguration(SimulatorEndToEndTests.ShopTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.withBean(SmoothOperations.class, () -> mine)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(SmoothOperations.class).run("anything").id()).isEqualTo("t-mine");
				TaskResult result = context.getBean(ReactiveSmoothOperations.class)
					.run("Read the page title with the tool")
					.block(WAIT);
				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				List<ToolAnswer> answers = sim.allToolAnswers(sim.taskIds().get(0));
				assertThat(answers).singleElement().satisfies((answer) -> {
					assertThat(answer.code()).isEqualTo(200);
					assertThat(answer.output().asString()).isEqualTo("Checkout - Shop");
				});
			});
	}

	@Test
	void theBuilderMakesAClientWithoutBootThatCloseReleases(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.textContains("clock"))
			.runningAfter(Duration.ZERO)
			.toolCall("clock", Map.of())
			.doneAfter(Duration.ofMillis(100));
		SmoothToolCallback clock = new SmoothToolCallback() {

			@Override
			public ToolSignature signature() {
				return new ToolSignature("clock", "What time it is",
						JsonNodeFactory.instance.objectNode().put("type", "object"), "the time");
			}

			@Override
			public Object call(JsonNode input, SmoothToolContext context) {
				return "noon";
			}

		};
		try (SmoothTemplate smooth = SmoothTemplate.builder()
			.baseUrl(sim.baseUrl())
			.apiKey(sim.apiKey())
			.polling(new PollingSettings(Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(100), 1.5))
			.retry(new RetrySettings(3, Duration.ofMillis(20), Duration.ofMillis(100)))
			.tools(List.of(clock))
			.build()) {
			assertThat(smooth.run(SmoothTask.builder("Ask the clock").build()).status()).isEqualTo(TaskStatus.DONE);
			assertThat(smooth.reactive().run("Ask the clock again").block(WAIT).status()).isEqualTo(TaskStatus.DONE);
			assertThat(sim.allToolAnswers(sim.taskIds().get(0)).stream().map(ToolAnswer::code)).containsExactly(200);
		}
		await().atMost(WAIT).until(() -> SimulatorRig.clientThreads().isEmpty());
	}

	@Test
	void aResultForUsersTestsNeedsNoWireRecord() {
		SmoothOperations smooth = mock(SmoothOperations.class);
		given(smooth.run("Find the price")).willReturn(TaskResult.builder("t-1")
			.status(TaskStatus.DONE)
			.output(Map.of("price", 42))
			.creditsUsed(3)
			.recordingUrl("https://recordings.example/t-1.mp4")
			.build());

		TaskResult result = smooth.run("Find the price");

		assertThat(result.isDone()).isTrue();
		assertThat(result.output(Price.class)).isEqualTo(new Price(42));
		assertThat(result.output().get("price").asInt()).isEqualTo(42);
		assertThat(result.creditsUsed()).isEqualTo(3);
		assertThat(result.recordingUrl()).contains("https://recordings.example/t-1.mp4");
		assertThat(TaskResult.builder("t-2").build().status()).isEqualTo(TaskStatus.DONE);
	}

	record Price(int price) {
	}

}
