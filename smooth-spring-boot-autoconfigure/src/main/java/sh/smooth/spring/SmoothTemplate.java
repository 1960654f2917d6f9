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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothTaskFailedException;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.polling.TaskPoller;
import sh.smooth.spring.resource.SmoothExtensions;
import sh.smooth.spring.resource.SmoothFiles;
import sh.smooth.spring.resource.SmoothProfiles;
import sh.smooth.spring.resource.TaskHistory;
import sh.smooth.spring.schema.SmoothSchemaGenerator;
import sh.smooth.spring.session.SessionActionObserver;
import sh.smooth.spring.session.SessionFactory;
import sh.smooth.spring.session.SessionLaunch;
import sh.smooth.spring.session.SessionRegistry;
import sh.smooth.spring.session.SessionSpec;
import sh.smooth.spring.session.SmoothSession;
import sh.smooth.spring.task.Creation;
import sh.smooth.spring.task.Futures;
import sh.smooth.spring.task.OutputConverter;
import sh.smooth.spring.task.SmoothTask;
import sh.smooth.spring.task.TaskHandle;
import sh.smooth.spring.task.TaskKind;
import sh.smooth.spring.task.TaskRequests;
import sh.smooth.spring.task.TaskResult;
import sh.smooth.spring.task.TaskStart;
import sh.smooth.spring.task.TaskSupport;
import sh.smooth.spring.task.ToolSelection;
import sh.smooth.spring.task.Validate;

/**
 * The default {@link SmoothOperations}: submits tasks over the {@link SmoothApiClient}
 * and hands them to the shared {@link PollingEngine}. Thread-safe; one instance per
 * application.
 */
public class SmoothTemplate implements SmoothOperations {

	private final SmoothApiClient api;

	private final PollingEngine engine;

	private final TaskRequests requests;

	private final OutputConverter converter;

	private final List<TaskSupport> supports;

	private final Timeouts timeouts;

	private final SmoothProfiles profiles;

	private final SmoothFiles files;

	private final SmoothExtensions extensions;

	private final TaskHistory history;

	private volatile @Nullable SessionFactory sessionFactory;

	/**
	 * Creates a template.
	 * @param api the API client
	 * @param engine the polling engine
	 * @param requests builds request bodies with the defaults
	 * @param converter converts output to Java types
	 * @param supports features taking part in every task (tools, metrics), in order
	 * @param timeouts the waiting bounds
	 */
	public SmoothTemplate(SmoothApiClient api, PollingEngine engine, TaskRequests requests, OutputConverter converter,
			List<TaskSupport> supports, Timeouts timeouts) {
		this.api = api;
		this.engine = engine;
		this.requests = requests;
		this.converter = converter;
		this.supports = List.copyOf(supports);
		this.timeouts = timeouts;
		this.profiles = new SmoothProfiles(api, timeouts.call());
		this.files = new SmoothFiles(api, timeouts.call());
		this.extensions = new SmoothExtensions(api, timeouts.call());
		this.history = new TaskHistory(api, converter, timeouts.call());
	}

	@Override
	public TaskResult run(String task) {
		return submit(task).await();
	}

	@Override
	public <T> T run(String task, Class<T> outputType) {
		TaskResult result = run(SmoothTask.builder(task).outputType(outputType).build());
		return typedOutput(result, outputType.getName(), () -> result.output(outputType));
	}

	@Override
	public <T> T run(String task, ParameterizedTypeReference<T> outputType) {
		Validate.notNull("outputType", outputType);
		TaskResult result = run(SmoothTask.builder(task).outputType(outputType).build());
		return typedOutput(result, outputType.getType().getTypeName(), () -> result.output(outputType));
	}

	private static <T> T typedOutput(TaskResult result, String typeName, java.util.function.Supplier<T> converter) {
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

	@Override
	public TaskResult run(SmoothTask task) {
		return submit(task).await();
	}

	@Override
	public TaskHandle submit(String task) {
		return submit(SmoothTask.builder(task).build());
	}

	@Override
	public TaskHandle submit(SmoothTask task) {
		Validate.notNull("task", task);
		if (task.task() == null) {
			throw new sh.smooth.spring.error.SmoothValidationException("task", null,
					"must not be null (open a session for a browser without a task)");
		}
		// a task created after the caller gave up is cancelled when its id arrives
		return submission(task).await(this.timeouts.call());
	}

	/**
	 * Submits a task without blocking. Cancelling the returned future before the server
	 * answered does not stop the creation: the task is cancelled ({@code DELETE}) as soon
	 * as its id arrives, and its id is logged at WARN.
	 * @param task the task
	 * @return completes with the handle once the server created the task
	 */
	public CompletableFuture<TaskHandle> submitAsync(SmoothTask task) {
		Validate.notNull("task", task);
		return submission(task).future();
	}

	private Creation<TaskHandle> submission(SmoothTask task) {
		return Creation.of(start(TaskKind.TASK, task).map(this::handle).toFuture(), "task", TaskHandle::id,
				(handle) -> this.api.cancelTask(handle.id()).toFuture());
	}

	/**
	 * Creates a task or session on the server and starts polling it: the shared path of
	 * tasks and sessions.
	 * @param kind task or session
	 * @param spec the task or session options
	 * @return the started poller
	 */
	public Mono<TaskPoller> start(TaskKind kind, SmoothTask spec) {
		return start(kind, spec, (poller) -> {
		});
	}

	/**
	 * Creates a task or session and starts polling it, calling a hook with the new poller
	 * before its first poll (after every {@link TaskSupport}), so listeners and polling
	 * modes are in place before anything is polled.
	 * @param kind task or session
	 * @param spec the task or session options
	 * @param beforeStart the hook
	 * @return the started poller
	 */
	public Mono<TaskPoller> start(TaskKind kind, SmoothTask spec, Consumer<TaskPoller> beforeStart) {
		TaskStart initial = new TaskStart(kind, this.requests.create(spec, null), spec.tools());
		return Mono.defer(() -> {
			TaskStart start = initial;
			for (TaskSupport support : this.supports) {
				start = support.prepare(start);
			}
			TaskStart prepared = start;
			return this.api.createTask(prepared.request())
				.doOnError((ex) -> this.supports.forEach((support) -> support.failed(prepared, ex)))
				.map((created) -> startPolling(prepared, created.id(), created, beforeStart));
		});
	}

	private TaskPoller startPolling(TaskStart start, String taskId, TaskResponse initial,
			Consumer<TaskPoller> beforeStart) {
		TaskPoller poller = this.engine.create(taskId, 0, initial);
		for (TaskSupport support : this.supports) {
			support.started(start, poller);
		}
		beforeStart.accept(poller);
		poller.start();
		return poller;
	}

	@Override
	public TaskHandle attach(String taskId) {
		Validate.notBlank("taskId", taskId);
		// the first read is awaited here so an unknown id fails at once, as in the SDKs;
		// it
		// is a poll like the others (event_t=0), whose events the poller reads again
		TaskResponse current = Futures.await(this.api.getTask(taskId, 0L), this.timeouts.call(), taskId, "the task");
		return handle(
				startPolling(new TaskStart(TaskKind.TASK, null, ToolSelection.DEFAULT), taskId, current, (poller) -> {
				}));
	}

	private TaskHandle handle(TaskPoller poller) {
		return new TaskHandle(poller, this.converter, this.timeouts.task(), this.timeouts.liveUrl());
	}

	/**
	 * The API client, for features built on this template.
	 * @return the client
	 */
	public SmoothApiClient api() {
		return this.api;
	}

	/**
	 * The output converter.
	 * @return the converter
	 */
	public OutputConverter converter() {
		return this.converter;
	}

	/**
	 * The waiting bounds.
	 * @return the timeouts
	 */
	public Timeouts timeouts() {
		return this.timeouts;
	}

	/**
	 * Sets the factory of sessions (the auto-configuration passes one with the configured
	 * action timeout, the action observer and the shutdown registry). Without one,
	 * sessions use a 5-minute action timeout and are not closed at shutdown.
	 * @param factory the factory
	 */
	public void setSessionFactory(SessionFactory factory) {
		this.sessionFactory = Validate.notNull("factory", factory);
	}

	@Override
	public SmoothSession openSession() {
		return openSession(SessionSpec.defaults());
	}

	@Override
	public SmoothSession openSession(SessionSpec spec) {
		Validate.notNull("spec", spec);
		// a session created after the caller gave up would run, and bill, unseen: it
		// is closed when its id arrives
		return opening(spec).await(this.timeouts.call());
	}

	/**
	 * Opens a browser session without blocking. Cancelling the returned future before the
	 * server answered does not stop the creation: the session is force-closed as soon as
	 * its id arrives, and its id is logged at WARN.
	 * @param spec the session options
	 * @return completes with the open session once the server created it
	 */
	public CompletableFuture<SmoothSession> openSessionAsync(SessionSpec spec) {
		Validate.notNull("spec", spec);
		return opening(spec).future();
	}

	private Creation<SmoothSession> opening(SessionSpec spec) {
		return Creation.of(
				sessions().open(spec,
						new SessionLaunch((options, beforeStart) -> start(TaskKind.SESSION, options, beforeStart),
								this.converter, this.timeouts.call(), this.timeouts.liveUrl())),
				"session", SmoothSession::id, SmoothSession::closeAsync);
	}

	private SessionFactory sessions() {
		SessionFactory factory = this.sessionFactory;
		if (factory == null) {
			synchronized (this) {
				factory = this.sessionFactory;
				if (factory == null) {
					factory = new SessionFactory(Duration.ofMinutes(5), new SmoothSchemaGenerator(),
							SessionActionObserver.NOOP, new SessionRegistry(Duration.ofSeconds(10)));
					this.sessionFactory = factory;
				}
			}
		}
		return factory;
	}

	/**
	 * The bounds of blocking waits.
	 *
	 * @param task default bound of {@code await()} and {@code run(...)}
	 * @param liveUrl default bound of {@code liveUrl()}
	 * @param call bound of one API call made on the caller's thread (submit, cancel)
	 */
	public record Timeouts(Duration task, Duration liveUrl, Duration call) {

		public Timeouts {
			Validate.positive("smooth.task.default-timeout", task);
			Validate.positive("smooth.task.live-url-timeout", liveUrl);
			Validate.positive("call timeout", call);
		}

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

}
