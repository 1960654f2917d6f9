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

import java.util.Set;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.error.SmoothTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code smooth.tool.call} observation: every outcome, and a tool name tag bounded by
 * the tools the task declared.
 */
class SmoothToolCallObservationTests {

	private static final Set<String> APPLICATION_TOOLS = Set.of("lookup_order");

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ToolCallObservations observations = new ToolCallObservations(this.registry, null);

	@ParameterizedTest
	@EnumSource(ToolCallOutcome.class)
	void everyOutcomeIsATag(ToolCallOutcome outcome) {
		Observation task = startTaskWithTool("t-tools", "get_weather");
		Throwable error = (outcome == ToolCallOutcome.TIMEOUT) ? new SmoothTimeoutException("slow tool", null, null)
				: null;

		this.observations.start("t-tools", "e-1", "get_weather", task, APPLICATION_TOOLS).stop(outcome, error);

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
		Observation task = startTaskWithTool("t-tools", "get_weather");

		this.observations.start("t-tools", "e-2", "rm -rf / --no-preserve-root", task, APPLICATION_TOOLS)
			.stop(ToolCallOutcome.UNKNOWN_TOOL, null);

		assertThat(this.registry).hasObservationWithNameEqualTo("smooth.tool.call")
			.that()
			.hasLowCardinalityKeyValue("smooth.tool.name", "unknown")
			.hasLowCardinalityKeyValue("smooth.tool.outcome", "unknown_tool");
	}

	@Test
	void aKnownToolOfAnUnobservedTaskKeepsItsName() {
		this.observations.start("t-elsewhere", "e-3", "lookup_order", Observation.NOOP, APPLICATION_TOOLS)
			.stop(ToolCallOutcome.SUCCESS, null);
		this.observations.start("t-elsewhere", "e-4", "get_weather", Observation.NOOP, APPLICATION_TOOLS)
			.stop(ToolCallOutcome.SUCCESS, null);

		assertThat(this.registry).hasAnObservation((call) -> call.hasNameEqualTo("smooth.tool.call")
			.hasLowCardinalityKeyValue("smooth.tool.name", "lookup_order")
			.doesNotHaveParentObservation());
		assertThat(this.registry).hasAnObservation((call) -> call.hasNameEqualTo("smooth.tool.call")
			.hasHighCardinalityKeyValue("smooth.tool.event.id", "e-4")
			.hasLowCardinalityKeyValue("smooth.tool.name", "unknown"));
	}

	@Test
	void stoppingTwiceRecordsOnce() {
		ToolCallObservations.Stoppable call = this.observations.start("t-x", "e-5", "lookup_order", Observation.NOOP,
				APPLICATION_TOOLS);
		call.stop(ToolCallOutcome.SUCCESS, null);
		call.stop(ToolCallOutcome.FAILURE, null);

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("smooth.tool.call", 1)
			.hasObservationWithNameEqualTo("smooth.tool.call")
			.that()
			.hasLowCardinalityKeyValue("smooth.tool.outcome", "success");
	}

	/**
	 * The observation of a task that declared one tool, started as the task launcher
	 * starts it.
	 */
	private Observation startTaskWithTool(String taskId, String toolName) {
		SmoothTaskObservationContext context = new SmoothTaskObservationContext(TaskKind.TASK, null, taskId,
				Set.of(toolName));
		return SmoothObservationDocumentation.TASK
			.observation(null, new DefaultSmoothTaskObservationConvention(), () -> context, this.registry)
			.start();
	}

}
