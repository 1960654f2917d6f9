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
 * One gate shared by every call of a client. When the server answers 429 with
 * {@code Retry-After}, the gate closes for that long, so all pollers slow down together
 * instead of each one hammering the server on its own schedule.
 */
final class RateGate {

	private final AtomicLong closedUntilNanos = new AtomicLong(Long.MIN_VALUE);

	/**
	 * Closes the gate for at least the given time.
	 * @param wait how long to wait
	 */
	void closeFor(Duration wait) {
		long until = System.nanoTime() + wait.toNanos();
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
