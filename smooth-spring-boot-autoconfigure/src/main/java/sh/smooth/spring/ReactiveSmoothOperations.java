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

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.session.ReactiveSmoothSession;
import sh.smooth.spring.task.ReactiveTaskHandle;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskResult;

/**
 * What the Smooth client can do, with Reactor types, for WebFlux applications. Nothing
 * blocks: every wait happens on the task's one poller, and results arrive on the shared
 * polling scheduler. Arguments are checked when a method is called; nothing is sent until
 * the returned publisher is subscribed. Cancelling a subscription cancels the wait: a
 * task (or session) whose id arrives after its subscriber cancelled is cancelled on the
 * server, as the blocking {@code submit} does; a task that already runs keeps running.
 * Implemented by {@link ReactiveSmoothTemplate}; {@link #blocking()} is the blocking twin
 * over the same client.
 */
public interface ReactiveSmoothOperations {

	/**
	 * Runs a task until it ends.
	 * @param task what the agent should do, in plain language
	 * @return the result, whatever its status
	 */
	Mono<TaskResult> run(String task);

	/**
	 * Runs a task with structured output and converts it.
	 * @param <T> the output type
	 * @param task what the agent should do
	 * @param outputType the output type; its JSON Schema is sent as the response model
	 * @return the output; fails with a
	 * {@link sh.smooth.spring.error.SmoothTaskFailedException} if the task did not end
	 * {@code done} or its output is null
	 */
	<T> Mono<T> run(String task, Class<T> outputType);

	/**
	 * Runs a task with generic structured output, such as {@code List<Story>}.
	 * @param <T> the output type
	 * @param task what the agent should do
	 * @param outputType the output type
	 * @return the output, as {@link #run(String, Class)}
	 */
	<T> Mono<T> run(String task, ParameterizedTypeReference<T> outputType);

	/**
	 * Runs a fully specified task until it ends.
	 * @param task the task
	 * @return the result, whatever its status
	 */
	Mono<TaskResult> run(SmoothTask task);

	/**
	 * Runs a fully specified task with structured output of this type (which replaces any
	 * output type or response model of the task).
	 * @param <T> the output type
	 * @param task the task
	 * @param outputType the output type
	 * @return the output, as {@link #run(String, Class)}
	 */
	<T> Mono<T> run(SmoothTask task, Class<T> outputType);

	/**
	 * Submits a task with default settings.
	 * @param task what the agent should do
	 * @return the handle, once the server created the task
	 */
	Mono<ReactiveTaskHandle> submit(String task);

	/**
	 * Submits a task; it is polled in the background.
	 * @param task the task
	 * @return the handle, once the server created the task
	 */
	Mono<ReactiveTaskHandle> submit(SmoothTask task);

	/**
	 * Reads a task once ({@code GET /task/{id}}), without polling it.
	 * @param taskId the task id
	 * @return the task as it is now; fails with a
	 * {@link sh.smooth.spring.error.SmoothNotFoundException} if it does not exist
	 */
	Mono<TaskResult> get(String taskId);

	/**
	 * Cancels a task by id ({@code DELETE /task/{id}}).
	 * @param taskId the task id
	 * @return {@code true} when the server accepted the cancel, {@code false} when the
	 * task is unknown or has already ended (404)
	 */
	Mono<Boolean> cancel(String taskId);

	/**
	 * A handle for a task that already exists: it is polled until it ends, and its tool
	 * calls are answered.
	 * @param taskId the task id
	 * @return the handle; fails with a
	 * {@link sh.smooth.spring.error.SmoothNotFoundException} if the task does not exist
	 */
	Mono<ReactiveTaskHandle> attach(String taskId);

	/**
	 * Opens a browser session with the default options.
	 * @return the open session
	 */
	Mono<ReactiveSmoothSession> openSession();

	/**
	 * Opens a browser session with these options.
	 * @param options the browser options
	 * @return the open session
	 */
	Mono<ReactiveSmoothSession> openSession(BrowserOptions options);

	/**
	 * The blocking twin of these operations, over the same client.
	 * @return the blocking operations
	 */
	SmoothOperations blocking();

}
