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

package sh.smooth.spring.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a running task reports, as {@link ReactiveTaskHandle#updates()} streams it: a
 * change of status, or an event the server sent (a tool call, an action's progress or
 * result).
 */
public sealed interface TaskUpdate permits TaskUpdate.StatusChanged, TaskUpdate.EventReceived {

	/**
	 * The task.
	 * @return the task id
	 */
	String taskId();

	/**
	 * The task's status changed (or, for the first update of a stream, the status when
	 * the stream started).
	 *
	 * @param taskId the task
	 * @param status the new status
	 * @param at when the client saw it
	 * @param liveUrl the live view URL as the server gave it, if known
	 * @param creditsUsed the credits spent so far
	 */
	record StatusChanged(String taskId, TaskStatus status, Instant at, @Nullable String liveUrl,
			long creditsUsed) implements TaskUpdate {
	}

	/**
	 * The server sent an event.
	 *
	 * @param taskId the task
	 * @param name the event name: {@code tool_call}, {@code browser_action},
	 * {@code session_action}, or another the server adds
	 * @param id the event id
	 * @param payload the payload, a JSON null when absent
	 * @param timestamp when the server stamped it, if it did
	 */
	record EventReceived(String taskId, String name, @Nullable String id, JsonNode payload,
			@Nullable Instant timestamp) implements TaskUpdate {
	}

}
