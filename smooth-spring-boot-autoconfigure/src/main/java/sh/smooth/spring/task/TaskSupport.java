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

import sh.smooth.spring.polling.TaskPoller;

/**
 * Extension point for features that take part in every task and session: custom tools add
 * their signatures and dispatch their calls, metrics start and stop observations.
 * Implementations are called in order; they must not block.
 */
public interface TaskSupport {

	/**
	 * Before {@code POST /task}: may return a changed request (such as one with
	 * {@code custom_tools}).
	 * @param start the start
	 * @return the start to use
	 */
	default TaskStart prepare(TaskStart start) {
		return start;
	}

	/**
	 * After the task was created (or attached to), before its first poll: the place to
	 * add listeners.
	 * @param start the start
	 * @param poller the poller of the new task
	 */
	default void started(TaskStart start, TaskPoller poller) {
	}

	/**
	 * {@code POST /task} failed.
	 * @param start the start
	 * @param error the error
	 */
	default void failed(TaskStart start, Throwable error) {
	}

}
