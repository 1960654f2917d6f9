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
import java.time.Instant;

/**
 * Server-side timing of one tool call: when its event became available to polls and when
 * the first answer arrived. Measured with {@link System#nanoTime()} for benchmarks.
 *
 * @param taskId the task
 * @param toolCallId the tool call id
 * @param toolName the tool name
 * @param emittedAt wall-clock time the event became visible
 * @param emittedNanos {@link System#nanoTime()} at that moment
 * @param answeredNanos {@link System#nanoTime()} when the first answer arrived, or
 * {@code -1} while unanswered
 */
public record ToolRoundTrip(String taskId, String toolCallId, String toolName, Instant emittedAt, long emittedNanos,
		long answeredNanos) {

	/**
	 * Whether an answer has arrived.
	 * @return {@code true} once answered
	 */
	public boolean answered() {
		return this.answeredNanos >= 0;
	}

	/**
	 * Time from the event becoming available to its answer.
	 * @return the round trip, or {@code null} while unanswered
	 */
	public Duration roundTrip() {
		return answered() ? Duration.ofNanos(this.answeredNanos - this.emittedNanos) : null;
	}

}
