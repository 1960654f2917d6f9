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

import org.jspecify.annotations.Nullable;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.resource.SmoothExtensions;
import sh.smooth.spring.resource.SmoothFiles;
import sh.smooth.spring.resource.SmoothProfiles;
import sh.smooth.spring.resource.TaskHistory;
import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.support.Futures;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskHandles;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskTimeouts;

/**
 * The default {@link SmoothOperations}: the blocking and future forms over the same
 * client as its {@link #reactive()} twin. Thread-safe; one instance per application.
 * Built by the auto-configuration, or with {@link #builder()} without Spring Boot; a
 * template made by the builder owns its threads and connections until {@link #close()}.
 */
public class SmoothTemplate implements SmoothOperations, AutoCloseable {

	private final ReactiveSmoothTemplate reactive;

	private final TaskTimeouts timeouts;

	private final SmoothProfiles profiles;

	private final SmoothFiles files;

	private final SmoothExtensions extensions;

	private final TaskHistory history;

	private final @Nullable AutoCloseable owned;

	/**
	 * Creates a template over the client's runtime.
	 * @param launcher starts and attaches to tasks
	 * @param sessions opens sessions
	 * @param handles makes handles and results
	 * @param api the API client, for the resource operations
	 */
	public SmoothTemplate(TaskLauncher launcher, SessionFactory sessions, TaskHandles handles, SmoothApiClient api) {
		this(launcher, sessions, handles, api, null);
	}

	SmoothTemplate(TaskLauncher launcher, SessionFactory sessions, TaskHandles handles, SmoothApiClient api,
			@Nullable AutoCloseable owned) {
		this.reactive = new ReactiveSmoothTemplate(launcher, sessions, handles, this);
		this.timeouts = handles.timeouts();
		this.profiles = new SmoothProfiles(api, this.timeouts.call());
		this.files = new SmoothFiles(api, this.timeouts.call());
		this.extensions = new SmoothExtensions(api, this.timeouts.call());
		this.history = new TaskHistory(api, handles::result, this.timeouts.call());
		this.owned = owned;
	}

	SmoothTemplate(ReactiveSmoothTemplate reactive, SmoothApiClient api, @Nullable AutoCloseable owned) {
		this.reactive = reactive;
		this.timeouts = reactive.handles().timeouts();
		this.profiles = new SmoothProfiles(api, this.timeouts.call());
		this.files = new SmoothFiles(api, this.timeouts.call());
		this.extensions = new SmoothExtensions(api, this.timeouts.call());
		this.history = new TaskHistory(api, reactive.handles()::result, this.timeouts.call());
		this.owned = owned;
	}

	/**
	 * Starts building a client without Spring Boot.
	 * @return the builder
	 */
	public static SmoothTemplateBuilder builder() {
		return new SmoothTemplateBuilder();
	}

	@Override
	public TaskResult run(String task) {
		return submit(task).await();
	}

	@Override
	public <T> T run(String task, Class<T> outputType) {
		Validate.notNull("outputType", outputType);
		TaskResult result = run(SmoothTask.builder(task).outputType(outputType).build());
		return ReactiveSmoothTemplate.typed(result, outputType.getName(), () -> result.output(outputType));
	}

	@Override
	public <T> T run(String task, ParameterizedTypeReference<T> outputType) {
		Validate.notNull("outputType", outputType);
		TaskResult result = run(SmoothTask.builder(task).outputType(outputType).build());
		return ReactiveSmoothTemplate.typed(result, outputType.getType().getTypeName(),
				() -> result.output(outputType));
	}

	@Override
	public TaskResult run(SmoothTask task) {
		return submit(task).await();
	}

	@Override
	public <T> T run(SmoothTask task, Class<T> outputType) {
		Validate.notNull("task", task);
		Validate.notNull("outputType", outputType);
		TaskResult result = run(task.withOutputType(outputType));
		return ReactiveSmoothTemplate.typed(result, outputType.getName(), () -> result.output(outputType));
	}

	@Override
	public TaskHandle submit(String task) {
		return submit(SmoothTask.builder(task).build());
	}

	@Override
	public TaskHandle submit(SmoothTask task) {
		// refused before the request: on a non-blocking thread the wait would fail anyway
		Futures.checkBlockingAllowed("the creation of a Smooth task");
		// a task created after the caller gave up is cancelled when its id arrives
		return this.reactive.creation(task).await(this.timeouts.call());
	}

	@Override
	public CompletableFuture<TaskHandle> submitAsync(SmoothTask task) {
		return this.reactive.creation(task).future();
	}

	@Override
	public CompletableFuture<TaskResult> runAsync(SmoothTask task) {
		return submitAsync(task).thenCompose(TaskHandle::toFuture);
	}

	@Override
	public TaskResult get(String taskId) {
		return Futures.await(this.reactive.get(taskId), this.timeouts.call(), taskId, "the task");
	}

	@Override
	public boolean cancel(String taskId) {
		return Boolean.TRUE
			.equals(Futures.await(this.reactive.cancel(taskId), this.timeouts.call(), taskId, "the cancellation"));
	}

	@Override
	public TaskHandle attach(String taskId) {
		// the first read is awaited here so an unknown id fails at once, as in the SDKs
		return Futures.await(this.reactive.attach(taskId), this.timeouts.call(), taskId, "the task").blocking();
	}

	@Override
	public SmoothSession openSession() {
		return openSession(BrowserOptions.defaults());
	}

	@Override
	public SmoothSession openSession(BrowserOptions options) {
		Futures.checkBlockingAllowed("the creation of a Smooth session");
		// a session created after the caller gave up would run, and bill, unseen: it is
		// closed when its id arrives
		return this.reactive.sessions().start(options).await(this.timeouts.call());
	}

	@Override
	public CompletableFuture<SmoothSession> openSessionAsync(BrowserOptions options) {
		return this.reactive.sessions().start(options).future();
	}

	@Override
	public SmoothProfiles profiles() {
		return this.profiles;
	}

	@Override
	public SmoothFiles files() {
		return this.files;
	}

	@Override
	public SmoothExtensions extensions() {
		return this.extensions;
	}

	@Override
	public TaskHistory history() {
		return this.history;
	}

	@Override
	public ReactiveSmoothTemplate reactive() {
		return this.reactive;
	}

	/**
	 * Releases what a template made by {@link #builder()} owns: open sessions are closed,
	 * polling and tool threads stop, connections are released. A template made by the
	 * auto-configuration owns nothing: the application context closes its parts.
	 */
	@Override
	public void close() {
		if (this.owned != null) {
			try {
				this.owned.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close the Smooth client", ex);
			}
		}
	}

}
