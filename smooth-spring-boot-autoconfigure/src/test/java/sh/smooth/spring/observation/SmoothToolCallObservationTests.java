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

package sh.smooth.spring.observation;

import java.util.List;
import java.util.Set;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.support.SmoothTestClients;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskDefaults;
import sh.smooth.spring.task.TaskRequests;
import sh.smooth.spring.task.TaskStart;
import sh.smooth.spring.task.ToolSelection;
import sh.smooth.spring.tool.ToolCallObserver;
import sh.smooth.spring.tool.ToolCallOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code smooth.tool.call} observation: every outcome, and a tool name tag bounded by
 * the tools the task declared.
 */
class SmoothToolCallObservationTests {

	// the client is only used to create pollers: nothing is sent
	private final SmoothTestClients clients = SmoothTestClients.create("http://localhost:9/api/v1");

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final SmoothTaskObservationSupport tasks = new SmoothTaskObservationSupport(this.registry, null);

	private final ToolCallObserver observer = new SmoothToolCallObserver(this.registry, this.tasks,
			() -> Set.of("lookup_order"), null);

	@AfterEach
	void tearDown() {
		this.clients.close();
	}

	@ParameterizedTest
	@EnumSource(ToolCallOutcome.class)
	void everyOutcomeIsATag(ToolCallOutcome outcome) {
		startTaskWithTool("t-tools", "get_weather");
		Throwable error = (outcome == ToolCallOutcome.TIMEOUT) ? new SmoothTimeoutException("slow tool", null, null)
				: null;

		this.observer.start("t-tools", "e-1", "get_weather").stop(outcome, error);

		assertThat(this.registry).hasObservationWithNameEqualTo("smooth.tool.call")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasContextualNameEqualTo("smooth tool get_weather")
			.hasLowCardinalityKeyValue("smooth.tool.name", "get_weather")
			.hasLowCardinalityKeyValue("smooth.tool.outcome", outcome.value())
			.hasLowCardinalityKeyValue("exception", (error != null) ? "SmoothTimeoutException" : "none")
			.hasHighCardinalityKeyValue("smooth.task.id", "t-tools")
			.hasHighCardinalityKeyValue("smooth.tool.event.id", "e-1")
			.hasParentObservationContextMatching(SmoothTaskObservationContext.class::isInstance);
	}

	@Test
	void allSixOutcomesAreDistinctTagValues() {
		assertThat(ToolCallOutcome.values()).extracting(ToolCallOutcome::value)
			.containsExactly("success", "tool_error", "failure", "timeout", "unknown_tool", "bad_arguments");
	}

	@Test
	void aNameTheTaskDidNotDeclareIsUnknown() {
		startTaskWithTool("t-tools", "get_weather");

		this.observer.start("t-tools", "e-2", "rm -rf / --no-preserve-root").stop(ToolCallOutcome.UNKNOWN_TOOL, null);

		assertThat(this.registry).hasObservationWithNameEqualTo("smooth.tool.call")
			.that()
			.hasLowCardinalityKeyValue("smooth.tool.name", "unknown")
			.hasLowCardinalityKeyValue("smooth.tool.outcome", "unknown_tool");
	}

	@Test
	void aKnownToolOfAnUnobservedTaskKeepsItsName() {
		this.observer.start("t-elsewhere", "e-3", "lookup_order").stop(ToolCallOutcome.SUCCESS, null);
		this.observer.start("t-elsewhere", "e-4", "get_weather").stop(ToolCallOutcome.SUCCESS, null);

		assertThat(this.registry).hasAnObservation((call) -> call.hasNameEqualTo("smooth.tool.call")
			.hasLowCardinalityKeyValue("smooth.tool.name", "lookup_order")
			.doesNotHaveParentObservation());
		assertThat(this.registry).hasAnObservation((call) -> call.hasNameEqualTo("smooth.tool.call")
			.hasHighCardinalityKeyValue("smooth.tool.event.id", "e-4")
			.hasLowCardinalityKeyValue("smooth.tool.name", "unknown"));
	}

	@Test
	void stoppingTwiceRecordsOnce() {
		ToolCallObserver.Observation call = this.observer.start("t-x", "e-5", "lookup_order");
		call.stop(ToolCallOutcome.SUCCESS, null);
		call.stop(ToolCallOutcome.FAILURE, null);

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("smooth.tool.call", 1)
			.hasObservationWithNameEqualTo("smooth.tool.call")
			.that()
			.hasLowCardinalityKeyValue("smooth.tool.outcome", "success");
	}

	private void startTaskWithTool(String taskId, String toolName) {
		TaskRequests requests = new TaskRequests(TaskDefaults.SDK_DEFAULTS, new SmoothSchemaGenerator(),
				this.clients.api().mapper());
		TaskRequest request = requests.create(SmoothTask.builder("check the weather").build(), List
			.of(new ToolSignature(toolName, "Weather", this.clients.api().mapper().createObjectNode(), "the weather")));
		// a poller that is never started: the observation only needs its id and listeners
		TaskPoller poller = this.clients.engine().create(taskId, 0, null);
		this.tasks.started(new TaskStart(TaskKind.TASK, request, ToolSelection.DEFAULT), poller);
	}

}
