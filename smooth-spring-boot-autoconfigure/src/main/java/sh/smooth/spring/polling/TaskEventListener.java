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

package sh.smooth.spring.polling;

import java.util.List;

import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;

/**
 * Receives what a {@link TaskPoller} learns. Called on the shared polling scheduler, one
 * call at a time per task: implementations must return quickly and hand any slow work
 * (such as running a tool) to an executor of their own.
 */
public interface TaskEventListener {

	/**
	 * New events, in server order, each once: an event a poll returns again (the cursor
	 * re-reads the newest millisecond) is not handed out twice, and events without an id
	 * are not handed out. Also called for the events of the final response, before
	 * {@link #onTerminal}.
	 * @param poller the poller
	 * @param events the new events, never empty
	 */
	default void onEvents(TaskPoller poller, List<TaskEvent> events) {
	}

	/**
	 * Every successful poll response, after its events were dispatched.
	 * @param poller the poller
	 * @param response the response
	 */
	default void onResponse(TaskPoller poller, TaskResponse response) {
	}

	/**
	 * The task reached {@code done}, {@code failed} or {@code cancelled}.
	 * @param poller the poller
	 * @param response the final response
	 */
	default void onTerminal(TaskPoller poller, TaskResponse response) {
	}

	/**
	 * Polling failed for good (a failure that cannot pass, or failed polls beyond
	 * {@link PollingSettings#failureTolerance()}) or the client shut down.
	 * @param poller the poller
	 * @param error the typed error
	 */
	default void onFailure(TaskPoller poller, Throwable error) {
	}

}
