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

package sh.smooth.spring;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.resource.SmoothExtensions;
import sh.smooth.spring.resource.SmoothFiles;
import sh.smooth.spring.resource.SmoothProfiles;
import sh.smooth.spring.resource.TaskHistory;
import sh.smooth.spring.session.SessionSpec;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;

/**
 * What the Smooth client can do. Implemented by {@link SmoothTemplate}; depend on this
 * interface so tests can mock it.
 */
public interface SmoothOperations {

	/**
	 * Runs a task and waits for it (up to {@code smooth.task.default-timeout}).
	 * @param task what the agent should do, in plain language
	 * @return the result, whatever its status
	 */
	TaskResult run(String task);

	/**
	 * Runs a task with structured output and converts it.
	 * @param <T> the output type
	 * @param task what the agent should do
	 * @param outputType the output type; its JSON Schema is sent as the response model
	 * @return the output
	 * @throws sh.smooth.spring.error.SmoothTaskFailedException if the task did not end
	 * {@code done}
	 */
	<T> T run(String task, Class<T> outputType);

	/**
	 * Runs a task with generic structured output, such as {@code List<Story>}.
	 * @param <T> the output type
	 * @param task what the agent should do
	 * @param outputType the output type
	 * @return the output
	 * @throws sh.smooth.spring.error.SmoothTaskFailedException if the task did not end
	 * {@code done}
	 */
	<T> T run(String task, ParameterizedTypeReference<T> outputType);

	/**
	 * Runs a fully specified task and waits for it.
	 * @param task the task
	 * @return the result, whatever its status
	 */
	TaskResult run(SmoothTask task);

	/**
	 * Submits a task and returns once the server created it; the task is polled in the
	 * background. If the wait for the creation ends first (call timeout, interrupt), the
	 * task the server creates anyway is cancelled as soon as its id arrives, and that id
	 * is logged at WARN; the exception says so.
	 * @param task the task
	 * @return the handle
	 */
	TaskHandle submit(SmoothTask task);

	/**
	 * Submits a task with default settings and returns at once.
	 * @param task what the agent should do
	 * @return the handle
	 */
	TaskHandle submit(String task);

	/**
	 * A handle for a task that already exists, for example one submitted by another
	 * process.
	 * @param taskId the task id
	 * @return the handle
	 * @throws sh.smooth.spring.error.SmoothNotFoundException if the task does not exist
	 */
	TaskHandle attach(String taskId);

	/**
	 * Browser profiles: create, list, delete.
	 * @return the profile operations
	 */
	SmoothProfiles profiles();

	/**
	 * Files a task can use: upload (streamed), delete. Files expire after 24 hours.
	 * @return the file operations
	 */
	SmoothFiles files();

	/**
	 * Chrome extensions: upload a zip, list, delete.
	 * @return the extension operations
	 */
	SmoothExtensions extensions();

	/**
	 * The history of past tasks: the paged task list and the zero-data-retention delete.
	 * @return the task history
	 */
	TaskHistory history();

	/**
	 * Opens a browser session with these options; drive it with actions and close it
	 * (try-with-resources). If the wait for the creation ends first (call timeout,
	 * interrupt), the session the server creates anyway is closed as soon as its id
	 * arrives, and that id is logged at WARN.
	 * @param spec the session options
	 * @return the open session
	 */
	SmoothSession openSession(SessionSpec spec);

	/**
	 * Opens a browser session with the default options.
	 * @return the open session
	 */
	SmoothSession openSession();

}
