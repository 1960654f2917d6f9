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

import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.runtime.TaskRun;
import sh.smooth.spring.support.OutputConverter;

/**
 * Makes the handles of runs and the results of responses, with the application's output
 * converter and waiting bounds. Used by the templates and sessions; applications get
 * handles and results from {@code SmoothOperations} and build their own results for tests
 * with {@link TaskResult#builder(String)}.
 */
public final class TaskHandles {

	private final OutputConverter converter;

	private final TaskTimeouts timeouts;

	/**
	 * Creates the factory.
	 * @param converter converts output to the application's types
	 * @param timeouts the default bounds of blocking waits
	 */
	public TaskHandles(OutputConverter converter, TaskTimeouts timeouts) {
		this.converter = converter;
		this.timeouts = timeouts;
	}

	/**
	 * The reactive handle of a run.
	 * @param run the run
	 * @return the handle
	 */
	public ReactiveTaskHandle reactive(TaskRun run) {
		return new ReactiveTaskHandle(run, this);
	}

	/**
	 * The blocking handle of a run.
	 * @param run the run
	 * @return the handle
	 */
	public TaskHandle blocking(TaskRun run) {
		return reactive(run).blocking();
	}

	/**
	 * The result a response shows.
	 * @param response the response (final, for a finished task)
	 * @return the result
	 */
	public TaskResult result(TaskResponse response) {
		return TaskResult.from(response, this.converter);
	}

	/**
	 * The default bounds of blocking waits.
	 * @return the timeouts
	 */
	public TaskTimeouts timeouts() {
		return this.timeouts;
	}

	/**
	 * The output converter.
	 * @return the converter
	 */
	public OutputConverter converter() {
		return this.converter;
	}

}
