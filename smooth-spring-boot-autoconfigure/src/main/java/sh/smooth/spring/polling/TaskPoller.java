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

package sh.smooth.spring.polling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

import sh.smooth.spring.api.SmoothApiClient;
import sh.smooth.spring.api.TaskEvent;
import sh.smooth.spring.api.TaskResponse;
import sh.smooth.spring.error.SmoothException;

/**
 * Polls one task with {@code GET /task/{id}?event_t=} on the shared scheduler, advancing
 * the event cursor and handing events to its listeners. At most one request is in flight
 * per task; between requests the task costs a timer, not a thread.
 * <p>
 * A plain task is polled from submit until it ends. A session may be marked
 * {@linkplain #pauseWhenIdle() pause-when-idle}: it stops polling while nothing is
 * pending and starts again on {@link #wakeUp()}.
 */
public final class TaskPoller {

	private static final Log logger = LogFactory.getLog(TaskPoller.class);

	private static final long HELD_NANOS = java.time.Duration.ofSeconds(1).toNanos();

	private final String taskId;

	private final PollingEngine engine;

	private final List<TaskEventListener> listeners = new CopyOnWriteArrayList<>();

	private final CompletableFuture<TaskResponse> completion = new CompletableFuture<>();

	private final List<ResponseWaiter> waiters = new CopyOnWriteArrayList<>();

	private final AtomicInteger activity = new AtomicInteger();

	private final AtomicInteger steady = new AtomicInteger();

	private volatile @Nullable TaskResponse latest;

	/** Touched only by the poll chain, which runs one step at a time. */
	private long eventT;

	// scheduling state, guarded by "this"
	private boolean started;

	private boolean inFlight;

	private boolean wakeRequested;

	private boolean paused;

	private boolean stopped;

	private boolean pauseWhenIdle;

	private boolean queued;

	private long currentDelayMillis;

	private @Nullable Disposable pending;

	private @Nullable Disposable inFlightCall;

	private long generation;

	/** When the request in flight was sent; a long wait means the server held it. */
	private volatile long pollSentNanos;

	TaskPoller(String taskId, PollingEngine engine, long eventT, @Nullable TaskResponse initial) {
		this.taskId = taskId;
		this.engine = engine;
		this.eventT = eventT;
		this.latest = initial;
	}

	/**
	 * The task id.
	 * @return the id
	 */
	public String taskId() {
		return this.taskId;
	}

	/**
	 * The API client, for listeners that answer events.
	 * @return the client
	 */
	public SmoothApiClient api() {
		return this.engine.api();
	}

	/**
	 * The shared scheduler, for timers of features built on this task.
	 * @return the scheduler
	 */
	public reactor.core.scheduler.Scheduler scheduler() {
		return this.engine.scheduler();
	}

	/**
	 * The latest response seen (from the submit or a poll).
	 * @return the response, or {@code null} before the first one
	 */
	public @Nullable TaskResponse latest() {
		return this.latest;
	}

	/**
	 * Completes with the final response, or exceptionally when polling fails. Dependent
	 * stages run on the polling scheduler unless an async variant is used.
	 * @return the completion
	 */
	public CompletableFuture<TaskResponse> completion() {
		return this.completion;
	}

	/**
	 * Whether the task has ended or polling has stopped.
	 * @return whether polling is over
	 */
	public boolean isDone() {
		return this.completion.isDone();
	}

	/**
	 * Adds a listener. Add listeners before {@link #start()} to see every event.
	 * @param listener the listener
	 */
	public void addListener(TaskEventListener listener) {
		this.listeners.add(listener);
	}

	/**
	 * Makes this poller stop while idle (no activity, no waiters) and restart on
	 * {@link #wakeUp()}; for sessions.
	 * @return this poller
	 */
	public synchronized TaskPoller pauseWhenIdle() {
		this.pauseWhenIdle = true;
		return this;
	}

	/**
	 * Starts polling now. Idempotent.
	 */
	public void start() {
		synchronized (this) {
			if (this.started || this.stopped) {
				return;
			}
			this.started = true;
			schedule(0);
		}
	}

	/**
	 * Marks something as waiting on this task (a pending action, attached tools): polls
	 * at the active cadence and does not pause. Pair with {@link #releaseActivity()}.
	 */
	public void retainActivity() {
		this.activity.incrementAndGet();
		wakeUp();
	}

	/**
	 * Ends one {@link #retainActivity()}.
	 */
	public void releaseActivity() {
		this.activity.updateAndGet((n) -> Math.max(0, n - 1));
	}

	/**
	 * Keeps the task polled at a steady {@code activeMaxInterval} (no backoff beyond it,
	 * no pause) until released: for custom tools, whose calls may come at any time and
	 * should be seen within that interval, at a bounded cost of requests per second. Pair
	 * with {@link #releaseSteadyPolling()}.
	 */
	public void retainSteadyPolling() {
		this.steady.incrementAndGet();
		wakeUp();
	}

	/**
	 * Ends one {@link #retainSteadyPolling()}.
	 */
	public void releaseSteadyPolling() {
		this.steady.updateAndGet((n) -> Math.max(0, n - 1));
	}

	/**
	 * Polls again as soon as possible and restarts the backoff from the first delay. Call
	 * after sending an action, so its result is seen quickly.
	 */
	public void wakeUp() {
		synchronized (this) {
			if (!this.started || this.stopped) {
				return;
			}
			this.currentDelayMillis = 0;
			if (this.inFlight) {
				this.wakeRequested = true;
				return;
			}
			if (this.queued) {
				return;
			}
			if (this.pending != null) {
				this.pending.dispose();
				this.pending = null;
			}
			this.paused = false;
			schedule(0);
		}
	}

	/**
	 * Completes when a response matches the condition. Fails when the task ends without a
	 * match, or polling fails.
	 * @param condition the condition
	 * @param description what is waited for, for the error message
	 * @return the future
	 */
	public CompletableFuture<TaskResponse> awaitResponse(Predicate<TaskResponse> condition, String description) {
		ResponseWaiter waiter = new ResponseWaiter(condition, description);
		TaskResponse current = this.latest;
		if (current != null && condition.test(current)) {
			waiter.future.complete(current);
			return waiter.future;
		}
		if (this.completion.isDone()) {
			failWaiter(waiter, current);
			return waiter.future;
		}
		this.waiters.add(waiter);
		waiter.future.whenComplete((r, ex) -> this.waiters.remove(waiter));
		wakeUp();
		return waiter.future;
	}

	/**
	 * Stops polling and fails every waiter; used when the client shuts down.
	 * @param reason the error handed to waiters and listeners
	 */
	public void stop(SmoothException reason) {
		Disposable timer;
		Disposable call;
		synchronized (this) {
			if (this.stopped) {
				return;
			}
			this.stopped = true;
			timer = this.pending;
			call = this.inFlightCall;
			this.pending = null;
			this.inFlightCall = null;
		}
		if (timer != null) {
			timer.dispose();
		}
		if (call != null) {
			call.dispose();
		}
		fail(reason);
	}

	private void schedule(long delayMillis) {
		// caller holds the lock
		this.pending = (delayMillis <= 0) ? this.engine.scheduler().schedule(this::pollThroughGate)
				: this.engine.scheduler().schedule(this::pollThroughGate, delayMillis, TimeUnit.MILLISECONDS);
	}

	private void pollThroughGate() {
		synchronized (this) {
			if (this.queued || this.stopped) {
				return;
			}
			// waiting for a permit of the rate cap: a wake-up must not queue a second
			// poll
			this.queued = true;
		}
		this.engine.submitPoll(this::poll, this.activity.get() > 0 || this.steady.get() > 0 || !this.waiters.isEmpty());
	}

	private void poll() {
		long cursor;
		long myGeneration;
		synchronized (this) {
			this.queued = false;
			if (this.stopped || this.inFlight) {
				return;
			}
			this.pending = null;
			this.inFlight = true;
			this.wakeRequested = false;
			myGeneration = ++this.generation;
			cursor = this.eventT;
		}
		this.pollSentNanos = System.nanoTime();
		// not subscribe(onResponse, onError): stop() disposes this call from another
		// thread, and Reactor would log an error that races it at ERROR (see PollCall)
		Disposable call = PollCall.subscribe(
				this.engine.api().getTask(this.taskId, cursor).publishOn(this.engine.scheduler()), this::onResponse,
				this::onError);
		synchronized (this) {
			// the response may already have been handled on another worker
			if (this.inFlight && this.generation == myGeneration && !this.stopped) {
				this.inFlightCall = call;
			}
		}
	}

	private void onResponse(TaskResponse response) {
		this.engine.recordPoll(response.isTerminal() ? PollOutcome.TERMINAL
				: response.eventList().isEmpty() ? PollOutcome.NO_EVENTS : PollOutcome.EVENTS);
		TaskResponse previous = this.latest;
		this.latest = response;
		List<TaskEvent> events = response.eventList();
		// news: events, always. A response the server held for a while: the server paces
		// us, so there is no need to wait on our side; and once the server is known to
		// hold polls, it also answers a held poll on a status change, which is news too
		boolean held = System.nanoTime() - this.pollSentNanos >= HELD_NANOS;
		if (held) {
			this.engine.serverHoldsPolls();
		}
		boolean statusChanged = previous == null || !previous.status().equals(response.status());
		boolean news = !events.isEmpty() || held || (statusChanged && this.engine.holdsPolls());
		advanceCursor(events);
		if (!events.isEmpty()) {
			for (TaskEventListener listener : this.listeners) {
				safely(() -> listener.onEvents(this, events));
			}
		}
		for (TaskEventListener listener : this.listeners) {
			safely(() -> listener.onResponse(this, response));
		}
		checkWaiters(response);
		if (response.isTerminal()) {
			finish(response);
			return;
		}
		synchronized (this) {
			this.inFlight = false;
			this.inFlightCall = null;
			if (this.stopped) {
				return;
			}
			if (news || this.wakeRequested) {
				this.currentDelayMillis = 0;
				schedule(0);
				return;
			}
			if (this.pauseWhenIdle && this.activity.get() == 0 && this.steady.get() == 0 && this.waiters.isEmpty()) {
				this.paused = true;
				return;
			}
			this.currentDelayMillis = nextDelay(this.currentDelayMillis);
			schedule(this.currentDelayMillis);
		}
	}

	private long nextDelay(long current) {
		PollingSettings settings = this.engine.settings();
		boolean urgent = this.activity.get() > 0 || !this.waiters.isEmpty();
		if (!urgent && this.steady.get() > 0) {
			// tools attached, nothing pending: a steady interval bounds both the latency
			// of
			// a tool call and the requests per second
			return settings.activeMaxInterval().toMillis();
		}
		long cap = urgent ? settings.activeMaxInterval().toMillis() : settings.maxInterval().toMillis();
		long next = (current <= 0) ? settings.firstDelay().toMillis() : (long) (current * settings.backoffFactor());
		return Math.min(Math.max(next, 1), cap);
	}

	private void advanceCursor(List<TaskEvent> events) {
		// the SDKs take the last element; the maximum is the same for ordered events and
		// safe for unordered ones
		for (TaskEvent event : events) {
			Long timestamp = event.timestamp();
			if (timestamp != null && timestamp > this.eventT) {
				this.eventT = timestamp;
			}
		}
	}

	private void onError(Throwable error) {
		this.engine.recordPoll(PollOutcome.ERROR);
		synchronized (this) {
			this.inFlight = false;
			this.inFlightCall = null;
			if (this.stopped) {
				return;
			}
			this.stopped = true;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Polling of Smooth task " + this.taskId + " failed: " + error);
		}
		fail(error);
	}

	private void finish(TaskResponse response) {
		synchronized (this) {
			this.stopped = true;
			this.inFlight = false;
			this.inFlightCall = null;
			this.pending = null;
		}
		this.engine.unregister(this);
		this.completion.complete(response);
		for (TaskEventListener listener : this.listeners) {
			safely(() -> listener.onTerminal(this, response));
		}
		for (ResponseWaiter waiter : new ArrayList<>(this.waiters)) {
			failWaiter(waiter, response);
		}
	}

	private void fail(Throwable error) {
		this.engine.unregister(this);
		this.completion.completeExceptionally(error);
		for (TaskEventListener listener : this.listeners) {
			safely(() -> listener.onFailure(this, error));
		}
		for (ResponseWaiter waiter : new ArrayList<>(this.waiters)) {
			waiter.future.completeExceptionally(error);
		}
	}

	private void checkWaiters(TaskResponse response) {
		for (Iterator<ResponseWaiter> it = this.waiters.iterator(); it.hasNext();) {
			ResponseWaiter waiter = it.next();
			if (waiter.condition.test(response)) {
				waiter.future.complete(response);
			}
		}
	}

	private void failWaiter(ResponseWaiter waiter, @Nullable TaskResponse response) {
		String status = (response != null) ? response.status() : "unknown";
		waiter.future.completeExceptionally(new SmoothException(
				"Smooth task " + this.taskId + " ended with status " + status + " before " + waiter.description));
	}

	private void safely(Runnable action) {
		try {
			action.run();
		}
		catch (RuntimeException ex) {
			// one faulty listener must not stop the poller or starve the others
			logger.warn("A Smooth event listener failed for task " + this.taskId, ex);
		}
	}

	@Override
	public String toString() {
		return "TaskPoller[" + this.taskId + "]";
	}

	private static final class ResponseWaiter {

		final Predicate<TaskResponse> condition;

		final String description;

		final CompletableFuture<TaskResponse> future = new CompletableFuture<>();

		ResponseWaiter(Predicate<TaskResponse> condition, String description) {
			this.condition = condition;
			this.description = description;
		}

	}

}
