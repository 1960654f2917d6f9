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

package sh.smooth.spring.tool;

import org.jspecify.annotations.Nullable;

/**
 * Observes tool calls from the moment the event is received until the answer is accepted
 * by the server. The metrics feature implements it; the default does nothing.
 */
public interface ToolCallObserver {

	/** An observer that records nothing. */
	ToolCallObserver NOOP = (taskId, eventId, toolName) -> (outcome, error) -> {
	};

	/**
	 * A tool call was received.
	 * @param taskId the task
	 * @param eventId the tool-call event id
	 * @param toolName the tool name as the agent sent it (may be unknown)
	 * @return the observation to stop when the answer is accepted
	 */
	Observation start(String taskId, String eventId, String toolName);

	/**
	 * One tool call in progress.
	 */
	@FunctionalInterface
	interface Observation {

		/**
		 * The answer was accepted (or could not be sent).
		 * @param outcome the outcome
		 * @param error the error, if any
		 */
		void stop(ToolCallOutcome outcome, @Nullable Throwable error);

	}

}
