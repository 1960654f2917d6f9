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

package sh.smooth.spring.polling;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event cursor never skips an event: the server returns only events strictly after
 * {@code event_t}, and two events may share a millisecond with a poll answered between
 * them.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class EventCursorTests {

	/** Far longer than the task takes: reaching it means the second call was lost. */
	private static final Duration PATIENCE = Duration.ofSeconds(10);

	@Test
	void aToolCallInTheMillisecondOfAPolledOneIsSeenAndAnsweredOnce(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).toolCall("clock", Map.of()).toolCallInSameMillisecond("clock", Map.of());
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim))
			.run((context) -> {
				TaskResult result = context.getBean(SmoothOperations.class).submit("What time is it").await(PATIENCE);

				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				Map<String, List<ToolAnswer>> answers = sim.toolAnswers(result.id());
				assertThat(answers).hasSize(2);
				assertThat(sim.toolRoundTrips(result.id())).extracting((trip) -> trip.emittedAt())
					.as("the two calls share a millisecond")
					.containsOnly(sim.toolRoundTrips(result.id()).get(0).emittedAt());
				assertThat(sim.duplicateToolAnswers()).isEmpty();
				sim.assertNoUnansweredToolCalls();
			});
	}

}
