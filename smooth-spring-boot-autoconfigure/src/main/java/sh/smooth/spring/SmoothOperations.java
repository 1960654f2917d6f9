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

import java.util.concurrent.CompletableFuture;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.resource.SmoothExtensions;
import sh.smooth.spring.resource.SmoothFiles;
import sh.smooth.spring.resource.SmoothProfiles;
import sh.smooth.spring.resource.TaskHistory;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskResult;

/**
 * What the Smooth client can do, blocking, with {@code CompletableFuture} forms of the
 * calls that wait for the server ({@code *Async}: no thread per call, so thousands of
 * them from one thread are fine). Implemented by {@link SmoothTemplate}; depend on this
 * interface so tests can mock it. Its twin for WebFlux applications is
 * {@link ReactiveSmoothOperations} ({@link #reactive()}).
 * <p>
 * Every method validates its arguments before any HTTP call. Blocking methods block only
 * their caller, always have a bound, and fail at once with an
 * {@link IllegalStateException} when called on a non-blocking thread (a Netty event loop,
 * a Reactor parallel scheduler), as {@code Mono.block()} does.
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
	 * {@code done}, or its output is null
	 */
	<T> T run(String task, Class<T> outputType);

	/**
	 * Runs a task with generic structured output, such as {@code List<Story>}.
	 * @param <T> the output type
	 * @param task what the agent should do
	 * @param outputType the output type
	 * @return the output
	 * @throws sh.smooth.spring.error.SmoothTaskFailedException if the task did not end
	 * {@code done}, or its output is null
	 */
	<T> T run(String task, ParameterizedTypeReference<T> outputType);

	/**
	 * Runs a fully specified task and waits for it.
	 * @param task the task
	 * @return the result, whatever its status
	 */
	TaskResult run(SmoothTask task);

	/**
	 * Runs a fully specified task with structured output of this type (which replaces any
	 * output type or response model of the task) and converts it.
	 * @param <T> the output type
	 * @param task the task
	 * @param outputType the output type
	 * @return the output
	 * @throws sh.smooth.spring.error.SmoothTaskFailedException if the task did not end
	 * {@code done}, or its output is null
	 */
	<T> T run(SmoothTask task, Class<T> outputType);

	/**
	 * Submits a task with default settings and returns once the server created it.
	 * @param task what the agent should do
	 * @return the handle
	 */
	TaskHandle submit(String task);

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
	 * Submits a task without blocking. Cancelling the returned future before the server
	 * answered does not stop the creation: the task is cancelled ({@code DELETE}) as soon
	 * as its id arrives, and its id is logged at WARN.
	 * @param task the task
	 * @return completes with the handle once the server created the task
	 */
	CompletableFuture<TaskHandle> submitAsync(SmoothTask task);

	/**
	 * Runs a task without blocking.
	 * @param task the task
	 * @return completes with the result when the task ends; it completes on the shared
	 * polling scheduler, so chain blocking work with the {@code *Async} stages
	 */
	CompletableFuture<TaskResult> runAsync(SmoothTask task);

	/**
	 * Reads a task once ({@code GET /task/{id}}), without polling it: its status, output
	 * and credits as they are now, whatever its status.
	 * @param taskId the task id
	 * @return the task as it is now
	 * @throws sh.smooth.spring.error.SmoothNotFoundException if the task does not exist
	 */
	TaskResult get(String taskId);

	/**
	 * Cancels a task by id ({@code DELETE /task/{id}}), without polling it.
	 * @param taskId the task id
	 * @return {@code true} when the server accepted the cancel, {@code false} when the
	 * task is unknown or has already ended (the server answers 404 for both)
	 */
	boolean cancel(String taskId);

	/**
	 * A handle for a task that already exists, for example one submitted by another
	 * process: the task is polled until it ends, and its tool calls are answered. For a
	 * one-off look at a task, {@link #get(String)} costs one request.
	 * @param taskId the task id
	 * @return the handle
	 * @throws sh.smooth.spring.error.SmoothNotFoundException if the task does not exist
	 */
	TaskHandle attach(String taskId);

	/**
	 * Opens a browser session with the default options.
	 * @return the open session
	 */
	SmoothSession openSession();

	/**
	 * Opens a browser session with these options; drive it with actions and close it
	 * (try-with-resources). If the wait for the creation ends first (call timeout,
	 * interrupt), the session the server creates anyway is closed as soon as its id
	 * arrives, and that id is logged at WARN.
	 * @param options the browser options
	 * @return the open session
	 */
	SmoothSession openSession(BrowserOptions options);

	/**
	 * Opens a browser session without blocking. Cancelling the returned future before the
	 * server answered does not stop the creation: the session is closed as soon as its id
	 * arrives, and its id is logged at WARN.
	 * @param options the browser options
	 * @return completes with the open session once the server created it
	 */
	CompletableFuture<SmoothSession> openSessionAsync(BrowserOptions options);

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
	 * The reactive twin of these operations, over the same client: the same pollers,
	 * tools and metrics.
	 * @return the reactive operations
	 */
	ReactiveSmoothOperations reactive();

}
