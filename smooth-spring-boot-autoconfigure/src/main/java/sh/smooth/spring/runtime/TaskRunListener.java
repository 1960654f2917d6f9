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

package sh.smooth.spring.runtime;

import java.util.List;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;

/**
 * Receives what a {@link TaskRun} learns from its poller. Called on the shared polling
 * scheduler, one call at a time per task: implementations must return quickly and hand
 * any slow work (such as running a tool) to an executor of their own.
 */
public interface TaskRunListener {

	/**
	 * New events, in server order, each once: an event a poll returns again is not handed
	 * out twice, and events without an id are not handed out. Also called for the events
	 * of the final response, before {@link #onTerminal}.
	 * @param run the run
	 * @param events the new events, never empty
	 */
	default void onEvents(TaskRun run, List<TaskEvent> events) {
	}

	/**
	 * Every successful poll response, after its events were dispatched.
	 * @param run the run
	 * @param response the response
	 */
	default void onResponse(TaskRun run, TaskResponse response) {
	}

	/**
	 * The task reached {@code done}, {@code failed} or {@code cancelled}. A listener
	 * added after that is called at once.
	 * @param run the run
	 * @param response the final response
	 */
	default void onTerminal(TaskRun run, TaskResponse response) {
	}

	/**
	 * Polling failed for good or the client shut down. A listener added after that is
	 * called at once.
	 * @param run the run
	 * @param error the typed error
	 */
	default void onFailure(TaskRun run, Throwable error) {
	}

}
