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

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskRequest;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.api.ToolSignature;
import sh.smooth.spring.browser.BrowserOptions;
import sh.smooth.spring.browser.Instruction;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.observation.DefaultSmoothTaskObservationConvention;
import sh.smooth.spring.observation.SmoothObservationDocumentation;
import sh.smooth.spring.observation.SmoothTaskObservationContext;
import sh.smooth.spring.observation.SmoothTaskObservationConvention;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.support.Validate;

/**
 * Starts tasks and sessions, and attaches to existing ones: the one path every task
 * takes. It writes the request (with the custom tools the task is offered), creates the
 * task with {@code POST /task} (never repeated once it may have reached the server),
 * starts the task's {@code smooth.task} observation, makes its {@link TaskRun}, attaches
 * the tools that answer its calls and starts polling it. A creation whose caller gives up
 * before the id arrives leaves no orphan ({@link Creation}). With a {@link TaskFleet} (a
 * shared task store), creations and attachments go through it: it may queue a submit,
 * reuse the task of an idempotency key, and records every task. Thread-safe; one per
 * client.
 */
public final class TaskLauncher {

	private static final DefaultSmoothTaskObservationConvention DEFAULT_CONVENTION = new DefaultSmoothTaskObservationConvention();

	private final SmoothApiClient api;

	private final PollingEngine engine;

	private final TaskRequestMapper mapper;

	private final ToolAttachment tools;

	private final ObservationRegistry observations;

	private final @Nullable SmoothTaskObservationConvention convention;

	private final TaskFleet fleet;

	/**
	 * Creates a launcher.
	 * @param api the API client
	 * @param engine polls the tasks
	 * @param mapper writes the requests
	 * @param tools the custom tools ({@link ToolAttachment#NONE} for none)
	 * @param observations where the {@code smooth.task} observations go
	 * ({@link ObservationRegistry#NOOP} records nothing)
	 * @param convention a convention replacing the default, or {@code null}
	 */
	public TaskLauncher(SmoothApiClient api, PollingEngine engine, TaskRequestMapper mapper, ToolAttachment tools,
			ObservationRegistry observations, @Nullable SmoothTaskObservationConvention convention) {
		this(api, engine, mapper, tools, observations, convention, TaskFleet.NONE);
	}

	/**
	 * Creates a launcher whose tasks a fleet follows.
	 * @param api the API client
	 * @param engine polls the tasks
	 * @param mapper writes the requests
	 * @param tools the custom tools ({@link ToolAttachment#NONE} for none)
	 * @param observations where the {@code smooth.task} observations go
	 * @param convention a convention replacing the default, or {@code null}
	 * @param fleet the fleet ({@link TaskFleet#NONE} for a single instance)
	 */
	public TaskLauncher(SmoothApiClient api, PollingEngine engine, TaskRequestMapper mapper, ToolAttachment tools,
			ObservationRegistry observations, @Nullable SmoothTaskObservationConvention convention, TaskFleet fleet) {
		this.fleet = Validate.notNull("fleet", fleet);
		this.api = api;
		this.engine = engine;
		this.mapper = mapper;
		this.tools = tools;
		this.observations = observations;
		this.convention = convention;
	}

	/**
	 * Starts a task or session now, for callers that wait or take a future: wrap the
	 * result in a {@link Creation} (with what is made of the run) so that a caller who
	 * gives up leaves no orphan. The request is written (and the tool selection checked)
	 * on the caller's thread, before any HTTP call.
	 * @param kind task or session
	 * @param instruction what the agent should do, {@code null} for a session
	 * @param options the browser options
	 * @return completes with the run once the server created the task; cancelling it does
	 * not stop the creation
	 */
	public CompletableFuture<TaskRun> create(TaskKind kind, @Nullable Instruction instruction, BrowserOptions options) {
		// never completed: this form has no give-up signal (one per call, so nothing
		// accumulates on a shared future)
		return create(kind, instruction, options, TaskKeys.NONE, new CompletableFuture<Void>());
	}

	/**
	 * Starts a task or session now, with the keys the fleet keeps (see
	 * {@link #create(TaskKind, Instruction, BrowserOptions)}).
	 * @param kind task or session
	 * @param instruction what the agent should do, {@code null} for a session
	 * @param options the browser options
	 * @param keys the idempotency and correlation keys ({@link TaskKeys#NONE} for none)
	 * @param gaveUp completes when the caller gives up: a submit still queued for a slot
	 * then leaves the queue
	 * @return completes with the run once the server created the task (or with the run of
	 * the task of the same idempotency key); cancelling it does not stop the creation
	 */
	public CompletableFuture<TaskRun> create(TaskKind kind, @Nullable Instruction instruction, BrowserOptions options,
			TaskKeys keys, CompletionStage<?> gaveUp) {
		Validate.notNull("keys", keys);
		Validate.notNull("gaveUp", gaveUp);
		Launch launch = prepare(kind, instruction, options);
		// a copy: cancelling what the caller holds must not cancel the POST
		return create(launch, keys, gaveUp).toFuture().copy();
	}

	/**
	 * Starts a task or session when subscribed. The request is written (and the tool
	 * selection checked) at once, before any HTTP call. Cancelling the subscription
	 * before the id arrives does not stop the creation: the task is cancelled as soon as
	 * its id arrives.
	 * @param kind task or session
	 * @param instruction what the agent should do, {@code null} for a session
	 * @param options the browser options
	 * @return the run, once the server created the task
	 */
	public Mono<TaskRun> launch(TaskKind kind, @Nullable Instruction instruction, BrowserOptions options) {
		return launch(kind, instruction, options, TaskKeys.NONE);
	}

	/**
	 * Starts a task or session when subscribed, with the keys the fleet keeps (see
	 * {@link #launch(TaskKind, Instruction, BrowserOptions)}); cancelling the
	 * subscription while the submit waits for a slot leaves the queue.
	 * @param kind task or session
	 * @param instruction what the agent should do, {@code null} for a session
	 * @param options the browser options
	 * @param keys the idempotency and correlation keys
	 * @return the run, once the server created the task
	 */
	public Mono<TaskRun> launch(TaskKind kind, @Nullable Instruction instruction, BrowserOptions options,
			TaskKeys keys) {
		Validate.notNull("keys", keys);
		Launch launch = prepare(kind, instruction, options);
		return Mono.defer(() -> {
			CompletableFuture<Void> gaveUp = new CompletableFuture<>();
			Creation<TaskRun> creation = Creation.of(create(launch, keys, gaveUp).toFuture(), kind.value(), TaskRun::id,
					(run) -> run.cancel().toFuture());
			creation.future().whenComplete((run, error) -> {
				if (creation.future().isCancelled()) {
					gaveUp.complete(null);
				}
			});
			// cancelling the subscription cancels the creation's future: a late id is
			// then cancelled on arrival
			return Mono.fromFuture(creation.future());
		});
	}

	/**
	 * Attaches to a task that already exists (submitted by another process, or before a
	 * restart): reads it once, which fails at once for an unknown id, then polls it until
	 * it ends, with the default tools attached.
	 * @param taskId the task id
	 * @return the run
	 */
	public Mono<TaskRun> attach(String taskId) {
		Validate.notBlank("taskId", taskId);
		if (this.fleet == TaskFleet.NONE) {
			return attach(taskId, TaskKind.TASK, 0L, (run) -> {
			});
		}
		return this.fleet.attach(taskId, this::attach);
	}

	/**
	 * Attaches to a task that already exists from a stored cursor: for the fleet, which
	 * takes over the tasks of an instance that died. Reads the task once (from the
	 * cursor), then polls it from the cursor until it ends, with the default tools.
	 * @param taskId the task id
	 * @param kind task or session
	 * @param eventT the event cursor (0 for every event)
	 * @param beforeStart called with the run before its first poll
	 * @return the run
	 */
	public Mono<TaskRun> attach(String taskId, TaskKind kind, long eventT, Consumer<TaskRun> beforeStart) {
		Validate.notBlank("taskId", taskId);
		Validate.notNull("kind", kind);
		Validate.notNull("beforeStart", beforeStart);
		ToolAttachment.Selected selected = this.tools.select(BrowserOptions.defaults().tools());
		// the first read is a poll like the others (event_t = the cursor), whose events
		// the
		// poller reads again
		return this.api.getTask(taskId, eventT)
			.map((current) -> started(kind, null, taskId, current, selected, Set.of(),
					SmoothTaskObservationContext.APPLICATION, eventT, beforeStart));
	}

	/**
	 * Reads a task once, without polling it.
	 * @param taskId the task id
	 * @return the response, whatever its status
	 */
	public Mono<TaskResponse> read(String taskId) {
		Validate.notBlank("taskId", taskId);
		return this.api.getTask(taskId, false);
	}

	/**
	 * Cancels a task by id ({@code DELETE /task/{id}}).
	 * @param taskId the task id
	 * @return {@code true} when the server accepted, {@code false} when the task is
	 * unknown or has already ended (404)
	 */
	public Mono<Boolean> cancel(String taskId) {
		Validate.notBlank("taskId", taskId);
		return this.api.cancelTask(taskId);
	}

	/**
	 * The request mapper, for what runs inside a task ({@code run_task}).
	 * @return the mapper
	 */
	public TaskRequestMapper mapper() {
		return this.mapper;
	}

	private Launch prepare(TaskKind kind, @Nullable Instruction instruction, BrowserOptions options) {
		Validate.notNull("kind", kind);
		Validate.notNull("options", options);
		ToolAttachment.Selected selected = this.tools.select(options.tools());
		TaskRequest request = this.mapper.request(instruction, options, selected.signatures());
		Set<String> toolNames = selected.signatures()
			.stream()
			.map(ToolSignature::name)
			.collect(Collectors.toUnmodifiableSet());
		return new Launch(kind, request, selected, toolNames, options.origin());
	}

	private Mono<TaskRun> create(Launch launch, TaskKeys keys, CompletionStage<?> gaveUp) {
		if (this.fleet == TaskFleet.NONE) {
			return post(launch, (run) -> {
			});
		}
		return this.fleet.create(new TaskFleet.Creating() {

			@Override
			public TaskKind kind() {
				return launch.kind();
			}

			@Override
			public TaskKeys keys() {
				return keys;
			}

			@Override
			public CompletionStage<?> gaveUp() {
				return gaveUp;
			}

			@Override
			public Mono<TaskRun> post(Consumer<TaskRun> beforeStart) {
				return TaskLauncher.this.post(launch, beforeStart);
			}

			@Override
			public Mono<TaskRun> attach(String taskId, Consumer<TaskRun> beforeStart) {
				return TaskLauncher.this.attach(taskId, launch.kind(), 0L, beforeStart);
			}

		});
	}

	private Mono<TaskRun> post(Launch launch, Consumer<TaskRun> beforeStart) {
		return this.api.createTask(launch.request())
			.doOnError((error) -> refused(launch, error))
			.map((created) -> started(launch.kind(), launch.request(), created.id(), created, launch.selected(),
					launch.toolNames(), launch.origin(), 0L, beforeStart));
	}

	private TaskRun started(TaskKind kind, @Nullable TaskRequest request, String taskId, TaskResponse initial,
			ToolAttachment.Selected selected, Set<String> toolNames, String origin, long eventT,
			Consumer<TaskRun> beforeStart) {
		SmoothTaskObservationContext context = new SmoothTaskObservationContext(kind, request, taskId, toolNames,
				origin);
		Observation observation = observation(context).start();
		TaskRun run;
		try {
			run = new TaskRun(taskId, kind, initial, eventT, this.api, this.engine, observation, context);
		}
		catch (RuntimeException ex) {
			// the engine is shut down
			context.setStatus(SmoothTaskObservationContext.ERROR);
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		// before the first poll: no tool call may be missed
		selected.attach(run);
		beforeStart.accept(run);
		run.start();
		return run;
	}

	/**
	 * A task the server refused to create is recorded at once as an error.
	 */
	private void refused(Launch launch, Throwable error) {
		SmoothTaskObservationContext context = new SmoothTaskObservationContext(launch.kind(), launch.request(), null,
				launch.toolNames(), launch.origin());
		Observation observation = observation(context).start();
		context.setStatus((error instanceof SmoothTimeoutException) ? SmoothTaskObservationContext.TIMEOUT
				: SmoothTaskObservationContext.ERROR);
		observation.error(error);
		observation.stop();
	}

	private Observation observation(SmoothTaskObservationContext context) {
		return SmoothObservationDocumentation.TASK.observation(this.convention, DEFAULT_CONVENTION, () -> context,
				this.observations);
	}

	private record Launch(TaskKind kind, TaskRequest request, ToolAttachment.Selected selected, Set<String> toolNames,
			String origin) {
	}

}
