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
 * How failed calls are retried: attempts in total (1 = no retry), the exponential backoff
 * between them, with jitter, and the longest pause a {@code Retry-After} header may
 * impose.
 *
 * @param maxAttempts attempts in total, including the first
 * @param initialBackoff the first wait
 * @param maxBackoff the longest wait between two attempts
 * @param maxRetryAfter the longest pause a 429's {@code Retry-After} imposes on the calls
 * it limits; a longer advertised wait is cut to this
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	/**
	 * The default bound of a {@code Retry-After} pause
	 * ({@code smooth.retry.max-retry-after}): 60 s. A server asking for longer is waited
	 * on for 60 s, then asked again.
	 */
	public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

	/** The defaults: 4 attempts, 500 ms doubling up to 10 s, Retry-After up to 60 s. */
	public static final RetrySettings DEFAULTS = new RetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(10),
			DEFAULT_MAX_RETRY_AFTER);

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
		if (maxRetryAfter.isNegative() || maxRetryAfter.isZero()) {
			throw new SmoothValidationException("smooth.retry.max-retry-after", maxRetryAfter, "must be positive");
		}
	}

	/**
	 * Settings with the default bound of {@code Retry-After} pauses (60 s).
	 * @param maxAttempts attempts in total, including the first
	 * @param initialBackoff the first wait
	 * @param maxBackoff the longest wait between two attempts
	 */
	public RetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		this(maxAttempts, initialBackoff, maxBackoff, DEFAULT_MAX_RETRY_AFTER);
	}

	/**
	 * The pause an advertised {@code Retry-After} imposes: the advertised wait, at most
	 * {@link #maxRetryAfter()}.
	 * @param advertised the server's wait
	 * @return the pause
	 */
	public Duration pauseFor(Duration advertised) {
		if (advertised.isNegative()) {
			return Duration.ZERO;
		}
		return (advertised.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter : advertised;
	}

}
