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

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

import sh.smooth.spring.error.SmoothNetworkException;
import sh.smooth.spring.error.SmoothRateLimitException;
import sh.smooth.spring.error.SmoothServerException;
import sh.smooth.spring.error.SmoothTimeoutException;

/**
 * Which failed calls are sent again, and after how long.
 * <ul>
 * <li>A call that is safe to repeat ({@link CallSafety#IDEMPOTENT}) is retried on 5xx,
 * 429, timeouts and network errors; any other call only when the connection was refused,
 * so nothing reached the server.</li>
 * <li>The wait doubles from {@link RetrySettings#initialBackoff()} up to
 * {@link RetrySettings#maxBackoff()}, with "equal jitter" (half fixed, half random), so
 * clients that failed together do not retry in lockstep.</li>
 * <li>A 429 with {@code Retry-After} on a call that is retried closes the gate of its
 * endpoint for the advertised wait, at most {@link RetrySettings#maxRetryAfter()}; a call
 * that is not retried reports its 429 to its caller and pauses nothing.</li>
 * </ul>
 * A policy {@link #withoutRetries() without retries} sends every call once, whatever its
 * safety: the health check uses it, so a probe answers at once.
 */
final class RetryPolicy {

	private static final Log logger = LogFactory.getLog(RetryPolicy.class);

	private final RetrySettings settings;

	private final Scheduler timer;

	private final boolean retries;

	RetryPolicy(RetrySettings settings, Scheduler timer) {
		this(settings, timer, true);
	}

	private RetryPolicy(RetrySettings settings, Scheduler timer, boolean retries) {
		this.settings = settings;
		this.timer = timer;
		this.retries = retries;
	}

	/**
	 * The same settings, but no call is sent twice.
	 * @return the policy
	 */
	RetryPolicy withoutRetries() {
		return new RetryPolicy(this.settings, this.timer, false);
	}

	RetrySettings settings() {
		return this.settings;
	}

	/**
	 * The retries of one call.
	 * @param gate the gate of the call's endpoint, closed by a retried 429
	 * @param safety whether the call may be repeated
	 * @return the retry spec
	 */
	Retry retriesOf(RateGate gate, CallSafety safety) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			long attempt = signal.totalRetries() + 1;
			boolean retried = shouldRetry(failure, safety);
			if (retried && failure instanceof SmoothRateLimitException limited) {
				// only a call that is retried pauses its endpoint, for at most
				// max-retry-after; a refused submit or action goes to its caller at once
				limited.retryAfter().map(this.settings::pauseFor).ifPresent(gate::closeFor);
			}
			if (!retried || attempt >= this.settings.maxAttempts()) {
				// the companion's error ends the retries and reaches the caller as is
				return Mono.error(failure);
			}
			Duration delay = backoff(attempt, failure);
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying Smooth call after " + failure.getClass().getSimpleName() + " (attempt "
						+ (attempt + 1) + " of " + this.settings.maxAttempts() + ", in " + delay.toMillis() + " ms)");
			}
			return Mono.delay(delay, this.timer);
		}));
	}

	/**
	 * Whether this policy sends a call again after the failure.
	 * @param failure the failure
	 * @param safety whether the call may be repeated
	 * @return whether to retry (before counting attempts)
	 */
	boolean shouldRetry(Throwable failure, CallSafety safety) {
		return this.retries && isRetryable(failure, safety);
	}

	/**
	 * Which failures a call of the given safety may be repeated after.
	 * @param failure the failure
	 * @param safety whether the call may be repeated
	 * @return whether a retry is safe
	 */
	static boolean isRetryable(Throwable failure, CallSafety safety) {
		if (safety == CallSafety.NOT_IDEMPOTENT) {
			return failure instanceof SmoothNetworkException && ErrorMapper.hasCause(failure, ConnectException.class);
		}
		return failure instanceof SmoothServerException || failure instanceof SmoothRateLimitException
				|| failure instanceof SmoothNetworkException || failure instanceof SmoothTimeoutException;
	}

	/**
	 * The wait before retry number {@code attempt}.
	 * @param attempt 1 for the first retry
	 * @param failure the failure that is retried
	 * @return the advertised {@code Retry-After} of a 429 (bounded by max-retry-after,
	 * then by max-backoff: the rest of a longer pause is spent at the gate), else the
	 * doubled backoff with equal jitter, in [c/2, c]
	 */
	Duration backoff(long attempt, Throwable failure) {
		if (failure instanceof SmoothRateLimitException limited && limited.retryAfter().isPresent()) {
			Duration asked = this.settings.pauseFor(limited.retryAfter().get());
			return (asked.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : asked;
		}
		long base = this.settings.initialBackoff().toMillis() << Math.min(20, attempt - 1);
		long capped = Math.min(base, this.settings.maxBackoff().toMillis());
		long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
		return Duration.ofMillis(jittered);
	}

}
