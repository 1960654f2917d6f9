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

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.io.buffer.DataBuffer;

import sh.smooth.spring.api.ActionInput;
import sh.smooth.spring.api.CallSafety;
import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskKind;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothTimeoutException;
import sh.smooth.spring.observation.SmoothTaskObservationContext;
import sh.smooth.spring.polling.PollReceiver;
import sh.smooth.spring.polling.PollingEngine;
import sh.smooth.spring.polling.TaskPoller;

/**
 * One task or session in flight, from its creation (or attachment) until it ends: its
 * latest response, its completion, the listeners and waiters of its responses, its
 * {@code smooth.task} observation (the parent of its actions and tool calls), and the
 * calls made for it (events, cancel, reads). Its {@link TaskPoller} decides when to poll
 * and hands every response here. Made only by the {@link TaskLauncher}. Thread-safe.
 */
public final class TaskRun {

	private static final Log logger = LogFactory.getLog(TaskRun.class);

	private final String id;

	private final TaskKind kind;

	private final SmoothApiClient api;

	private final Scheduler scheduler;

	private final Observation observation;

	private final SmoothTaskObservationContext observationContext;

	private final TaskPoller poller;

	private final ResponseWaiters waiters;

	private final CompletableFuture<TaskResponse> completion = new CompletableFuture<>();

	private final List<TaskRunListener> listeners = new CopyOnWriteArrayList<>();

	private final Object listenerLock = new Object();

	/** Set, under listenerLock, once the listeners were told of the end. */
	private boolean ended;

	private volatile @Nullable TaskResponse latest;

	TaskRun(String id, TaskKind kind, @Nullable TaskResponse initial, long eventT, SmoothApiClient api,
			PollingEngine engine, Observation observation, SmoothTaskObservationContext observationContext) {
		this.id = id;
		this.kind = kind;
		this.api = api;
		this.scheduler = engine.scheduler();
		this.observation = observation;
		this.observationContext = observationContext;
		this.latest = initial;
		this.waiters = new ResponseWaiters(id, this.scheduler);
		this.poller = engine.create(id, eventT, initial, new Receiver());
		if (kind == TaskKind.SESSION) {
			// an idle session costs no requests: only actions (and waiters) poll it
			this.poller.pauseWhenIdle();
		}
	}

	/**
	 * Sends the first poll; called by the launcher once the listeners are in place.
	 */
	void start() {
		this.poller.start();
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Task or session.
	 * @return the kind
	 */
	public TaskKind kind() {
		return this.kind;
	}

	/**
	 * The latest response seen (from the submit, the attach or a poll).
	 * @return the response, or {@code null} before the first one
	 */
	public @Nullable TaskResponse latest() {
		return this.latest;
	}

	/**
	 * Completes with the final response, or exceptionally when polling fails. Dependent
	 * stages run on the polling scheduler unless an async variant is used. Do not
	 * complete or cancel it.
	 * @return the completion
	 */
	public CompletableFuture<TaskResponse> completion() {
		return this.completion;
	}

	/**
	 * Whether the task has ended or polling has stopped.
	 * @return whether the run is over
	 */
	public boolean isDone() {
		return this.completion.isDone();
	}

	/**
	 * The task's {@code smooth.task} observation, the parent of the observations of its
	 * actions and tool calls ({@link Observation#NOOP} when nothing is observed).
	 * @return the observation
	 */
	public Observation observation() {
		return this.observation;
	}

	/**
	 * The shared scheduler, for timers of what runs on this task.
	 * @return the scheduler
	 */
	public Scheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Adds a listener. Listeners added by the launcher see every event; a listener added
	 * after the run ended is told of the end at once.
	 * @param listener the listener
	 */
	public void addListener(TaskRunListener listener) {
		synchronized (this.listenerLock) {
			if (!this.ended) {
				this.listeners.add(listener);
				return;
			}
		}
		// the end is being (or was) told: this listener hears it once, when it is known
		this.completion.whenComplete((response, error) -> safely(() -> {
			if (error != null) {
				listener.onFailure(this, error);
			}
			else {
				listener.onTerminal(this, response);
			}
		}));
	}

	/**
	 * Removes a listener.
	 * @param listener the listener
	 */
	public void removeListener(TaskRunListener listener) {
		this.listeners.remove(listener);
	}

	/**
	 * Completes when a response matches the condition, failing with a
	 * {@link SmoothTimeoutException} when none did within the timeout, and with a
	 * {@link sh.smooth.spring.error.SmoothException} when the task ends without a match
	 * or polling fails. Checking the latest response and registering the waiter is one
	 * step with respect to response handling: a response that meets the condition is
	 * never missed. While it waits, the task is polled at the active cadence; a waiter
	 * that times out or is cancelled is removed at once.
	 * @param condition the condition; it runs on the caller's thread and on the polling
	 * scheduler, so it must be quick and must not block
	 * @param description what is waited for, for messages
	 * @param timeout the bound, or {@code null} for none (then cancel the future when
	 * giving up)
	 * @return the future
	 */
	public CompletableFuture<TaskResponse> awaitResponse(Predicate<TaskResponse> condition, String description,
			@Nullable Duration timeout) {
		return this.waiters.await(() -> this.latest, this.poller, condition, description, timeout);
	}

	/**
	 * Sends an event to the task ({@code POST /task/{id}/event}).
	 * @param event the event
	 * @param safety whether the call may be repeated after it may have reached the server
	 * @return completes when the server accepted it
	 */
	public Mono<Void> send(TaskEvent event, CallSafety safety) {
		return this.api.sendEvent(this.id, event, safety);
	}

	/**
	 * Sends a session action ({@code POST /task/{id}/event}); never repeated once it may
	 * have reached the server.
	 * @param eventId the client-generated id the result will carry
	 * @param input the action's typed input
	 * @return completes when the server accepted it
	 */
	public Mono<Void> sendAction(String eventId, ActionInput input) {
		return this.api.sendAction(this.id, eventId, input);
	}

	/**
	 * Cancels the task ({@code DELETE /task/{id}}) and polls soon after, so the final
	 * status follows quickly.
	 * @return {@code true} when the server accepted, {@code false} when the task had
	 * already ended (404)
	 */
	public Mono<Boolean> cancel() {
		return this.api.cancelTask(this.id).doOnSuccess((accepted) -> this.poller.wakeUp());
	}

	/**
	 * Reads the task once, outside the poll schedule.
	 * @param downloads whether to ask for the downloads archive URL
	 * @return the response
	 */
	public Mono<TaskResponse> read(boolean downloads) {
		return this.api.getTask(this.id, downloads);
	}

	/**
	 * Streams a file the server published for this task (the downloads archive), without
	 * the API key.
	 * @param url the file's URL
	 * @return the body
	 */
	public Flux<DataBuffer> download(URI url) {
		return this.api.download(url, this.id);
	}

	/**
	 * Marks something as waiting on this task (a pending action): polled at the active
	 * cadence, never paused. Pair with {@link #releaseActivity()}.
	 */
	public void retainActivity() {
		this.poller.retainActivity();
	}

	/**
	 * Like {@link #retainActivity()}, without a poll at once: for an action whose request
	 * is still to be sent, after which {@link #expectResult(String)} or {@link #wakeUp()}
	 * polls.
	 */
	public void retainActivityQuietly() {
		this.poller.retainActivityQuietly();
	}

	/**
	 * Ends one {@link #retainActivity()}.
	 */
	public void releaseActivity() {
		this.poller.releaseActivity();
	}

	/**
	 * Keeps the task polled at the steady active interval (custom tools attached). Pair
	 * with {@link #releaseSteadyPolling()}.
	 */
	public void retainSteadyPolling() {
		this.poller.retainSteadyPolling();
	}

	/**
	 * Ends one {@link #retainSteadyPolling()}.
	 */
	public void releaseSteadyPolling() {
		this.poller.releaseSteadyPolling();
	}

	/**
	 * Polls again as soon as possible (after an action was sent).
	 */
	public void wakeUp() {
		this.poller.wakeUp();
	}

	/**
	 * Polls for the result of a request the server has just accepted (a session action)
	 * when results of its kind came before, else at once (see
	 * {@link TaskPoller#expectResult(String)}). Pair with
	 * {@link #resultSeen(String, long)}.
	 * @param kind the kind of request, such as the action name
	 */
	public void expectResult(String kind) {
		this.poller.expectResult(kind);
	}

	/**
	 * Notes that the result of a request of this kind came in the poll being handled (see
	 * {@link TaskPoller#resultSeen(String, long)}).
	 * @param kind the kind, as given to {@link #expectResult(String)}
	 * @param acceptedNanos {@link System#nanoTime()} when the server accepted the request
	 */
	public void resultSeen(String kind, long acceptedNanos) {
		this.poller.resultSeen(kind, acceptedNanos);
	}

	private void onReceived(TaskResponse response, List<TaskEvent> fresh) {
		this.latest = response;
		if (!fresh.isEmpty()) {
			this.listeners.forEach((listener) -> safely(() -> listener.onEvents(this, fresh)));
		}
		this.listeners.forEach((listener) -> safely(() -> listener.onResponse(this, response)));
		this.waiters.offer(response);
		if (!response.isTerminal()) {
			return;
		}
		this.observationContext.setResponse(response);
		stopObservation(null);
		List<TaskRunListener> told = endListeners();
		this.completion.complete(response);
		told.forEach((listener) -> safely(() -> listener.onTerminal(this, response)));
	}

	private void onStopped(Throwable error) {
		TaskResponse last = this.latest;
		this.observationContext.setStatus((error instanceof SmoothTimeoutException)
				? SmoothTaskObservationContext.TIMEOUT : SmoothTaskObservationContext.ERROR);
		// the final value is unknown: the last one seen is the best lower bound
		this.observationContext.setCreditsUsed((last != null) ? last.creditsUsed() : null);
		stopObservation(error);
		List<TaskRunListener> told = endListeners();
		this.completion.completeExceptionally(error);
		told.forEach((listener) -> safely(() -> listener.onFailure(this, error)));
		this.waiters.fail(error);
	}

	private List<TaskRunListener> endListeners() {
		synchronized (this.listenerLock) {
			this.ended = true;
			return List.copyOf(this.listeners);
		}
	}

	private void stopObservation(@Nullable Throwable error) {
		try {
			if (error != null) {
				this.observation.error(error);
			}
			this.observation.stop();
		}
		catch (RuntimeException ex) {
			// metrics must never break a task
			logger.debug("The observation of Smooth task " + this.id + " failed", ex);
		}
	}

	private void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// one faulty listener must not stop the poller or starve the others
			logger.warn("A Smooth task listener failed for task " + this.id, ex);
		}
	}

	@Override
	public String toString() {
		return "TaskRun[" + this.id + ", " + this.kind.value() + "]";
	}

	/**
	 * What the poller hands its results to; private, so the callbacks are not part of the
	 * run's API.
	 */
	private final class Receiver implements PollReceiver {

		@Override
		public void received(TaskResponse response, List<TaskEvent> fresh) {
			onReceived(response, fresh);
		}

		@Override
		public void stopped(Throwable error) {
			onStopped(error);
		}

	}

}
