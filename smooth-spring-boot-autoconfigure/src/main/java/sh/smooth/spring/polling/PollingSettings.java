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

import sh.smooth.spring.error.SmoothValidationException;

/**
 * The polling cadence (see {@link PollSchedule}). A task is polled at once after submit
 * and at once after any response that carried events. A task nobody waits on in
 * particular (tools attached or not) is then polled first at an age drawn from 1.1 to 2.1
 * {@code maxInterval}s, and from then on every {@code maxInterval} ± 10%. While an action
 * or a condition is awaited, the wait starts at {@code firstDelay} and grows by
 * {@code backoffFactor} up to {@code activeMaxInterval}. Failed polls are repeated,
 * backing off from 1 s to 16 s, for up to {@code failureTolerance}.
 *
 * @param firstDelay the first wait after a response with no news while something is
 * awaited
 * @param maxInterval the steady interval of a task nobody waits on in particular
 * @param activeMaxInterval the longest wait while an action or a condition is awaited
 * @param backoffFactor how much the wait grows each time while something is awaited
 * @param maxRequestsPerSecond cap on polls per second across all tasks, 0 for none
 * @param failureTolerance how long polls of a task may keep failing (after the HTTP
 * retries) before its waiters fail; see {@link TaskPoller} for what is tolerated
 */
public record PollingSettings(Duration firstDelay, Duration maxInterval, Duration activeMaxInterval,
		double backoffFactor, double maxRequestsPerSecond, Duration failureTolerance) {

	/** The default failure tolerance: a minute. */
	public static final Duration DEFAULT_FAILURE_TOLERANCE = Duration.ofSeconds(60);

	/**
	 * The defaults: a steady 1 s; while something is awaited 100 ms, growing by 1.5 up to
	 * 500 ms; no cap; failures tolerated for 60 s.
	 */
	public static final PollingSettings DEFAULTS = new PollingSettings(Duration.ofMillis(100), Duration.ofSeconds(1),
			Duration.ofMillis(500), 1.5, 0, DEFAULT_FAILURE_TOLERANCE);

	/**
	 * Settings with the default failure tolerance.
	 * @param firstDelay the first wait after a response with no news
	 * @param maxInterval the longest wait for a plain task
	 * @param activeMaxInterval the longest wait while active
	 * @param backoffFactor how much the wait grows each time
	 * @param maxRequestsPerSecond cap on polls per second across all tasks, 0 for none
	 */
	public PollingSettings(Duration firstDelay, Duration maxInterval, Duration activeMaxInterval, double backoffFactor,
			double maxRequestsPerSecond) {
		this(firstDelay, maxInterval, activeMaxInterval, backoffFactor, maxRequestsPerSecond,
				DEFAULT_FAILURE_TOLERANCE);
	}

	/**
	 * Settings without a rate cap, with the default failure tolerance.
	 * @param firstDelay the first wait after a response with no news
	 * @param maxInterval the longest wait for a plain task
	 * @param activeMaxInterval the longest wait while active
	 * @param backoffFactor how much the wait grows each time
	 */
	public PollingSettings(Duration firstDelay, Duration maxInterval, Duration activeMaxInterval,
			double backoffFactor) {
		this(firstDelay, maxInterval, activeMaxInterval, backoffFactor, 0, DEFAULT_FAILURE_TOLERANCE);
	}

	public PollingSettings {
		if (firstDelay.isNegative() || firstDelay.isZero()) {
			throw new SmoothValidationException("smooth.polling.first-delay", firstDelay, "must be positive");
		}
		if (maxInterval.compareTo(firstDelay) < 0) {
			throw new SmoothValidationException("smooth.polling.max-interval", maxInterval,
					"must not be shorter than first-delay (" + firstDelay + ")");
		}
		if (activeMaxInterval.compareTo(firstDelay) < 0) {
			throw new SmoothValidationException("smooth.polling.active-max-interval", activeMaxInterval,
					"must not be shorter than first-delay (" + firstDelay + ")");
		}
		if (!(backoffFactor >= 1.0 && backoffFactor <= 10.0)) {
			throw new SmoothValidationException("smooth.polling.backoff-factor", backoffFactor,
					"must be between 1.0 and 10.0");
		}
		if (!(maxRequestsPerSecond >= 0 && maxRequestsPerSecond <= 100_000)) {
			throw new SmoothValidationException("smooth.polling.max-requests-per-second", maxRequestsPerSecond,
					"must be between 0 (no cap) and 100000");
		}
		if (failureTolerance == null || failureTolerance.isNegative()
				|| failureTolerance.compareTo(Duration.ofDays(1)) > 0) {
			throw new SmoothValidationException("smooth.polling.failure-tolerance", failureTolerance,
					"must be between 0 (fail at the first failed poll) and 1 day");
		}
	}

}
