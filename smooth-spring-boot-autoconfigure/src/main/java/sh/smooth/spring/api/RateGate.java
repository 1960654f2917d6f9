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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pause shared by the calls of one endpoint. When the server answers 429 with
 * {@code Retry-After} to a call that will be retried, the gate of that endpoint closes
 * for that long (bounded by {@link RetrySettings#maxRetryAfter()}), so, for example, all
 * pollers slow down together instead of each one hammering the server on its own
 * schedule, while calls to other endpoints go on.
 */
final class RateGate {

	/**
	 * Far beyond any real pause, and far below what {@code nanoTime} arithmetic can hold.
	 */
	private static final Duration LONGEST = Duration.ofDays(365);

	private final AtomicLong closedUntilNanos = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Closes the gate for at least the given time.
	 * @param wait how long to wait (already bounded by the caller; a wait beyond what
	 * nanoseconds can count is read as the longest such)
	 */
	void closeFor(Duration wait) {
		long nanos = (wait.compareTo(LONGEST) > 0) ? LONGEST.toNanos() : Math.max(0, wait.toNanos());
		long until = System.nanoTime() + nanos;
		this.closedUntilNanos.accumulateAndGet(until,
				(current, next) -> (current == Long.MIN_VALUE) ? next : (next - current > 0) ? next : current);
	}

	/**
	 * How long a call must still wait before it may be sent.
	 * @return the wait, zero when the gate is open
	 */
	Duration remaining() {
		long until = this.closedUntilNanos.get();
		if (until == Long.MIN_VALUE) {
			return Duration.ZERO;
		}
		long left = until - System.nanoTime();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

}
