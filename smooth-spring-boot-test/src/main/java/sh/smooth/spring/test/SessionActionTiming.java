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

package sh.smooth.spring.test;

import java.time.Duration;

/**
 * Server-side timing of one session action, measured with {@link System#nanoTime()} for
 * benchmarks (see {@link TaskTimeline}).
 *
 * @param eventId the action's event id
 * @param action the action name ({@code goto}, {@code extract}, ...)
 * @param postedNanos {@link System#nanoTime()} when the simulator accepted the action
 * @param completedNanos {@link System#nanoTime()} when its result event became visible to
 * polls, or {@code -1} while pending (and for good when the session ended first)
 */
public record SessionActionTiming(String eventId, String action, long postedNanos, long completedNanos) {

	/**
	 * Whether the result is visible.
	 * @return {@code true} once completed
	 */
	public boolean completed() {
		return this.completedNanos >= 0;
	}

	/**
	 * Time from the post to the result, the scripted latency plus the simulator's own
	 * scheduling.
	 * @return the duration, or {@code null} while pending
	 */
	public Duration latency() {
		return completed() ? Duration.ofNanos(this.completedNanos - this.postedNanos) : null;
	}

}
