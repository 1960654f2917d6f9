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
import java.util.List;

/**
 * Server-side timing of one task or session, measured with {@link System#nanoTime()} for
 * benchmarks: a client's delivery time taken in another process on the same machine can
 * be compared with it (on Linux every JVM, and Node's {@code process.hrtime}, read the
 * same system-wide monotonic clock).
 *
 * @param taskId the task or session id
 * @param session whether it is a session
 * @param status the status when the timeline was taken
 * @param createdNanos {@link System#nanoTime()} when the simulator created it
 * @param endedNanos {@link System#nanoTime()} when it reached its final status, or
 * {@code -1} while it runs
 * @param actions the session actions in the order they were posted
 */
public record TaskTimeline(String taskId, boolean session, SimulatedTaskStatus status, long createdNanos,
		long endedNanos, List<SessionActionTiming> actions) {

	/**
	 * Whether it has reached its final status.
	 * @return {@code true} once ended
	 */
	public boolean ended() {
		return this.endedNanos >= 0;
	}

	/**
	 * Time from creation to the final status.
	 * @return the duration, or {@code null} while it runs
	 */
	public Duration duration() {
		return ended() ? Duration.ofNanos(this.endedNanos - this.createdNanos) : null;
	}

}
