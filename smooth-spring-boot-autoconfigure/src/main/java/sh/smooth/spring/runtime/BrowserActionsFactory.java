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

import sh.smooth.spring.browser.BrowserActions;
import sh.smooth.spring.error.SmoothException;

/**
 * Gives the browser actions of a running task, for a custom tool that drives the browser
 * of the task that called it. Implemented by the session feature; handed to the tool
 * dispatcher when it is built.
 */
@FunctionalInterface
public interface BrowserActionsFactory {

	/** Without the session feature: every call fails with a clear message. */
	BrowserActionsFactory NONE = (run) -> {
		throw new SmoothException("Browser actions are not available: the session feature is not configured");
	};

	/**
	 * The browser actions of a task.
	 * @param run the task's run
	 * @return the actions
	 * @throws SmoothException when the task has already ended
	 */
	BrowserActions actionsFor(TaskRun run);

}
