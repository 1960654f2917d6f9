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

package sh.smooth.spring.api;

import java.time.Duration;

import sh.smooth.spring.error.SmoothValidationException;

/**
 * How failed calls are retried: attempts in total (1 = no retry) and the exponential
 * backoff between them, with jitter.
 *
 * @param maxAttempts attempts in total, including the first
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

	/** The defaults: 4 attempts, 500 ms doubling up to 10 s. */
	public static final RetrySettings DEFAULTS = new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(10));

	public RetrySettings {
		if (maxAttempts < 1 || maxAttempts > 20) {
			throw new SmoothValidationException("smooth.retry.max-attempts", maxAttempts, "must be between 1 and 20");
		}
		if (initialBackoff.isNegative() || initialBackoff.isZero()) {
			throw new SmoothValidationException("smooth.retry.initial-backoff", initialBackoff, "must be positive");
		}
		if (maxBackoff.compareTo(initialBackoff) < 0) {
			throw new SmoothValidationException("smooth.retry.max-backoff", maxBackoff,
					"must not be shorter than initial-backoff (" + initialBackoff + ")");
		}
	}

}
