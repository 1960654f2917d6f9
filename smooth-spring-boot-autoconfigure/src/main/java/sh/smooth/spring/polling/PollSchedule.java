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

import java.util.random.RandomGenerator;

/**
 * When the next poll of one task goes out after a poll that brought nothing new: a pure
 * function of the task's age, of what waits on the task and of the wait before, with its
 * randomness drawn from a generator that tests seed. {@link TaskPoller} asks it; the
 * polls "at once" (after the submit, after events, after a wake-up) are the poller's.
 * <p>
 * A task nobody waits on in particular ({@link Demand#IDLE}, or {@link Demand#STEADY}
 * with custom tools attached) is polled at once after the submit, then first at an age
 * drawn uniformly from [{@code maxInterval}, 2 × {@code maxInterval}): a phase of its
 * own, so tasks submitted together do not poll together, and a task that ends before one
 * interval costs no poll in between. From then on every wait is {@code maxInterval} ±
 * {@link #JITTER}, uniformly. For a task that ends at an unknown time this is the
 * cheapest way to a given detection latency: at a rate of one poll per interval, polls
 * evenly spaced at a random phase give the lowest median wait (half the interval); any
 * unevenness raises it.
 * <p>
 * A task with something pending ({@link Demand#URGENT}: a session action, a wait for a
 * condition) is polled with a backoff: {@code firstDelay}, growing by
 * {@code backoffFactor}, up to {@code activeMaxInterval}, each wait ± {@link #JITTER}
 * once it reaches that cap.
 */
final class PollSchedule {

	/** The spread of a steady wait: ±10%, uniform. */
	static final double JITTER = 0.10;

	private final PollingSettings settings;

	private final RandomGenerator random;

	/** The age of the first steady poll, in [1.1, 2.1) intervals. */
	private final long firstSteadyAgeMillis;

	/**
	 * Creates the schedule of one task, drawing its phase.
	 * @param settings the cadence
	 * @param random where the phase and the jitter come from
	 */
	PollSchedule(PollingSettings settings, RandomGenerator random) {
		this.settings = settings;
		this.random = random;
		long interval = settings.maxInterval().toMillis();
		// from one interval plus the jitter: the next poll never comes before two
		// intervals, so a task of two intervals costs no poll more than one of one
		this.firstSteadyAgeMillis = Math.round(interval * (1 + JITTER + random.nextDouble()));
	}

	/**
	 * The age at which a task not waited on is first polled after the submit.
	 * @return the age, in [1.1, 2.1) × {@code maxInterval}
	 */
	long firstSteadyAgeMillis() {
		return this.firstSteadyAgeMillis;
	}

	/**
	 * The wait before the next poll, after a poll that brought nothing new.
	 * @param ageMillis how long ago the task was submitted (or polling started)
	 * @param previousDelayMillis the wait before the poll just answered, 0 when it went
	 * out at once (the first poll, after events, after a wake-up)
	 * @param demand what waits on the task
	 * @return the wait, at least 1 ms
	 */
	long nextDelayMillis(long ageMillis, long previousDelayMillis, Demand demand) {
		if (demand == Demand.URGENT) {
			long cap = this.settings.activeMaxInterval().toMillis();
			long next = (previousDelayMillis <= 0) ? this.settings.firstDelay().toMillis()
					: (long) (previousDelayMillis * this.settings.backoffFactor());
			return Math.max(1, (next >= cap) ? jittered(cap) : next);
		}
		if (ageMillis < this.firstSteadyAgeMillis) {
			// the phase of this task: its first poll after the submit
			return Math.max(1, this.firstSteadyAgeMillis - ageMillis);
		}
		return Math.max(1, jittered(this.settings.maxInterval().toMillis()));
	}

	private long jittered(long millis) {
		double factor = 1.0 + JITTER * (2.0 * this.random.nextDouble() - 1.0);
		return Math.round(millis * factor);
	}

	/**
	 * What waits on a task, for the choice of cadence.
	 */
	enum Demand {

		/** Nothing in particular: the task is polled until it ends. */
		IDLE,

		/** Custom tools are attached: a call may come at any time. */
		STEADY,

		/** An action or a condition is awaited: its result should be seen soon. */
		URGENT

	}

}
