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

	private static final Duration LATENCY = Duration.ofMillis(300);

	/** Polls the schedule plans for an action whose result comes on time. */
	private static final int PLANNED = 3;

	/** Over the whole run: an estimate learned below the latency costs a step more. */
	private static final int MARGIN = 2;

	@Test
	void anActionOfAKindSeenBeforeCostsAboutThreePolls(SmoothSimulator sim) {
		sim.onSessionAction("goto").latency(LATENCY);
		// the defaults: from a poll at once, 100 ms growing by 1.5 to 500 ms, a 300 ms
		// action costs 4 polls (0, 100, 250, 475 ms)
		SimulatorRig.runner()
			.withPropertyValues(SimulatorRig.properties(sim, "smooth.polling.first-delay=100ms",
					"smooth.polling.active-max-interval=500ms"))
			.run((context) -> {
				int polls = 0;
				int bound = MARGIN;
				try (SmoothSession session = context.getBean(SmoothOperations.class).openSession()) {
					session.goTo("https://example.com");
					for (int i = 1; i < ACTIONS; i++) {
						int before = sim.requestCount(Route.GET_TASK);
						long started = System.nanoTime();
						session.goTo("https://example.com/" + i);
						long tookMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
						polls += sim.requestCount(Route.GET_TASK) - before;
						bound += PLANNED + backoffPolls(tookMillis - LATENCY.toMillis());
					}
				}
				// what the schedule plans for an action of a kind seen before: one poll
				// just before its result is due (0.9 of the shortest seen), one a step
				// later, and the re-read that settles the millisecond of the result
				// (PLANNED = 3); a result later than that (a busy machine: the server's
				// timer fired late, or the POST took long) costs the backoff polls that
				// fit in the action's extra time, which late poll timers only make fewer;
				// MARGIN for an estimate learned lower than the latency (one extra step).
				// On a quiet machine the bound is 4 per action and 15 to 16 polls go out
				// in all; the old schedule (a poll before the POST, one after it, the
				// backoff from 100 ms and the re-read: at least 5 an action, 24 to 30
				// in all) exceeds it
				assertThat(polls).isLessThanOrEqualTo(bound);
			});
	}

	/**
	 * How many polls the backoff after a planned poll sends within this time at most:
	 * from a step of a ninth of the planned wait (about 30 ms for 300 ms) growing by 1.5
	 * up to 500 ms, counting the poll that ends the span.
	 */
	private static int backoffPolls(long millis) {
		int polls = 1;
		double step = LATENCY.toMillis() * 0.9 / 9;
		double elapsed = step;
		while (elapsed < millis) {
			step = Math.min(step * 1.5, 500);
			elapsed += step;
			polls++;
		}
		return polls;
	}

}
