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
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.error.SmoothTaskFailedException;
import sh.smooth.spring.runtime.Creation;
import sh.smooth.spring.runtime.TaskLauncher;
import sh.smooth.spring.session.ReactiveSmoothSession;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.support.Validate;
import sh.smooth.spring.task.ReactiveTaskHandle;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskHandles;
import sh.smooth.spring.task.TaskResult;

/**
 * The default {@link ReactiveSmoothOperations}: starts tasks and sessions through the
 * client's {@link TaskLauncher} and hands out reactive handles over their runs.
 * Thread-safe; one instance per application. Built by the auto-configuration, or with
 * {@link SmoothTemplate#builder()} and {@link SmoothTemplate#reactive()} without Spring
 * Boot.
 */
public class ReactiveSmoothTemplate implements ReactiveSmoothOperations {

	private final TaskLauncher launcher;

	private final SessionFactory sessions;

	private final TaskHandles handles;

	private final SmoothTemplate blocking;

	/**
	 * Creates a template over the client's runtime.
	 * @param launcher starts and attaches to tasks
	 * @param sessions opens sessions
	 * @param handles makes handles and results
	 * @param api the API client, for the blocking twin's resource operations
	 */
	public ReactiveSmoothTemplate(TaskLauncher launcher, SessionFactory sessions, TaskHandles handles,
			SmoothApiClient api) {
		this.launcher = launcher;
		this.sessions = sessions;
		this.handles = handles;
		this.blocking = new SmoothTemplate(this, api, null);
	}

	ReactiveSmoothTemplate(TaskLauncher launcher, SessionFactory sessions, TaskHandles handles,
			SmoothTemplate blocking) {
		this.launcher = launcher;
		this.sessions = sessions;
		this.handles = handles;
		this.blocking = blocking;
	}

	@Override
	public Mono<TaskResult> run(String task) {
		return run(SmoothTask.builder(task).build());
	}

	@Override
	public <T> Mono<T> run(String task, Class<T> outputType) {
		Validate.notNull("outputType", outputType);
		return run(SmoothTask.builder(task).outputType(outputType).build())
			.map((result) -> typed(result, outputType.getName(), () -> result.output(outputType)));
	}

	@Override
	public <T> Mono<T> run(String task, ParameterizedTypeReference<T> outputType) {
		Validate.notNull("outputType", outputType);
		return run(SmoothTask.builder(task).outputType(outputType).build())
			.map((result) -> typed(result, outputType.getType().getTypeName(), () -> result.output(outputType)));
	}

	@Override
	public Mono<TaskResult> run(SmoothTask task) {
		return submit(task).flatMap(ReactiveTaskHandle::result);
	}

	@Override
	public <T> Mono<T> run(SmoothTask task, Class<T> outputType) {
		Validate.notNull("task", task);
		Validate.notNull("outputType", outputType);
		return run(task.withOutputType(outputType))
			.map((result) -> typed(result, outputType.getName(), () -> result.output(outputType)));
	}

	@Override
	public Mono<ReactiveTaskHandle> submit(String task) {
		return submit(SmoothTask.builder(task).build());
	}

	@Override
	public Mono<ReactiveTaskHandle> submit(SmoothTask task) {
		Validate.notNull("task", task);
		return this.launcher.launch(TaskKind.TASK, task.instruction(), task.browser(), task.keys())
			.map(this.handles::reactive);
	}

	@Override
	public Mono<TaskResult> get(String taskId) {
		return this.launcher.read(taskId).map(this.handles::result);
	}

	@Override
	public Mono<Boolean> cancel(String taskId) {
		return this.launcher.cancel(taskId);
	}

	@Override
	public Mono<ReactiveTaskHandle> attach(String taskId) {
		return this.launcher.attach(taskId).map(this.handles::reactive);
	}

	@Override
	public Mono<ReactiveSmoothSession> openSession() {
		return openSession(BrowserOptions.defaults());
	}

	@Override
	public Mono<ReactiveSmoothSession> openSession(BrowserOptions options) {
		return this.sessions.open(options);
	}

	@Override
	public SmoothTemplate blocking() {
		return this.blocking;
	}

	/**
	 * Starts a task now, for the blocking and future forms.
	 * @param task the task
	 * @return the creation under way
	 */
	Creation<TaskHandle> creation(SmoothTask task) {
		Validate.notNull("task", task);
		CompletableFuture<Void> gaveUp = new CompletableFuture<>();
		Creation<TaskHandle> creation = Creation.of(
				this.launcher.create(TaskKind.TASK, task.instruction(), task.browser(), task.keys(), gaveUp)
					.thenApply(this.handles::blocking),
				"task", TaskHandle::id, (handle) -> handle.reactive().cancel().toFuture());
		// a caller who gives up while the submit waits for a slot leaves the fleet's
		// queue
		creation.future().whenComplete((handle, error) -> {
			if (creation.future().isCancelled()) {
				gaveUp.complete(null);
			}
		});
		return creation;
	}

	TaskLauncher launcher() {
		return this.launcher;
	}

	SessionFactory sessions() {
		return this.sessions;
	}

	TaskHandles handles() {
		return this.handles;
	}

	/**
	 * The typed output of a result: only a task that ended {@code done} with an output
	 * has one.
	 */
	static <T> T typed(TaskResult result, String typeName, Supplier<@Nullable T> converter) {
		if (!result.isDone()) {
			throw new SmoothTaskFailedException(result.id(), result.status().value(), result.outputText());
		}
		T value = converter.get();
		if (value == null) {
			throw new SmoothTaskFailedException(result.id(), result.status().value(),
					"the task ended done but its output is null, so it cannot be converted to " + typeName);
		}
		return value;
	}

}
