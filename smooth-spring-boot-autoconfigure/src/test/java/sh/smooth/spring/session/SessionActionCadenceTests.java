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

package sh.smooth.spring.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import sh.smooth.spring.SmoothOperations;
import sh.smooth.spring.support.SimulatorRig;
import sh.smooth.spring.test.Route;
import sh.smooth.spring.test.SmoothSimulator;
import sh.smooth.spring.test.SmoothSimulatorExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the results of an action have come after a steady server latency, the next action
 * of its kind is polled for when its result is due, not at once and then by backoff.
 */
@ExtendWith(SmoothSimulatorExtension.class)
class SessionActionCadenceTests {

	private static final int ACTIONS = 6;

	@Test
	@Disabled("The count depends on how late the poll timers fire: 15 to 16 on a quiet machine, 22 in a full build "
			+ "beside a side-by-side run, against a bound of 20 that the old schedule (24 to 30) must fail; it needs an "
			+ "assertion that does not depend on timer lateness (issue 13 follow-up)")
	void anActionOfAKindSeenBeforeCostsAboutThreePolls(SmoothSimulator sim) {
		sim.onSessionAction("goto").latency(Duration.ofMillis(300));
		// the defaults: from a poll at once, 100 ms growing by 1.5 to 500 ms, a 300 ms
		// action costs 4 polls (0, 100, 250, 475 ms)
		SimulatorRig.runner()
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.first-delay=100ms",
					"smooth.polling.active-max-interval=500ms"))
			.run((context) -> {
				List<Integer> polls = new ArrayList<>();
				try (SmoothSession session = context.getBean(SmoothOperations.class).openSession()) {
					session.goTo("https://example.com");
					for (int i = 1; i < ACTIONS; i++) {
						int before = sim.requestCount(Route.GET_TASK);
						session.goTo("https://example.com/" + i);
						polls.add(sim.requestCount(Route.GET_TASK) - before);
					}
				}
				// learned from the first: one poll just before the result is due, one
				// when it came before, and the re-read that settles the millisecond of
				// the result (3); a result later than usual costs a fourth. From a poll
				// before the POST, one after it, the backoff and the re-read, each would
				// cost at least 5 (25 in all, 24 to 30 seen)
				assertThat(polls.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(4 * (ACTIONS - 1));
			});
	}

}
