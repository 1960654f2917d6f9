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
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStatus;
import sh.smooth.spring.test.RecordedRequest;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;
import sh.smooth.spring.test.TaskMatcher;
import sh.smooth.spring.test.ToolAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cadence against the simulator: tasks submitted together do not poll together, and
 * an accepted tool answer is followed by a poll at once.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class PollingCadenceTests {

	private static final int TASKS = 20;

	@Test
	void tasksSubmittedTogetherSpreadTheirPollsOverTheInterval(SmoothSimulator sim) {
		sim.onTask(TaskMatcher.any()).doneAfter(Duration.ofMinutes(1));
		SimulatorRig.runner()
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.max-interval=1s"))
			.run((context) -> {
				SmoothOperations smooth = context.getBean(SmoothOperations.class);
				List<String> ids = new ArrayList<>();
				for (int i = 0; i < TASKS; i++) {
					ids.add(smooth.submit("Read the news " + i).id());
				}
				await().atMost(Duration.ofSeconds(30))
					.until(() -> ids.stream().allMatch((id) -> polls(sim, id).size() >= 2));

				// each task's first poll goes out at once, its second at an age drawn
				// from [1.1 s, 2.1 s): the gaps spread over the interval. In lockstep
				// (one
				// schedule for all, as before) they would lie within a few ms of each
				// other. 20 uniform draws span less than 400 ms of the 1 s with a
				// probability of 20 x 0.4^19 = 5e-7; a stall of the machine could only
				// bunch them if it lasted most of a second, between the first polls and
				// the second ones
				LongSummaryStatistics gaps = new LongSummaryStatistics();
				for (String id : ids) {
					List<RecordedRequest> polls = polls(sim, id);
					gaps.accept(
							Duration.ofNanos(polls.get(1).receivedNanos() - polls.get(0).receivedNanos()).toMillis());
				}
				assertThat(gaps.getMax() - gaps.getMin()).isGreaterThanOrEqualTo(400);
			});
	}

	@Test
	void anAcceptedToolAnswerIsFollowedByAPollAtOnceNotAnIntervalLater(SmoothSimulator sim) {
		// the task ends as the answer arrives: only the next poll tells the client
		sim.onTask(TaskMatcher.any())
			.runningAfter(Duration.ZERO)
			.toolCall(Duration.ofMillis(300), "clock", Map.of())
			.doneAfter(Duration.ZERO);
		SimulatorRig.runner()
			.withUserConfiguration(SimulatorRig.ClockTools.class)
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.max-interval=5s",
					"smooth.polling.active-max-interval=5s"))
			.run((context) -> {
				TaskHandle task = context.getBean(SmoothOperations.class).submit("What time is it");
				TaskResult result = task.await(Duration.ofSeconds(30));

				assertThat(result.status()).isEqualTo(TaskStatus.DONE);
				List<ToolAnswer> answers = sim.toolAnswers(result.id()).values().iterator().next();
				assertThat(answers).hasSize(1);
				RecordedRequest next = polls(sim, result.id()).stream()
					.filter((poll) -> poll.receivedAt().isAfter(answers.get(0).receivedAt()))
					.findFirst()
					.orElseThrow();
				// without the poll at once, the next one would come up to the 5 s steady
				// interval later; half of it leaves room for a loaded machine
				assertThat(Duration.between(answers.get(0).receivedAt(), next.receivedAt()))
					.isLessThan(Duration.ofMillis(2500));
			});
	}

	private static List<RecordedRequest> polls(SmoothSimulator sim, String id) {
		return sim.requests(id).stream().filter((request) -> request.route() == Route.GET_TASK).toList();
	}

}
